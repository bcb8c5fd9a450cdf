using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>A correction to a fact: fields left out stay as they are (see <c>atlas fact set --help</c> for the forms).</summary>
public sealed record FactEditRequest(
    string? Type, string? Date, string? Place, IReadOnlyList<string>? Parties, IReadOnlyList<string>? Countries, IReadOnlyList<string>? Sectors,
    string? What, string? Who, string? Due);

/// <summary>A commitment's new status (<c>done</c>, <c>dropped</c> or <c>open</c>) with an optional note.</summary>
public sealed record StatusRequest(string Status, string? Note);

/// <summary>Merge entity <c>From</c> into entity <c>Into</c> (keys).</summary>
public sealed record MergeRequest(string From, string Into);

/// <summary>Split <c>Aliases</c> of entity <c>Key</c> off into <c>NewKey</c> (created when missing).</summary>
public sealed record SplitRequest(string Key, IReadOnlyList<string> Aliases, string? NewKey, string? Name);

public sealed record AliasRequest(string Alias);

/// <summary>The other report (an engagement id in another document) to make one engagement with.</summary>
public sealed record JoinRequest(string Other);

/// <summary>The report (an engagement id in another document) rejected as a commitment's outcome.</summary>
public sealed record RejectOutcomeRequest(string Report);

/// <summary>A note on a fact id, an entity key or a document (<c>doc:ID</c>).</summary>
public sealed record NoteRequest(string Target, string Text);

