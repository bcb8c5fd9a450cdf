using SoftPowerAtlas.Storage.Resolution;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>A commitment's status by its latest status event in force.</summary>
public sealed record CommitmentStatusMark(string Key, string Status, string? Note, DateTimeOffset ChangedAt, string Actor, string ContentHash);

/// <summary>A page of the audit log, newest first.</summary>
public sealed record CurationPage(IReadOnlyList<CurationEvent> Items, long Total, int Offset, int Limit);

public sealed partial class Curator
{
    /// <summary>
    /// Undoes an edit: the state it replaced comes back exactly, and the undo is logged as an event
    /// of its own. Refused, naming them, while later edits in force build on the same fact or entity
    /// (undo those first, newest first); an undo itself cannot be undone (make the edit again).
    /// </summary>
    public CurationResult Undo(long eventId, string actor) => Edit(actor, (sql, replay) =>
    {
        var e = CurationLog.Get(sql, eventId);
        if (e is null)
        {
            return CurationResult.Fail(CurationFailure.NotFound, $"no event {eventId} (see 'atlas history')");
        }

        if (e.Kind == CurationKinds.Undo)
        {
            return CurationResult.Fail(CurationFailure.Conflict, $"event {e.Id} is an undo (of event {e.Undoes}); to have that edit again, make it again");
        }

        if (e.Kind == CurationKinds.DocumentDelete)
        {
            return CurationResult.Fail(CurationFailure.Conflict, $"event {e.Id} deleted a document; to have it back, ingest its file again (the edits made to it come back with it)");
        }

        if (e.UndoneBy is { } by)
        {
            return CurationResult.Fail(CurationFailure.Conflict, $"event {e.Id} was already undone by event {by}");
        }

        var refs = References(e);
        var blocking = e.Kind == CurationKinds.Note ? [] : CurationLog.ActiveAfter(sql, e.Id).Where(later => References(later).Overlaps(refs)).ToList();
        if (blocking.Count > 0)
        {
            var list = string.Join(", ", blocking.Select(b => $"{b.Id} ({b.Kind} on {b.Target})"));
            return CurationResult.Fail(CurationFailure.Conflict,
                $"event {e.Id} cannot be undone while later edits build on it: {list}; undo those first, newest first");
        }

        // Undoing an entity edit writes again the facts of every document naming the entity, from its stored
        // facts: refused, naming the document, while one of them cannot be read back.
        var naming = e.Kind is CurationKinds.EntityMerge or CurationKinds.EntitySplit ? EntityOps.DocumentsNaming(sql, CurationTargets.KeyOf(e.Target)) : [];
        if (naming.FirstOrDefault(d => !d.Facts.IsSuccess) is { } unreadable)
        {
            return CurationResult.Fail(CurationFailure.Conflict,
                $"event {e.Id} cannot be undone: the stored facts of document #{unreadable.DocumentId} cannot be read ({unreadable.Facts.Error}); run 'atlas reextract {unreadable.DocumentId}' to write them again, then undo");
        }

        var hash = e.Kind is CurationKinds.FactSet or CurationKinds.CommitmentStatus or CurationKinds.Note
            ? sql.Scalar("SELECT content_hash FROM curation_events WHERE id = @id", ("@id", e.Id)) as string
            : null;
        var undo = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.Undo, e.Target, hash,
            CurationLog.Json(e.After), CurationLog.Json(e.Before), undoes: e.Id);
        replay.Forget();
        var detail = Revert(sql, replay, e, naming);
        return CurationResult.Made(undo, detail);
    });

    /// <summary>The audit log, newest first; of one target (<c>fact:KEY</c>, <c>entity:KEY</c>, <c>document:HASH</c>) when given.</summary>
    public CurationPage History(string? target, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(sql => new CurationPage(CurationLog.Page(sql, target, offset, limit, out var total), total, offset, limit));
    }

    /// <summary>The stable keys of a document's facts by kind (<c>engagement</c>, <c>commitment</c>) and row id, for pages that list rows.</summary>
    public IReadOnlyDictionary<(string Kind, long RowId), string> FactKeysOf(long documentId) => Read(sql =>
        sql.Rows(
            "SELECT 'engagement', id, fact_key FROM engagements WHERE document_id = @doc AND fact_key IS NOT NULL UNION ALL SELECT 'commitment', id, fact_key FROM commitments WHERE document_id = @doc AND fact_key IS NOT NULL",
            r => (Kind: r.GetString(0), RowId: r.GetInt64(1), Key: r.GetString(2)), ("@doc", documentId))
        .ToDictionary(r => (r.Kind, r.RowId), r => r.Key));

    /// <summary>One event by id.</summary>
    public CurationEvent? GetEvent(long id) => Read(sql => CurationLog.Get(sql, id));

    /// <summary>Commitments marked done or dropped, by key (a commitment open again has no mark).</summary>
    public IReadOnlyDictionary<string, CommitmentStatusMark> Marks() =>
        Read(sql => ReadMarks(sql).Where(m => m.Value.Status != CommitmentStatuses.Open).ToDictionary(StringComparer.Ordinal));

    /// <summary>
    /// Edits in force on facts that are no longer stored while their document is (extraction no longer
    /// finds them): reported, never silently dropped. They apply again if the fact comes back.
    /// </summary>
    public IReadOnlyList<UnappliedEdit> Unapplied() => Read(sql =>
    {
        var stored = sql.Rows("SELECT content_hash FROM documents", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var result = new List<UnappliedEdit>();
        foreach (var e in CurationLog.Active(sql, CurationKinds.FactSet, CurationKinds.CommitmentStatus))
        {
            var hash = sql.Scalar("SELECT content_hash FROM curation_events WHERE id = @id", ("@id", e.Id)) as string;
            var key = CurationTargets.KeyOf(e.Target);
            if (hash is not null && stored.Contains(hash) && FactState.Find(sql, key) is null)
            {
                result.Add(new UnappliedEdit(e, $"fact {key} is not among its document's facts now (extraction no longer finds it)"));
            }
        }

        return result;
    });

    private static Dictionary<string, CommitmentStatusMark> ReadMarks(CurationSql sql)
    {
        var marks = new Dictionary<string, CommitmentStatusMark>(StringComparer.Ordinal);
        foreach (var (e, hash) in sql.Rows(
            "SELECT id, content_hash FROM curation_events WHERE kind = 'commitment.status' AND undone_by IS NULL ORDER BY id",
            r => (r.GetInt64(0), r.GetNullableString(1))).Select(r => (CurationLog.Get(sql, r.Item1)!, r.Item2)))
        {
            var after = CurationLog.Json(e.After);
            var key = CurationTargets.KeyOf(e.Target);
            marks[key] = new CommitmentStatusMark(key, after?["status"]?.GetValue<string>() ?? CommitmentStatuses.Done, after?["note"]?.GetValue<string>(), e.At, e.Actor, hash ?? string.Empty);
        }

        return marks;
    }

    /// <summary>What an edit touches, for deciding which later edits build on it.</summary>
    private static HashSet<string> References(CurationEvent e)
    {
        var refs = new HashSet<string>(StringComparer.Ordinal) { e.Target };
        var after = CurationLog.Json(e.After);
        switch (e.Kind)
        {
            case CurationKinds.FactSet:
                foreach (var key in FactState.PartyKeys(after).Concat(FactState.PartyKeys(CurationLog.Json(e.Before))))
                {
                    refs.Add(CurationTargets.Entity(key));
                }

                break;
            case CurationKinds.EntityMerge when (after?["into"]) is { } into:
                refs.Add(CurationTargets.Entity(into.GetValue<string>()));
                break;
            case CurationKinds.EntitySplit when (after?["new_key"]) is { } created:
                refs.Add(CurationTargets.Entity(created.GetValue<string>()));
                break;
            case CurationKinds.EngagementJoin when (after?["with"]) is { } other:
                refs.Add(CurationTargets.Fact(other.GetValue<string>()));
                break;
            case CurationKinds.OutcomeReject when (after?["report"]) is { } report:
                refs.Add(CurationTargets.Fact(report.GetValue<string>()));
                break;
            default:
                break;
        }

        return refs;
    }

    /// <summary>Puts back the state <paramref name="e"/> replaced (it is already marked undone); returns what else happened.</summary>
    private static string? Revert(CurationSql sql, CurationReplay replay, CurationEvent e, List<StoredFacts> naming)
    {
        var before = CurationLog.Json(e.Before);
        var after = CurationLog.Json(e.After)!;
        var key = CurationTargets.KeyOf(e.Target);
        switch (e.Kind)
        {
            case CurationKinds.FactSet:
                if (FactState.Find(sql, key) is not { } row)
                {
                    return $"fact {key} is not stored now; nothing to put back";
                }

                FactState.Write(sql, row, before!, k => replay.Resolve(k)?.Id);
                return null;
            case CurationKinds.AliasAdd:
                if (replay.Resolve(key) is { } entity)
                {
                    sql.Execute("DELETE FROM entity_aliases WHERE entity_id = @id AND alias = @alias", ("@id", entity.Id), ("@alias", after["alias"]!.GetValue<string>()));
                }

                return null;
            case CurationKinds.EntityMerge:
                var snapshot = before!["entity"]!;
                var restored = EntityOps.Get(sql, key) ?? EntityOps.Create(sql, key, snapshot["name"]!.GetValue<string>(),
                    snapshot["country"]?.GetValue<string>(), snapshot["kind"]?.GetValue<string>());
                foreach (var alias in before["aliases"]!.AsArray())
                {
                    EntityOps.AddAlias(sql, restored.Id, alias!.GetValue<string>());
                }

                if (replay.Resolve(after["into"]!.GetValue<string>()) is { } into)
                {
                    foreach (var alias in after["added_aliases"]?.AsArray() ?? [])
                    {
                        sql.Execute("DELETE FROM entity_aliases WHERE entity_id = @id AND alias = @alias", ("@id", into.Id), ("@alias", alias!.GetValue<string>()));
                    }
                }

                return Rebuild(sql, replay, key, naming);
            case CurationKinds.EntitySplit:
                var newKey = after["new_key"]!.GetValue<string>();
                var source = replay.Resolve(key);
                var split = EntityOps.Get(sql, newKey);
                foreach (var alias in after["aliases"]!.AsArray().Select(a => a!.GetValue<string>()))
                {
                    if (split is not null)
                    {
                        sql.Execute("DELETE FROM entity_aliases WHERE entity_id = @id AND alias = @alias", ("@id", split.Id), ("@alias", alias));
                    }

                    if (source is not null)
                    {
                        EntityOps.AddAlias(sql, source.Id, alias);
                    }
                }

                if (split is not null && after["created"]?.GetValue<bool>() == true)
                {
                    sql.Execute("DELETE FROM engagement_parties WHERE entity_id = @id", ("@id", split.Id));
                    sql.Execute("DELETE FROM entities WHERE id = @id", ("@id", split.Id));
                }

                return Rebuild(sql, replay, key, naming);
            case CurationKinds.EngagementSeparate or CurationKinds.EngagementJoin:
                var keys = e.Kind == CurationKinds.EngagementJoin ? [key, after["with"]!.GetValue<string>()] : new[] { key };
                var stored = keys.Select(k => FactState.Find(sql, k)).OfType<FactRow>().Select(r => r.Id).ToList();
                EngagementResolver.Recluster(sql, stored);
                return stored.Count == keys.Length ? null : "a report it named is not stored now; the others were resolved again";
            default:
                return null; // status and notes live in the log alone
        }
    }

    /// <summary>Writes again the facts of every document naming the entity (read back before anything changed), with the edits still in force.</summary>
    private static string Rebuild(CurationSql sql, CurationReplay replay, string entityKey, List<StoredFacts> naming)
    {
        foreach (var d in naming)
        {
            DocumentFacts.Rewrite(sql, replay, d.DocumentId, d.ContentHash, d.Facts.Facts!); // refused in Undo unless every one was read
        }

        return $"the facts of {naming.Count} document(s) naming {entityKey} were written again";
    }
}
