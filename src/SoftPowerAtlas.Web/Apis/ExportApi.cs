using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Tracking;
using Microsoft.AspNetCore.Mvc;
using SoftPowerAtlas.Web.Due;
using SoftPowerAtlas.Web.Exports;
using SoftPowerAtlas.Web.Timeline;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>
/// GET /api/export/{list}.{format}: every list of the pages as a file to download, with the filters of
/// its page. CSV starts with a byte order mark (Excel then reads Thai as UTF-8); the file is named
/// after the list and today's date in Bangkok.
/// </summary>
public static class ExportApi
{
    /// <summary>Lists that can be exported, and the formats of each.</summary>
    public static IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["documents"] = ["csv", "json"],
        ["entities"] = ["csv", "json"],
        ["engagements"] = ["csv", "json"],
        ["commitments"] = ["csv", "json"],
        ["timeline"] = ["csv", "json", "ics"],
        ["due"] = ["csv", "json", "ics"],
        ["search"] = ["csv", "json"],
    };

    public static void MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/export/{list}.{format}", Export)
            .WithTags("Exports")
            .WithSummary("Download a list: documents, entities, engagements, commitments, timeline, due or search, as csv or json (timeline and due also ics, iCalendar).")
            .WithDescription("engagements, commitments, timeline and due take the filters of /api/timeline (country, sector, agency, type, from, to); due, the Due page's list, "
                + "and timeline also status (overdue, due_soon, open, reported_done, reported_delayed, reported_changed, done, dropped; repeatable or comma-separated; for due the default is overdue and due_soon; "
                + "due is most urgent first); search takes q "
                + "(its best 1,000 hits). CSV is RFC 4180 with a UTF-8 byte order mark; every fact carries its document and offsets.");
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> Export(
        [Description("The list: documents, entities, engagements, commitments, timeline, due or search.")] string list,
        [Description("The format: csv or json; timeline and due also ics (iCalendar).")] string format,
        [AsParameters] FactQuery filter,
        [Description("The search query (search only), as /api/search takes it.")] string? q,
        [Description("true (search only): search the words only as written, as /api/search takes it.")] bool? exact,
        [FromQuery(Name = "status"), Description("Commitment status (due and timeline only): overdue, due_soon, open, reported_done, reported_delayed, reported_changed, done or dropped; repeatable or comma-separated.")] string[]? status,
        AtlasExporter exporter,
        TimelineService timeline,
        SubjectResolver resolver,
        ISearchIndex index,
        CommitmentTracker tracker)
    {
        if (!Lists.TryGetValue(list, out var formats))
        {
            return DocumentsApi.NotFound("export", $"'{list}' (lists are {string.Join(", ", Lists.Keys)})");
        }

        if (!formats.Contains(format, StringComparer.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format",
                detail: $"{list} can be exported as {string.Join(" or ", formats)}, not '{format}'.");
        }

        var csv = format == "csv";
        string content;
        if (list == "search")
        {
            var parsed = SearchQuery.Parse(q);
            if (string.IsNullOrWhiteSpace(q) || parsed.Query is null)
            {
                return parsed.Error is { } error && !string.IsNullOrWhiteSpace(q)
                    ? SearchApi.Malformed(q, error)
                    : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No query", detail: "q is required: the search whose hits to export.");
            }

            var hits = ListExports.SearchHits(index, parsed.Query with { Exact = exact ?? false });
            content = csv ? ListExports.SearchCsv(hits) : ListExports.SearchJson(parsed.Query.Text, hits);
        }
        else if (list is "documents" or "entities")
        {
            content = exporter.Export(list == "documents" ? ExportKind.Documents : ExportKind.Entities, csv ? ExportFormat.Csv : ExportFormat.Json);
        }
        else
        {
            var resolved = filter.Resolve(resolver);
            if (resolved.Filter is not { } facts)
            {
                return TimelineApi.FilterProblem(resolved);
            }

            var (states, statusError) = DueList.Parse(status);
            if (statusError is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter", detail: statusError);
            }

            var view = new TimelineView(false, states);
            if (list == "due")
            {
                var due = DueList.Read(tracker, facts, states ?? DueList.Urgent).Items;
                content = exporter.Due(due, format switch { "csv" => ExportFormat.Csv, "ics" => ExportFormat.ICalendar, _ => ExportFormat.Json });
            }
            else
            {
                content = (list, format) switch
                {
                    ("engagements", _) => exporter.Export(ExportKind.Engagements, csv ? ExportFormat.Csv : ExportFormat.Json, facts),
                    ("commitments", _) => exporter.Export(ExportKind.Commitments, csv ? ExportFormat.Csv : ExportFormat.Json, facts),
                    (_, "ics") => exporter.Export(ExportKind.Calendar, ExportFormat.ICalendar, facts),
                    (_, "csv") => ListExports.TimelineCsv(timeline.All(facts, view)),
                    _ => ListExports.TimelineJson(timeline.All(facts, view)),
                };
            }
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        if (csv)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        var contentType = format switch
        {
            "csv" => "text/csv; charset=utf-8",
            "ics" => "text/calendar; charset=utf-8",
            _ => "application/json; charset=utf-8",
        };
        var day = tracker.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(bytes, contentType, $"atlas-{list}-{day}.{format}");
    }
}
