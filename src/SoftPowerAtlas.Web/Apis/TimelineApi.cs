using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Timeline;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>A date as the contract writes it (<c>2024-10</c>, <c>FY2025</c>, <c>2025-Q3</c>) and the days it covers (none for <c>--10-14</c>).</summary>
public sealed record TimelineDate(string Written, string? Start, string? End, string? Time);

/// <summary>
/// A timeline line: an engagement (id: row id) or a commitment (id: its stable key), with its passage
/// and source; a dated commitment also has its state today (overdue, due_soon, open, reported_done, reported_delayed, reported_changed, done, dropped) and days left.
/// </summary>
public sealed record TimelineItemResponse(
    string Kind,
    string Id,
    string Type,
    TimelineDate? Date,
    string? Who,
    string? Place,
    IReadOnlyList<PartyRef> Parties,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors,
    string Sentence,
    SourceRef Source,
    string? Status,
    int? DaysLeft,
    string? DoneNote);

/// <summary>A page of the timeline, the counts of the whole of it (per kind and per year), and the day states are judged on.</summary>
public sealed record TimelineResponse(
    IReadOnlyList<TimelineItemResponse> Items,
    long Total,
    int Offset,
    int Limit,
    int? NextOffset,
    int Engagements,
    int Commitments,
    IReadOnlyList<CountRow> Years,
    string Today);

/// <summary>GET /api/timeline: engagements and commitments in date order, filtered like <c>atlas timeline</c>, paged.</summary>
public static class TimelineApi
{
    public static void MapTimelineApi(this RouteGroupBuilder api)
    {
        api.MapGet("/timeline", Get)
            .WithTags("Timeline")
            .WithSummary("Engagements and commitments in date order (undated last); commitments flagged overdue, due_soon, open, reported_done (a later report says it was kept), reported_delayed or reported_changed (postponed or called off), done or dropped as of today in Bangkok.")
            .WithDescription("Filters as atlas timeline takes them, each repeatable or comma-separated: country (ISO code, English or Thai name), sector (id), agency (any name or abbreviation), "
                + "type (engagement type or commitment); from and to (YYYY, YYYY-MM, YYYY-MM-DD or FY2025; inclusive). An unknown name is a 400 problem with close names in 'suggestions'.");
    }

    public static Results<Ok<TimelineResponse>, ProblemHttpResult, ValidationProblem> Get(
        TimelineService timeline, SubjectResolver resolver, [AsParameters] FactQuery filter, int? offset, int? limit)
    {
        if (!Paging.TryCreate(offset, limit, out var p, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var resolved = filter.Resolve(resolver);
        if (resolved.Filter is null)
        {
            return FilterProblem(resolved);
        }

        var slice = timeline.Slice(resolved.Filter, p.Offset, p.Limit);
        return TypedResults.Ok(new TimelineResponse(
            [.. slice.Items.Select(Item)],
            slice.Total,
            slice.Offset,
            slice.Limit,
            slice.Offset + slice.Items.Count < slice.Total ? slice.Offset + slice.Items.Count : null,
            slice.Engagements,
            slice.Commitments,
            slice.Years,
            slice.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>400 problem for a filter that cannot be used, naming close names when a country or agency is unknown.</summary>
    public static ProblemHttpResult FilterProblem(FilterResult resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: resolved.NotFound ? "Unknown name in a filter" : "Invalid filter",
            detail: resolved.Error,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["suggestions"] = resolved.Suggestions });
    }

    public static TimelineItemResponse Item(TimelineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var e = item.Entry;
        return new TimelineItemResponse(
            e.Kind, e.Id, e.Type,
            e.Date is { } d ? new TimelineDate(d.Written, Day(d.FirstDay), Day(d.LastDay), d.Time?.ToString("HH:mm", CultureInfo.InvariantCulture)) : null,
            e.Who, e.Place, e.Parties, e.Countries, e.Sectors, e.Sentence, e.Source,
            item.Due is { } due ? Status(due.State) : null,
            item.Due?.DaysLeft,
            item.Due?.Mark?.Note);
    }

    /// <summary>overdue, due_soon, open, reported_done, reported_delayed, reported_changed, done or dropped.</summary>
    public static string Status(CommitmentState state) => Due.DueList.Name(state);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
