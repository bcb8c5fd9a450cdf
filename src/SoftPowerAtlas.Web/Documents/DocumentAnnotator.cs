using Microsoft.Extensions.Caching.Memory;
using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Facts;
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
public sealed record AnnotatedDocument(string CleanText, IReadOnlyList<TextRun> Runs, IReadOnlyList<FactMark> Facts)
{
    /// <summary>The sentences of commitments and passages of engagements, placed in the clean text (a link can ask for one highlighted).</summary>
    public IReadOnlyList<Passage> Passages { get; init; } = [];

    /// <summary>The passage stored at these original offsets, if the document has one there.</summary>
    public Passage? PassageAt(int originalStart, int originalEnd) =>
        Passages.FirstOrDefault(p => p.OriginalStart == originalStart && p.OriginalEnd == originalEnd);
}

/// <summary>A fact's passage: its span in the clean text and in the document as stored.</summary>
public sealed record Passage(int Start, int End, int OriginalStart, int OriginalEnd);

/// <summary>
/// Finds the facts of a stored document in its cleaned text. The facts come from the store
/// (<c>facts_json</c>, written at ingest with offsets into the original file, read back as
/// <see cref="ExtractedFacts"/>); only the map from cleaned to original text is rebuilt, by loading,
/// normalising and cleaning the stored original (no segmentation, dates or extraction). A document
/// stored without facts, with facts that cannot be read back, or whose cleaning no longer gives its
/// stored clean text, is analysed again in full and its facts placed the same way. Results are cached
/// by document id.
/// </summary>
public sealed class DocumentAnnotator(AnalysisPipeline pipeline, AtlasReader reader, IMemoryCache cache, ILogger<DocumentAnnotator> logger)
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

    /// <summary>
    /// The stored facts placed in the clean text; null when the document has none stored, they cannot be
    /// read back (logged, naming the document), or its text map cannot be rebuilt.
    /// </summary>
    internal AnnotatedDocument? FromStoredFacts(StoredDocument document)
    {
        if (document.FactsDamage is { } damage)
        {
            logger.LogWarning("Document {Id}: its stored facts cannot be read ({Problem}); the page shows it analysed again ('atlas reextract' writes them anew).", document.Id, damage);
            return null;
        }

        if (document.FactsJson is not { Length: > 0 } json || Load(document) is not { } source)
        {
            return null;
        }

        var read = FactsJson.Read(json);
        if (!read.IsSuccess)
        {
            logger.LogWarning("Document {Id}: its stored facts cannot be read ({Problem}); the page shows it analysed again ('atlas reextract' writes them anew).", document.Id, read.Error);
            return null;
        }

        var map = TextOnly.Run(source).Text;
        return string.Equals(map.Text, document.CleanText, StringComparison.Ordinal) ? Place(read.Facts, map) : null;
    }

    /// <summary>Analyses the stored original again with the whole pipeline (documents stored without facts) and places what it finds.</summary>
    internal AnnotatedDocument FromAnalysis(StoredDocument document)
    {
        if (Load(document) is not { } source)
        {
            return new AnnotatedDocument(document.CleanText, [new TextRun(document.CleanText, null)], []);
        }

        var analyzed = pipeline.Run(source);
        return Place(ExtractedFacts.From(analyzed), analyzed.Text);
    }

    /// <summary>Facts (offsets in the original file) placed in the clean text of <paramref name="map"/>; facts outside it are left out.</summary>
    private AnnotatedDocument Place(ExtractedFacts facts, MappedText map)
    {
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
        foreach (var d in facts.Dates.Concat(facts.DateReferences).Concat(facts.RelativeDates))
        {
            if (d.Normalized is { } normalized && d.Role != "name" && Clean(d.Start, d.End) is { } span)
            {
                marks.Add(new FactMark(span.Start, span.End, FactKind.Date, normalized, null, d.Start, d.End));
            }
        }

        // Countries and provinces named in the text are listed under places; an entity keyed by a
        // province or country at other spans is a body of it (จังหวัดนครศรีธรรมราช as a party): an organisation.
        var places = new HashSet<(int, int)>();
        foreach (var p in facts.Places)
        {
            var country = p.Kind == "country";
            if (Clean(p.Start, p.End) is { } span && places.Add((p.Start, p.End)))
            {
                var label = country ? CountryName(p.Code) : ProvinceName(p.Code);
                marks.Add(new FactMark(span.Start, span.End, country ? FactKind.Country : FactKind.Province, label,
                    $"/{(country ? "countries" : "provinces")}/{Uri.EscapeDataString(p.Code)}", p.Start, p.End));
            }
        }

        var ids = reader.EntityIds(facts.Entities.Select(e => e.Id));
        foreach (var e in facts.Entities)
        {
            var entityHref = ids.TryGetValue(e.Id, out var id) ? $"/entities/{id}" : null;
            var (kind, href) = e.Kind switch
            {
                "place" => (FactKind.Place, null),
                "person" => (FactKind.Person, entityHref),
                _ => (FactKind.Organization, entityHref),
            };
            foreach (var s in e.Spans)
            {
                if (!places.Contains((s.Start, s.End)) && Clean(s.Start, s.End) is { } clean)
                {
                    marks.Add(new FactMark(clean.Start, clean.End, kind, e.Name, href, s.Start, s.End));
                }
            }
        }

        foreach (var ev in facts.Events)
        {
            var (start, end) = (ev.Evidence.Start, ev.Evidence.End);
            if (start < 0 || end <= start || end > map.OriginalLength)
            {
                continue;
            }

            var passage = map.FromOriginal(new TextSpan(start, end));
            marks.AddRange(SectorsIn(map.Text, passage, ev.Sectors).Select(x =>
            {
                var o = map.ToOriginal(x.Span);
                return new FactMark(x.Span.Start, x.Span.End, FactKind.Sector, x.Sector, $"/engagements?sector={Uri.EscapeDataString(x.Sector)}", o.Start, o.End);
            }));
        }

        var passages = new List<Passage>();
        foreach (var (start, end) in facts.Commitments.Select(c => (c.Start, c.End)).Concat(facts.Events.Select(e => (e.Evidence.Start, e.Evidence.End))))
        {
            if (Clean(start, end) is { } span)
            {
                passages.Add(new Passage(span.Start, span.End, start, end));
            }
        }

        var kept = NonOverlapping(marks);
        return new AnnotatedDocument(map.Text, Runs(map.Text, kept), kept) { Passages = passages };
    }

    private SourceDocument? Load(StoredDocument document)
    {
        var format = Enum.TryParse<DocumentFormat>(document.Format, ignoreCase: true, out var f) ? f : DocumentFormat.Text;
        var loaded = _loader.LoadText(document.OriginalText, document.Source, format);
        return loaded.IsSuccess ? loaded.Document : null;
    }

    private static string CountryName(string code) => ReferenceData.Default.CountriesByCode.TryGetValue(code, out var c) ? c.NameEn : code;

    private static string ProvinceName(string code) => ReferenceData.Default.Provinces.FirstOrDefault(p => p.Code == code)?.NameTh ?? code;

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
