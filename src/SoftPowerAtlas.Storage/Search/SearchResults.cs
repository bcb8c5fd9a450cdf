using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Full-text search and entity lookup over the stored documents: FTS5 on SQLite
/// (<see cref="Sqlite.SqliteSearchIndex"/>), tsvector on PostgreSQL (<see cref="Postgres.PostgresSearchIndex"/>),
/// both passing the same tests; <see cref="SearchIndexes.For"/> picks one. Thread-safe.
/// </summary>
public interface ISearchIndex
{
    /// <summary>One page of the documents matching <paramref name="query"/>, best first, with facet counts over all of them.</summary>
    SearchResults Search(SearchQuery query, SearchPage page);

    /// <summary>Entities (agencies, bodies, organisations, people) known by an alias containing <paramref name="text"/>, Thai or English, any case.</summary>
    IReadOnlyList<EntityMatch> FindEntities(string text, int limit = 20);
}

/// <summary>Which hits to return: <see cref="Limit"/> of them after skipping <see cref="Offset"/>.</summary>
public sealed record SearchPage
{
    public const int MaxLimit = 200;

    public SearchPage(int limit = 10, int offset = 0, bool facets = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        (Limit, Offset, Facets) = (limit, offset, facets);
    }

    public int Limit { get; }

    public int Offset { get; }

    /// <summary>Whether to count facets (they cost a pass over every matching document).</summary>
    public bool Facets { get; }

    /// <summary>The first ten hits, with facets.</summary>
    public static SearchPage Default { get; } = new();

    /// <summary>Page <paramref name="number"/> (1-based) of <paramref name="size"/> hits.</summary>
    public static SearchPage Number(int number, int size = 10, bool facets = true) =>
        new(size, checked((Math.Max(number, 1) - 1) * size), facets);
}

/// <summary>What a search found: how many documents in all, this page of them, facet counts over all of them, and notes.</summary>
public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets, IReadOnlyList<string> Notes)
{
    /// <summary>The words of the query that named a known concept, and the other names searched with them (none when <see cref="SearchQuery.Exact"/>).</summary>
    public IReadOnlyList<ConceptExpansion> Expansions { get; init; } = [];

    /// <summary>The query with its misspelt words corrected from the index's vocabulary, when it found little; null otherwise.</summary>
    public string? Suggestion { get; init; }
}

/// <summary>
/// A word or phrase of the query (<see cref="Written"/>) that names <see cref="Concept"/> (<c>country:FR</c>,
/// <c>sector:film</c>, an entity key), and the names it also matched (<see cref="AlsoMatched"/>).
/// </summary>
public sealed record ConceptExpansion(string Written, string Concept, IReadOnlyList<string> AlsoMatched);

/// <summary>
/// One matching document. <see cref="Score"/> is BM25 (higher is better; title words weigh more).
/// <see cref="Date"/> is the publication date, else the first dated engagement (<see cref="DateFromEngagement"/>).
/// </summary>
public sealed record SearchHit(
    long DocumentId,
    string? Title,
    string Source,
    string? SourceUrl,
    string? Published,
    string? Date,
    bool DateFromEngagement,
    double Score,
    Snippet Snippet);

/// <summary>Counts of matching documents per value of each facet, most frequent first.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Country,
    IReadOnlyList<FacetCount> Sector,
    IReadOnlyList<FacetCount> Agency,
    IReadOnlyList<FacetCount> Type,
    IReadOnlyList<FacetCount> Year)
{
    public static SearchFacets None { get; } = new([], [], [], [], []);

    public IEnumerable<(string Facet, IReadOnlyList<FacetCount> Counts)> All() =>
        [("country", Country), ("sector", Sector), ("agency", Agency), ("type", Type), ("year", Year)];
}

/// <summary>
/// A facet value, what to show for it, and how many matching documents carry it. <see cref="Value"/>
/// is what a filter takes (ISO code, sector id, entity key, type, year).
/// </summary>
public sealed record FacetCount(string Value, string Label, long Count)
{
    /// <summary>Country code → English name, the label both engines give a country facet.</summary>
    internal static string CountryLabel(string code) =>
        ReferenceData.Default.CountriesByCode.TryGetValue(code, out var country) ? country.NameEn : code;
}

/// <summary>
/// A passage of the document's clean text around the first matches: <see cref="Start"/> and
/// <see cref="End"/> are UTF-16 offsets into <c>clean_text</c>; <see cref="Highlights"/> are offsets
/// into <see cref="Text"/>. Its ends fall on word boundaries, never inside a Thai word or a surrogate pair.
/// </summary>
public sealed record Snippet(string Text, int Start, int End, IReadOnlyList<Highlight> Highlights, bool Truncated)
{
    public static Snippet Empty { get; } = new(string.Empty, 0, 0, [], false);

    /// <summary>The text with each highlight wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string Marked(string open, string close)
    {
        var text = new System.Text.StringBuilder(Text.Length + (Highlights.Count * (open.Length + close.Length)));
        var at = 0;
        foreach (var h in Highlights)
        {
            text.Append(Text, at, h.Start - at).Append(open).Append(Text, h.Start, h.Length).Append(close);
            at = h.Start + h.Length;
        }

        return text.Append(Text, at, Text.Length - at).ToString();
    }
}

/// <summary>A highlighted match inside a <see cref="Snippet"/>.</summary>
public readonly record struct Highlight(int Start, int Length);

/// <summary>
/// An entity found by alias. <see cref="Kind"/> is the prefix of its key (agency, body, org,
/// person...); <see cref="Documents"/> counts the documents that mention it.
/// </summary>
public sealed record EntityMatch(string Key, string Kind, string Name, string? Country, IReadOnlyList<string> Aliases, long Documents);
