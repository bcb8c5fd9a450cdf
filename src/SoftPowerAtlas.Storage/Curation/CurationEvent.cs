namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// One edit in the audit log: who made it and when, what kind, on which stable target
/// (<c>fact:KEY</c>, <c>entity:KEY</c>, <c>document:CONTENT_HASH</c>), and the state before and after
/// as JSON. An undo is an event too (<see cref="Undoes"/>); the event it undid names it in <see cref="UndoneBy"/>.
/// </summary>
public sealed record CurationEvent(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Target,
    string? Before,
    string? After,
    long? Undoes,
    long? UndoneBy)
{
    /// <summary>In force: not an undo, and not undone.</summary>
    public bool IsActive => Kind != CurationKinds.Undo && UndoneBy is null;
}

/// <summary>The kinds of edit, as the log stores them.</summary>
public static class CurationKinds
{
    /// <summary>Fields of an engagement or a commitment corrected.</summary>
    public const string FactSet = "fact.set";

    /// <summary>A commitment marked done, dropped, or open again.</summary>
    public const string CommitmentStatus = "commitment.status";

    public const string EntityMerge = "entity.merge";

    public const string EntitySplit = "entity.split";

    public const string AliasAdd = "alias.add";

    /// <summary>A note on a fact, an entity or a document; changes nothing else.</summary>
    public const string Note = "note";

    public const string Undo = "undo";

    /// <summary>A document taken back out with its facts; cannot be undone (ingest the file again).</summary>
    public const string DocumentDelete = "document.delete";

    /// <summary>A report set apart from the engagement resolution joined it to (issue 25): resolution never joins it by its rule again.</summary>
    public const string EngagementSeparate = "engagement.separate";

    /// <summary>Two reports (engagements of two documents) declared one engagement, whatever resolution's rule says.</summary>
    public const string EngagementJoin = "engagement.join";

    /// <summary>A later report a curator says is not the outcome of a commitment (issue 25): the commitment is no longer "reported done" by it.</summary>
    public const string OutcomeReject = "outcome.reject";

    /// <summary>Kinds that change entities (applied again whenever a document mentioning them is written).</summary>
    public static readonly IReadOnlyList<string> EntityKinds = [EntityMerge, EntitySplit, AliasAdd];
}

/// <summary>Where a commitment stands by its latest status event.</summary>
public static class CommitmentStatuses
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Dropped = "dropped";
}

/// <summary>Why an edit was not made.</summary>
public enum CurationFailure
{
    None,

    /// <summary>The input is malformed (a bad id, an unknown type, an invalid date): a usage error.</summary>
    Invalid,

    /// <summary>The fact, entity, document or event named does not exist.</summary>
    NotFound,

    /// <summary>The edit cannot be made in the current state (an undo later events build on, a repeat).</summary>
    Conflict,
}

/// <summary>An edit made (its event), or why not, in words naming the input.</summary>
public sealed record CurationResult(CurationEvent? Event, string? Error, CurationFailure Failure)
{
    /// <summary>Anything more to say: a note on what happened beyond the event (e.g. documents rebuilt).</summary>
    public string? Detail { get; init; }

    public static CurationResult Made(CurationEvent e, string? detail = null) => new(e, null, CurationFailure.None) { Detail = detail };

    public static CurationResult Fail(CurationFailure failure, string error) => new(null, error, failure);
}

/// <summary>An active edit that found nothing to apply to: its fact is gone from a document that is still stored.</summary>
public sealed record UnappliedEdit(CurationEvent Event, string Reason);

/// <summary>A fact as curation shows and edits it: its key, kind, document and current fields as JSON.</summary>
public sealed record CuratedFact(string Key, string Kind, long DocumentId, string ContentHash, string State);

/// <summary>How the log names what an edit is about: <c>fact:KEY</c>, <c>entity:KEY</c>, <c>document:CONTENT_HASH</c>.</summary>
public static class CurationTargets
{
    public const string FactPrefix = "fact:";
    public const string EntityPrefix = "entity:";
    public const string DocumentPrefix = "document:";

    public static string Fact(string key) => FactPrefix + key;

    public static string Entity(string key) => EntityPrefix + key;

    public static string Document(string contentHash) => DocumentPrefix + contentHash;

    /// <summary>The key after the target's prefix (an entity key keeps its own colon: <c>entity:agency:dasta</c>).</summary>
    public static string KeyOf(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? target : target[(colon + 1)..];
    }
}
