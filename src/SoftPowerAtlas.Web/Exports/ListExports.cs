using System.Globalization;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Web.Apis;
using SoftPowerAtlas.Web.Timeline;

namespace SoftPowerAtlas.Web.Exports;

/// <summary>
/// The lists only the web shows, written like <see cref="AtlasExporter"/> writes the others: the
/// timeline (with each commitment's state today) and search hits, as CSV (<see cref="CsvWriter"/>) or
/// JSON (<see cref="StoredFactJson"/> shapes), every row with its source and offsets.
/// </summary>
public static class ListExports
{
    /// <summary>Most search hits one export holds (the best ones).</summary>
    public const int MaxSearchHits = 1000;

    public static string TimelineCsv(IReadOnlyList<TimelineItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = items.Select(i =>
        {
            var e = i.Entry;
            return new object?[]
            {
                e.Kind, e.Id, e.Type, e.Date?.Written, Day(e.Date?.FirstDay), Day(e.Date?.LastDay), e.Date?.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
                e.Who, e.Place, Names(e, "thai"), Names(e, "foreign"), Names(e, "person"), e.Countries, e.Sectors,
                i.Due is { } d ? TimelineApi.Status(d.State) : null, i.Due?.DaysLeft, i.Due?.Mark?.Note,
                e.Sentence, e.Source.DocumentId, e.Source.Path, e.Source.Url, e.Source.Start, e.Source.End, e.Source.Page,
            };
        }).ToList();
        return CsvWriter.Write(new ExportTable(
            ["kind", "id", "type", "date", "start", "end", "time", "who", "place", "thai_side", "foreign_side", "people", "countries", "sectors",
             "status", "days_left", "done_note", "sentence", "document_id", "source", "source_url", "offset_start", "offset_end", "page"],
            rows));
    }

    public static string TimelineJson(IReadOnlyList<TimelineItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return StoredFactJson.ToString(w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                var e = item.Entry;
                w.WriteStartObject();
                w.WriteString("kind", e.Kind);
                w.WriteString("id", e.Id);
                w.WriteString("type", e.Type);
                StoredFactJson.WriteDate(w, "date", e.Date);
                w.WriteString("who", e.Who);
                w.WriteString("place", e.Place);
                if (item.Due is { } due)
                {
                    w.WriteString("status", TimelineApi.Status(due.State));
                    w.WriteNumber("days_left", due.DaysLeft);
                    w.WriteString("done_note", due.Mark?.Note);
                }

                StoredFactJson.WriteParties(w, e.Parties);
                StoredFactJson.WriteStrings(w, "countries", e.Countries);
                StoredFactJson.WriteStrings(w, "sectors", e.Sectors);
                w.WriteString("sentence", e.Sentence);
                StoredFactJson.WriteSource(w, e.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }) + "\n";
    }

    /// <summary>The best <see cref="MaxSearchHits"/> hits of a query, in rank order.</summary>
    public static IReadOnlyList<SearchHit> SearchHits(ISearchIndex index, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(index);
        const int size = SearchPage.MaxLimit;
        var hits = new List<SearchHit>();
        for (var page = 1; hits.Count < MaxSearchHits; page++)
        {
            var results = index.Search(query, SearchPage.Number(page, size, facets: false));
            hits.AddRange(results.Hits);
            if (results.Hits.Count < size || hits.Count >= results.Total)
            {
                break;
            }
        }

        return hits;
    }

    public static string SearchCsv(IReadOnlyList<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var rows = hits.Select((h, i) => new object?[]
        {
            i + 1, h.DocumentId, h.Title, h.Date, h.DateFromEngagement ? "event" : "published", h.Source, h.SourceUrl,
            h.Score.ToString("0.####", CultureInfo.InvariantCulture), h.Snippet.Marked("[", "]"), h.Snippet.Start, h.Snippet.End,
        }).ToList();
        return CsvWriter.Write(new ExportTable(
            ["rank", "document_id", "title", "date", "date_from", "source", "source_url", "score", "snippet", "snippet_start", "snippet_end"], rows));
    }

    public static string SearchJson(string query, IReadOnlyList<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        return StoredFactJson.ToString(w =>
        {
            w.WriteStartObject();
            w.WriteString("query", query);
            w.WriteStartArray("hits");
            foreach (var h in hits)
            {
                w.WriteStartObject();
                w.WriteNumber("document_id", h.DocumentId);
                w.WriteString("title", h.Title);
                w.WriteString("date", h.Date);
                w.WriteBoolean("date_from_engagement", h.DateFromEngagement);
                w.WriteString("source", h.Source);
                w.WriteString("source_url", h.SourceUrl);
                w.WriteNumber("score", Math.Round(h.Score, 4));
                w.WriteStartObject("snippet");
                w.WriteString("text", h.Snippet.Text);
                w.WriteNumber("start", h.Snippet.Start);
                w.WriteNumber("end", h.Snippet.End);
                w.WriteStartArray("highlights");
                foreach (var m in h.Snippet.Highlights)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", m.Start);
                    w.WriteNumber("length", m.Length);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }) + "\n";
    }

    private static string[] Names(Storage.Timeline.TimelineEntry e, string side) => [.. e.Parties.Where(p => p.Side == side).Select(p => p.Name)];

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
