using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Text;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Documents;

/// <summary>What kind of fact a highlighted span is.</summary>
public enum FactKind
{
    Date,
    Organization,
    Person,
    Country,
    Province,
    Place,
    Sector,
}

/// <summary>
/// A fact highlighted in the cleaned text: its span there, its span in the document as stored
/// (<see cref="OriginalStart"/>, <see cref="OriginalEnd"/>), what it is, and the page it links to.
/// </summary>
public sealed record FactMark(int Start, int End, FactKind Kind, string Label, string? Href, int OriginalStart, int OriginalEnd);

/// <summary>A run of the cleaned text, highlighted when <see cref="Mark"/> is set.</summary>
public sealed record TextRun(string Text, FactMark? Mark);

/// <summary>The cleaned text of a document cut into runs so each fact can be shown in place.</summary>
public sealed record AnnotatedDocument(string CleanText, IReadOnlyList<TextRun> Runs, IReadOnlyList<FactMark> Facts);

/// <summary>
/// Finds the facts of a stored document in its cleaned text. The facts come from the store
/// (<c>facts_json</c>, written at ingest with offsets into the original file); only the map from
/// cleaned to original text is rebuilt, by loading, normalising and cleaning the stored original
/// (no segmentation, dates or extraction). A document stored without facts, or whose cleaning no
/// longer gives its stored clean text, is analysed again in full. Results are cached by document id.
/// </summary>
public sealed class DocumentAnnotator(AnalysisPipeline pipeline, AtlasReader reader, IMemoryCache cache)
{
    private static readonly IReadOnlyList<(string Phrase, string Sector)> SectorPhrases =
        [.. ReferenceLexicon.SectorTriggers(ReferenceData.Default).Where(t => t.Phrase.Length >= 3)];

    /// <summary>The first two stages of the ingest pipeline: enough to map the clean text back to the original.</summary>
    private static readonly AnalysisPipeline TextOnly = new AnalysisPipelineBuilder().Use(new NormalizationStage()).Use(new CleaningStage()).Build();

    private readonly DocumentLoader _loader = new();

