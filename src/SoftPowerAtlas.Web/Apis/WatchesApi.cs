using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Watches;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>What to watch: <c>kind</c> search (target: a query), entity (an entity key), country (ISO code) or sector (a sector id).</summary>
public sealed record WatchCreateRequest(string? Kind, string? Target, string? Name, bool? Exact);

/// <summary>
/// A watch and how much is new for it since <c>SeenAt</c>: documents ingested since, commitments
/// fallen overdue since. <c>Complete</c> is false when a saved search matches more documents than are looked at.
/// </summary>
public sealed record WatchResponse(
    long Id, string Kind, string Target, bool Exact, string Name, DateTimeOffset CreatedAt, DateTimeOffset SeenAt, bool HasFeed,
    int NewDocuments, int NewOverdue, bool Complete)
{
    public static WatchResponse From(WatchNews news)
    {
        ArgumentNullException.ThrowIfNull(news);
        var w = news.Watch;
        return new(w.Id, w.Kind.Text(), w.Target, w.Exact, w.Name, w.CreatedAt, w.SeenAt, w.HasFeed, news.DocumentCount, news.Overdue.Count, news.Complete);
    }
}

/// <summary>One watch with its new documents (newest ingest first) and newly overdue commitments.</summary>
public sealed record WatchDetailResponse(WatchResponse Watch, IReadOnlyList<WatchDocument> Documents, IReadOnlyList<WatchOverdueResponse> Overdue);

/// <summary>A commitment that fell overdue since the watch was last seen: its key, what, who, due as written and resolved, and its document.</summary>
public sealed record WatchOverdueResponse(string Key, string What, string? Who, string? DueWritten, DateOnly DueBy, int DaysLeft, long DocumentId, int Start, int End)
{
    public static WatchOverdueResponse From(DueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var c = item.Commitment;
        return new(c.Key, c.What, c.Who, c.DueWritten, item.DueBy, item.DaysLeft, c.Source.DocumentId, c.Source.Start, c.Source.End);
    }
}

/// <summary>A new feed address of a watch: shown once, the one before it stops working.</summary>
public sealed record WatchFeedResponse(string FeedUrl);

/// <summary>
/// /api/watches: the signed-in user's (or API key's) own watches. Another user's watch answers 404, as a
/// missing one does; the local admin of a laptop atlas has no account, so 403. Reading a watch here does
/// not mark it seen: the watchlist page does.
/// </summary>
public static class WatchesApi
{
    public static void MapWatchesApi(this RouteGroupBuilder api)
    {
        var watches = api.MapGroup("/watches").WithTags("Watches");
        watches.MapGet("", List).WithSummary("The caller's watches (saved searches, followed entities, countries and sectors), each with its counts of what is new since it was last seen.");
        watches.MapGet("/{id:long}", Get).WithSummary("One of the caller's watches with its new documents and newly overdue commitments.");
        watches.MapPost("", Create).WithSummary("Save a search or follow an entity, country or sector; the same target again gives the existing watch.");
        watches.MapDelete("/{id:long}", Delete).WithSummary("Stop watching: delete one of the caller's watches.");
        watches.MapPost("/{id:long}/feed", NewFeed).WithSummary("Make a new Atom feed address for a watch (its secret token is shown only in this answer; the previous address stops working).");
    }

    public static Results<Ok<IReadOnlyList<WatchResponse>>, ProblemHttpResult> List(HttpContext context, WatchStore watches, WatchReader reader)
    {
        if (Caller(context) is not { } user)
        {
            return NoAccount();
        }

        return TypedResults.Ok<IReadOnlyList<WatchResponse>>([.. watches.List(user).Select(w => WatchResponse.From(reader.New(w, limit: 0)))]);
    }

    public static Results<Ok<WatchDetailResponse>, ProblemHttpResult> Get([Description("The watch's id, as the list gives it.")] long id, HttpContext context, WatchStore watches, WatchReader reader)
    {
        if (Caller(context) is not { } user)
        {
            return NoAccount();
        }

        if (watches.Get(user, id) is not { } watch)
        {
            return NotFound(id);
        }

        var news = reader.New(watch);
        return TypedResults.Ok(new WatchDetailResponse(WatchResponse.From(news), news.Documents, [.. news.Overdue.Select(WatchOverdueResponse.From)]));
    }

    public static Results<Created<WatchResponse>, ProblemHttpResult> Create(
        [Description("kind (search, entity, country or sector), target (the query, entity key, ISO country code or sector id), an optional name, and exact (a search of the words only as written).")] WatchCreateRequest body,
        HttpContext context,
        WatchStore watches,
        WatchReader reader)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Caller(context) is not { } user)
        {
            return NoAccount();
        }

        var result = WatchRules.TryParseKind(body.Kind, out var kind)
            ? watches.Add(user, new WatchRequest(kind, body.Target ?? string.Empty, body.Name, body.Exact ?? false))
            : WatchResult.Fail($"kind must be search, entity, country or sector, not '{body.Kind}'");
        return result.Watch is { } watch
            ? TypedResults.Created($"/api/watches/{watch.Id}", WatchResponse.From(reader.New(watch, limit: 0)))
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Cannot watch this", detail: result.Error);
    }

    public static Results<NoContent, ProblemHttpResult> Delete([Description("The watch's id, as the list gives it.")] long id, HttpContext context, WatchStore watches)
    {
        if (Caller(context) is not { } user)
        {
            return NoAccount();
        }

        return watches.Delete(user, id) ? TypedResults.NoContent() : NotFound(id);
    }

    public static Results<Ok<WatchFeedResponse>, ProblemHttpResult> NewFeed([Description("The watch's id, as the list gives it.")] long id, HttpContext context, WatchStore watches)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Caller(context) is not { } user)
        {
            return NoAccount();
        }

        return watches.NewFeedToken(user, id) is { } token
            ? TypedResults.Ok(new WatchFeedResponse(WatchFeed.Address(context.Request, id, token)))
            : NotFound(id);
    }

    private static long? Caller(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WatchUser.Id(context.User);
    }

    private static ProblemHttpResult NoAccount() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No account", detail: "Watches belong to a user account; the local admin of a laptop atlas has none. Add a user (atlas user add NAME) and sign in or use its API key.");

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such watch", detail: $"You have no watch {id}.");
}
