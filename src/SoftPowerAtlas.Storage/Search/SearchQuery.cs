namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// A parsed search: clauses that must all match (each one word, phrase or OR of them), terms that must
/// not match, and field filters. Database-neutral: a store turns it into its own full-text syntax.
/// </summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyList<SearchClause> Clauses,
    IReadOnlyList<SearchTerm> Excluded,
    IReadOnlyList<FieldFilter> Filters,
    DateRange? Dates)
{
    /// <summary>Longest query accepted, in characters; longer input is refused, not truncated.</summary>
    public const int MaxLength = 1000;

    /// <summary>Most words, phrases and filters in one query.</summary>
    public const int MaxParts = 64;

    /// <summary>
    /// Whether to search the words only as written: false (the default) lets a word that names a known
    /// entity, country or sector also match its other names (<see cref="ConceptExpander"/>).
    /// </summary>
    public bool Exact { get; init; }

    /// <summary>Parses what a user typed; never throws for any string (null included).</summary>
    public static ParseResult Parse(string? text) => SearchQueryParser.Parse(text ?? string.Empty);

    /// <summary>Filters on <paramref name="field"/> that keep documents (not excluded ones).</summary>
    public IEnumerable<FieldFilter> Including(SearchField field) => Filters.Where(f => f.Field == field && !f.Negated);

    /// <summary>Filters on <paramref name="field"/> that drop documents (written <c>-field:value</c>).</summary>
    public IEnumerable<FieldFilter> Excluding(SearchField field) => Filters.Where(f => f.Field == field && f.Negated);
}

/// <summary>What a query string became: a query, or the first problem found in it.</summary>
public sealed record ParseResult(SearchQuery? Query, QueryError? Error)
{
    public bool Succeeded => Query is not null;

    internal static ParseResult Fail(int position, int length, string message) => new(null, new QueryError(position, length, message));
}

/// <summary>A problem in a query: <see cref="Position"/> is a 0-based character offset; the message names it 1-based.</summary>
public sealed record QueryError(int Position, int Length, string Message)
{
    public override string ToString() => Message;
}

/// <summary>One thing the user asked for: any of its alternatives must match (<c>film OR music</c>).</summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Alternatives);

/// <summary>A word, or a "quoted phrase", as typed; <see cref="Prefix"/> when written with a trailing <c>*</c>.</summary>
public sealed record SearchTerm(string Text, bool Quoted, bool Prefix, int Position);

/// <summary>Fields a filter can name.</summary>
public enum SearchField
{
    /// <summary>Partner country of an engagement, as an ISO 3166-1 alpha-2 code.</summary>
    Country,

    /// <summary>Sector id of the taxonomy (film, music...).</summary>
    Sector,

    /// <summary>Engagement type (mou_signing, meeting...).</summary>
    Type,

    /// <summary>An organisation taking part in an engagement, by any alias; resolved by the store.</summary>
    Agency,

    /// <summary>Year of the document's date (publication, else its first dated engagement).</summary>
    Year,
}

/// <summary>
/// <c>field:value</c>. <see cref="Values"/> are normalised (ISO code, sector id, type id, year) except
/// for <see cref="SearchField.Agency"/>, which keeps the aliases as typed for the store to resolve.
/// Several values (<c>country:FR,JP</c>) and several filters on one field mean any of them.
/// </summary>
public sealed record FieldFilter(SearchField Field, IReadOnlyList<string> Values, bool Negated, int Position, string Written)
{
    /// <summary>The facet the field filters on, as <c>document_facets.facet</c> names it.</summary>
    public string Facet => Field switch
    {
        SearchField.Country => "country",
        SearchField.Sector => "sector",
        SearchField.Type => "type",
        SearchField.Agency => "agency",
        _ => "year",
    };
}

/// <summary>
/// Inclusive bounds on a document's date, each <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.
/// <see cref="ToExclusive"/> is the first date string after the upper bound, so that
/// <c>date &gt;= From AND date &lt; ToExclusive</c> compares as text.
/// </summary>
public sealed record DateRange(string? From, string? To)
{
    public string? ToExclusive => To is null ? null : SearchDates.After(To);
}