    public AnnotatedDocument Annotate(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return cache.GetOrCreate((nameof(DocumentAnnotator), document.Id, document.ContentHash), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return FromStoredFacts(document) ?? FromAnalysis(document);
        })!; // The factory never returns null.
    }

    /// <summary>The stored facts placed in the clean text; null when the document has none stored or its text map cannot be rebuilt.</summary>
    internal AnnotatedDocument? FromStoredFacts(StoredDocument document)
    {
        if (document.FactsJson is not { Length: > 0 } json || Load(document) is not { } source)
        {
            return null;
        }

        var map = TextOnly.Run(source).Text;
        if (!string.Equals(map.Text, document.CleanText, StringComparison.Ordinal))
        {
            return null;
        }

        using var facts = JsonDocument.Parse(json);
        var root = facts.RootElement;
        var marks = new List<FactMark>();
        TextSpan? Clean(int start, int end)
        {
            if (start < 0 || end <= start || end > map.OriginalLength)
            {
                return null;
            }

            var span = Trim(map.Text, map.FromOriginal(new TextSpan(start, end)));
            return span.IsEmpty ? null : span;
        }

        // Dates of their own, days written again without their year, and relative dates resolved at ingest.
        foreach (var d in Array(root, "dates").Concat(Array(root, "date_references")).Concat(Array(root, "relative_dates")))
        {
            if (d.TryGetProperty("normalized", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { } normalized && d.GetProperty("role").GetString() != "name"
                && Clean(d.GetProperty("start").GetInt32(), d.GetProperty("end").GetInt32()) is { } span)
            {
                marks.Add(new FactMark(span.Start, span.End, FactKind.Date, normalized, null, d.GetProperty("start").GetInt32(), d.GetProperty("end").GetInt32()));
            }
        }

        // Countries and provinces named in the text are listed under "places"; an entity keyed by a
        // province or country at other spans is a body of it (จังหวัดนครศรีธรรมราช as a party): an organisation.
        var places = new HashSet<(int, int)>();
        foreach (var p in Array(root, "places"))
        {
            var (start, end) = (p.GetProperty("start").GetInt32(), p.GetProperty("end").GetInt32());
            var code = p.GetProperty("code").GetString() ?? string.Empty;
            var country = p.GetProperty("kind").GetString() == "country";
            if (Clean(start, end) is { } span && places.Add((start, end)))
            {
                var label = country ? CountryName(code) : ProvinceName(code);
                marks.Add(new FactMark(span.Start, span.End, country ? FactKind.Country : FactKind.Province, label,
                    $"/{(country ? "countries" : "provinces")}/{Uri.EscapeDataString(code)}", start, end));
            }
        }

        var entities = Array(root, "entities").ToList();
        var ids = reader.EntityIds(entities.Select(e => e.GetProperty("id").GetString() ?? string.Empty));
        foreach (var e in entities)
        {
            var key = e.GetProperty("id").GetString() ?? string.Empty;
            var name = e.GetProperty("name").GetString() ?? key;
            var entityHref = ids.TryGetValue(key, out var id) ? $"/entities/{id}" : null;
            var (kind, href) = e.GetProperty("kind").GetString() switch
            {
                "country" or "province" => (FactKind.Organization, entityHref),
                "place" => (FactKind.Place, null),
                "person" => (FactKind.Person, entityHref),
                _ => (FactKind.Organization, entityHref),
            };
            foreach (var s in Array(e, "spans"))
            {
                var (start, end) = (s[0].GetInt32(), s[1].GetInt32());
                if (!places.Contains((start, end)) && Clean(start, end) is { } clean)
                {
                    marks.Add(new FactMark(clean.Start, clean.End, kind, name, href, start, end));
                }
            }
        }

        foreach (var ev in Array(root, "events"))
        {
            var evidence = ev.GetProperty("evidence");
            var (start, end) = (evidence.GetProperty("start").GetInt32(), evidence.GetProperty("end").GetInt32());
            if (start < 0 || end <= start || end > map.OriginalLength)
            {
                continue;
            }

            var passage = map.FromOriginal(new TextSpan(start, end));
            var sectors = Array(ev, "sectors").Select(x => x.GetString() ?? string.Empty).ToList();
            marks.AddRange(SectorsIn(map.Text, passage, sectors).Select(x =>
            {
                var o = map.ToOriginal(x.Span);
                return new FactMark(x.Span.Start, x.Span.End, FactKind.Sector, x.Sector, $"/engagements?sector={Uri.EscapeDataString(x.Sector)}", o.Start, o.End);
            }));
        }

        var kept = NonOverlapping(marks);
        return new AnnotatedDocument(map.Text, Runs(map.Text, kept), kept);
    }

    /// <summary>Analyses the stored original again with the whole pipeline (documents stored without facts).</summary>
    internal AnnotatedDocument FromAnalysis(StoredDocument document)
    {
        if (Load(document) is not { } source)
        {
            return new AnnotatedDocument(document.CleanText, [new TextRun(document.CleanText, null)], []);
        }

        var analyzed = pipeline.Run(source);
        var map = analyzed.Text;
        var marks = new List<FactMark>();
        FactMark Mark(TextSpan span, FactKind kind, string label, string? href)
        {
            var o = map.ToOriginal(span);
            return new FactMark(span.Start, span.End, kind, label, href, o.Start, o.End);
        }

        foreach (var d in analyzed.Get<DocumentDates>()?.Mentions ?? [])
        {
            // Date spans already point into the original; a date outside the body (a page header) has no place in the text.
            var clean = d.Span.End <= map.OriginalLength ? Trim(map.Text, map.FromOriginal(d.Span)) : default;
            if (d.HasValue && d.Role != DateRole.Name && !clean.IsEmpty)
            {
                marks.Add(new FactMark(clean.Start, clean.End, FactKind.Date, d.Normalized, null, d.Span.Start, d.Span.End));
            }
        }

        var facts = analyzed.Get<DocumentFacts>();
        var mentions = facts?.Mentions ?? [];
        var ids = reader.EntityIds(mentions.Select(m => m.Key));
        foreach (var m in mentions)
        {
            var (kind, href) = m.Kind switch
            {
                EntityKind.Country => (FactKind.Country, $"/countries/{Uri.EscapeDataString(PlaceCode(m.Key))}"),
                EntityKind.Province => (FactKind.Province, $"/provinces/{Uri.EscapeDataString(PlaceCode(m.Key))}"),
                EntityKind.ForeignPlace => (FactKind.Place, null),
                EntityKind.Person => (FactKind.Person, ids.TryGetValue(m.Key, out var p) ? $"/entities/{p}" : null),
                _ => (FactKind.Organization, ids.TryGetValue(m.Key, out var o) ? $"/entities/{o}" : null),
            };
            marks.Add(Mark(m.Span, kind, m.Name, href));
        }

        foreach (var e in facts?.Engagements ?? [])
        {
            marks.AddRange(SectorsIn(map.Text, e.Evidence, e.Sectors).Select(s => Mark(s.Span, FactKind.Sector, s.Sector, $"/engagements?sector={Uri.EscapeDataString(s.Sector)}")));
        }

        var kept = NonOverlapping(marks);
        return new AnnotatedDocument(map.Text, Runs(map.Text, kept), kept);
    }

    private SourceDocument? Load(StoredDocument document)
    {
        var format = Enum.TryParse<DocumentFormat>(document.Format, ignoreCase: true, out var f) ? f : DocumentFormat.Text;
        var loaded = _loader.LoadText(document.OriginalText, document.Source, format);
        return loaded.IsSuccess ? loaded.Document : null;
    }

    private static string CountryName(string code) => ReferenceData.Default.CountriesByCode.TryGetValue(code, out var c) ? c.NameEn : code;

    private static string ProvinceName(string code) => ReferenceData.Default.Provinces.FirstOrDefault(p => p.Code == code)?.NameTh ?? code;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    /// <summary>A span without the white space at its ends (line breaks the cleaner put around a date's original characters).</summary>
    private static TextSpan Trim(string text, TextSpan span)
    {
        var (start, end) = (span.Start, span.End);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    /// <summary>The ISO code of a place key (<c>country:JP</c> → <c>JP</c>, <c>province:TH-10</c> → <c>TH-10</c>).</summary>
    private static string PlaceCode(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>Where, inside an engagement's passage, the words that gave it its sectors are.</summary>
    private static IEnumerable<(TextSpan Span, string Sector)> SectorsIn(string text, TextSpan evidence, IReadOnlyList<string> sectors)
    {
        foreach (var (phrase, sector) in SectorPhrases)
        {
            if (!sectors.Contains(sector, StringComparer.Ordinal) || evidence.End > text.Length)
            {
                continue;
            }

            var start = text.IndexOf(phrase, evidence.Start, evidence.Length, StringComparison.OrdinalIgnoreCase);
            if (start >= 0 && start + phrase.Length <= evidence.End)
            {
                yield return (new TextSpan(start, start + phrase.Length), sector);
            }
        }
    }

    /// <summary>Keeps the earliest, then the longest, of overlapping marks.</summary>
    private static List<FactMark> NonOverlapping(List<FactMark> marks)
    {
        var kept = new List<FactMark>();
        var end = -1;
        foreach (var m in marks.Where(m => m.End > m.Start).OrderBy(m => m.Start).ThenByDescending(m => m.End - m.Start).ThenBy(m => m.Kind))
        {
            if (m.Start >= end)
            {
                kept.Add(m);
                end = m.End;
            }
        }

        return kept;
    }

    private static List<TextRun> Runs(string text, List<FactMark> marks)
    {
        var runs = new List<TextRun>();
        var at = 0;
        foreach (var m in marks)
        {
            if (m.Start > at)
            {
                runs.Add(new TextRun(text[at..m.Start], null));
            }

            runs.Add(new TextRun(text[m.Start..m.End], m));
            at = m.End;
        }

        if (at < text.Length)
        {
            runs.Add(new TextRun(text[at..], null));
        }

        return runs;
    }
}
