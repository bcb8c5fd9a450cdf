using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Web.Search;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>
/// A page of search hits: the query as given, how many documents match in all, the hits (best first,
/// each with its snippet and the snippet's match offsets), facet counts over all matches, and notes on
/// parts of the query that were ignored.
/// </summary>
public sealed record SearchResponse(
    string Query,
    long Total,
    int Page,
    int Limit,
    int? NextPage,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether the words were searched only as written (<c>exact=true</c>).</summary>
    public bool Exact { get; init; }

    /// <summary>Words of the query that named a known country, sector or entity, and the other names searched with them.</summary>
    public IReadOnlyList<ConceptExpansion> Expansions { get; init; } = [];

    /// <summary>The query with misspelt words corrected from the index's vocabulary, when it found little.</summary>
    public string? Suggestion { get; init; }
}

/// <summary>GET /api/search: the query language of <c>atlas search</c>, with facets and paging.</summary>
public static class SearchApi
{
    public const int MaxPage = 500;

    public const int MaxLimit = 100;

    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search)
            .WithTags("Search")
            .WithSummary("Documents matching a query, best first (BM25), with highlighted snippets and facet counts over all matches.")
            .WithDescription("q: words (Thai or English), \"phrases\", -exclusions, OR, word*, and filters country: sector: agency: type: year: from: to:. "
                + "A word naming a country, sector or entity also matches its other names (listed in expansions) unless exact=true; a query finding little gets a suggestion. "
                + "page is 1-based (at most 500), limit 1-100 (10). A malformed query is a 400 problem with the parser's message and the 0-based position and length of the problem.");
    }

    public static Results<Ok<SearchResponse>, ProblemHttpResult, ValidationProblem> Search(SearchCache index, [Description("The query: words (Thai or English), \"phrases\", -exclusions, OR, word*, and filters country: sector: agency: type: year: from: to:.")] string? q, [Description("Page of hits, 1-based (1 to 500; default 1).")] int? page, [Description("Hits per page, 1 to 100 (default 10).")] int? limit, [Description("Whether to count facets (countries, sectors, agencies, types, years) over all matches; default true.")] bool? facets, [Description("true: search the words only as written; by default a word naming a country, sector or entity also matches its other names (France: ฝรั่งเศส), listed in expansions.")] bool? exact = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"page must be between 1 and {MaxPage}"];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}"];
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["q is required: the words or filters to search for"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var parsed = SearchQuery.Parse(q);
        if (parsed.Query is not { } query)
        {
            return Malformed(q!, parsed.Error!); // Parse gives an error whenever it gives no query.
        }

        var (number, size) = (page ?? 1, limit ?? 10);
        var results = index.Search(query with { Exact = exact ?? false }, SearchPage.Number(number, size, facets ?? true));
        var next = (long)number * size < results.Total && number < MaxPage ? number + 1 : (int?)null;
        return TypedResults.Ok(new SearchResponse(query.Text, results.Total, number, size, next, results.Hits, results.Facets, results.Notes)
        {
            Exact = exact ?? false,
            Expansions = results.Expansions,
            Suggestion = results.Suggestion,
        });
    }

    /// <summary>RFC 7807 problem for a query the parser refused: its message, and where (0-based position and length).</summary>
    public static ProblemHttpResult Malformed(string query, QueryError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Malformed query",
            detail: error.Message,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["query"] = query,
                ["position"] = error.Position,
                ["length"] = error.Length,
            });
    }
}