/// <summary>An audit-log event as the API shows it; before and after are JSON objects.</summary>
public sealed record CurationEventResponse(
    long Id, DateTimeOffset At, string Actor, string Kind, string Target, JsonElement? Before, JsonElement? After, long? Undoes, long? UndoneBy)
{
    public static CurationEventResponse From(CurationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.At, e.Actor, e.Kind, e.Target, Parse(e.Before), Parse(e.After), e.Undoes, e.UndoneBy);
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>What an edit did: its event (none when nothing needed to change) and anything more to say.</summary>
public sealed record CurationResponse(CurationEventResponse? Event, string? Detail);

/// <summary>
/// /api/curation: edits by people (editor role), each logged with the signed-in user as actor and kept
/// across re-ingest and re-extraction; /api/audit: the log, newest first. Errors are RFC 7807
/// problems: 400 bad input, 404 no such fact, entity, document or event, 409 refused in this state.
/// </summary>
public static class CurationApi
{
    public static void MapCurationApi(this RouteGroupBuilder api)
    {
        var curation = api.MapGroup("/curation").WithTags("Curation").RequireAuthorization(AtlasPolicies.Editor);
        curation.MapPut("/facts/{id}", SetFact).WithSummary("Correct an engagement (type, date, place, parties, countries, sectors) or a commitment (what, who, due) by its id.");
        curation.MapPost("/facts/{id}/status", SetStatus).WithSummary("Mark a commitment done, dropped or open again, with an optional note.");
        curation.MapDelete("/facts/{id}/status", Reopen).WithSummary("Take the done or dropped mark off a commitment.");
        curation.MapPost("/facts/{id}/separate", Separate).WithSummary("Set a report apart from the engagement resolution joined it to: an engagement of its own, never joined by the rule again.");
        curation.MapPost("/facts/{id}/join", Join).WithSummary("Make two reports in different documents one engagement, with the reports already joined to either.");
        curation.MapPost("/facts/{id}/outcomes/reject", RejectOutcome).WithSummary("Say a later report is not the outcome of a commitment: it is no longer 'reported done' by it.");
        curation.MapPost("/entities/merge", Merge).WithSummary("Merge one entity into another: aliases, mentions, engagements and roles move over.");
        curation.MapPost("/entities/split", Split).WithSummary("Split aliases (and the mentions written so) off an entity into another.");
        curation.MapPost("/entities/{key}/aliases", AddAlias).WithSummary("Add an alias to an entity.");
        curation.MapPost("/notes", AddNote).WithSummary("Add a note to a fact, an entity or a document.");
        curation.MapPost("/events/{id:long}/undo", Undo).WithSummary("Undo an edit (refused with 409 while later edits build on it); the undo is an event too.");
        api.MapGet("/audit", Audit).WithTags("Curation").RequireAuthorization(AtlasPolicies.Viewer)
            .WithSummary("The curation audit log, newest first, paged; filter by target (fact:KEY, entity:KEY, document:HASH).");
    }

    public static Results<Ok<CurationResponse>, ProblemHttpResult> SetFact([Description("The fact's id: its stable key (or a unique prefix of it), as the timeline and exports give it.")] string id, [Description("The fields to correct; a field left out stays as it is.")] FactEditRequest body, Context context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        var edit = new FactEdit
        {
            Type = body.Type, Date = body.Date, Place = body.Place, Parties = body.Parties, Countries = body.Countries, Sectors = body.Sectors,
            What = body.What, Who = body.Who, Due = body.Due,
        };
        return Respond(context.Curator.SetFact(id, edit, context.Actor));
    }

    public static Results<Ok<CurationResponse>, ProblemHttpResult> SetStatus([Description("The fact's id: its stable key (or a unique prefix of it), as the timeline and exports give it.")] string id, [Description("The new status (done, dropped or open) and an optional note.")] StatusRequest body, Context context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        return Respond(context.Curator.SetStatus(id, body.Status ?? string.Empty, body.Note, context.Actor));
    }

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Reopen([Description("The fact's id: its stable key (or a unique prefix of it), as the timeline and exports give it.")] string id, Context context) =>
        Respond(context?.Curator.SetStatus(id, CommitmentStatuses.Open, null, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Separate([Description("The engagement's id: its stable key (or a unique prefix of it).")] string id, Context context) =>
        Respond(context?.Curator.Separate(id, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Join([Description("One report's engagement id: its stable key (or a unique prefix of it).")] string id, [Description("The other report's engagement id, in another document.")] JoinRequest body, Context context) =>
        Respond(context?.Curator.Join(id, body?.Other ?? string.Empty, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> RejectOutcome([Description("The commitment's id: its stable key (or a unique prefix of it).")] string id, [Description("The report's engagement id, in another document.")] RejectOutcomeRequest body, Context context) =>
        Respond(context?.Curator.RejectOutcome(id, body?.Report ?? string.Empty, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Merge([Description("The entity merged away and the one it is merged into, by key.")] MergeRequest body, Context context) =>
        Respond(context?.Curator.Merge(body?.From ?? string.Empty, body?.Into ?? string.Empty, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Split([Description("The entity, the aliases to split off and the new entity's name.")] SplitRequest body, Context context) =>
        Respond(context?.Curator.Split(body?.Key ?? string.Empty, body?.Aliases ?? [], body?.NewKey, body?.Name, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> AddAlias([Description("The entity's key, e.g. agency:dasta.")] string key, [Description("The alias to add, as written in documents.")] AliasRequest body, Context context) =>
        Respond(context?.Curator.AddAlias(key, body?.Alias ?? string.Empty, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> AddNote([Description("The target (fact key, entity key or document:ID) and the note's text.")] NoteRequest body, Context context) =>
        Respond(context?.Curator.AddNote(body?.Target ?? string.Empty, body?.Text ?? string.Empty, context.Actor)!);

    public static Results<Ok<CurationResponse>, ProblemHttpResult> Undo([Description("The id of the curation event to undo, as /api/audit lists it.")] long id, Context context) =>
        Respond(context?.Curator.Undo(id, context.Actor)!);

    public static Results<Ok<PageResponse<CurationEventResponse>>, ValidationProblem> Audit(Context context, [Description("Only edits of this target: a fact key, an entity key (agency:dasta) or document:ID.")] string? target, int? offset, int? limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Paging.TryCreate(offset, limit, out var p, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = context.Curator.History(string.IsNullOrWhiteSpace(target) ? null : target.Trim(), p.Offset, p.Limit);
        var items = page.Items.Select(CurationEventResponse.From).ToList();
        var next = p.Offset + items.Count < page.Total ? p.Offset + items.Count : (int?)null;
        return TypedResults.Ok(new PageResponse<CurationEventResponse>(items, page.Total, p.Offset, p.Limit, next));
    }

    private static Results<Ok<CurationResponse>, ProblemHttpResult> Respond(CurationResult result) => result.Failure switch
    {
        CurationFailure.None => TypedResults.Ok(new CurationResponse(result.Event is null ? null : CurationEventResponse.From(result.Event), result.Detail)),
        CurationFailure.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Error),
        CurationFailure.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: result.Error),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid edit", detail: result.Error),
    };

    /// <summary>The curator over the app's store and who is asking (the signed-in user, else "local").</summary>
    public sealed class Context(IAtlasStore store, TimeProvider clock, IHttpContextAccessor http)
    {
        public Curator Curator { get; } = new(store, clock);

        public string Actor => http.HttpContext?.User.Identity?.Name is { Length: > 0 } name ? name : "local";
    }
}
