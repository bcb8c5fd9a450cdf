using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Search;

namespace SoftPowerAtlas.Web.Pages;

/// <summary>
/// Full-text search with the query language of <c>atlas search</c>: ranked hits with highlighted
/// snippets, facet counts over all matches (a click adds the filter to the query), paging. A malformed
/// query shows the parser's message and where it is; it never reaches the index.
/// </summary>
public sealed class SearchModel(SearchCache index, UiText text) : PageModel
{
    public const int PageSize = 10;

    /// <summary>Deepest page served (the index keeps offset + size hits in memory while ranking).</summary>
    public const int MaxPage = 500;

    public string Query { get; private set; } = string.Empty;

    public SearchQuery? Parsed { get; private set; }

    public QueryError? Error { get; private set; }

    public SearchResults? Results { get; private set; }

    public int PageNumber { get; private set; } = 1;

    /// <summary>Whether the words are searched only as written (<c>exact=true</c>), not also by the other names of what they name.</summary>
    public bool Exact { get; private set; }

    public int PageCount => Results is null ? 0 : (int)Math.Min(MaxPage, (Results.Total + PageSize - 1) / PageSize);

    public void OnGet(string? q, int? page, bool? exact)
    {
        Query = q?.Trim() ?? string.Empty;
        Exact = exact ?? false;
        if (Query.Length == 0)
        {
            return;
        }

        var parsed = SearchQuery.Parse(Query);
        if (parsed.Query is null)
        {
            Error = parsed.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Parsed = parsed.Query with { Exact = Exact };
        PageNumber = Math.Clamp(page ?? 1, 1, MaxPage);
        Results = index.Search(Parsed, SearchPage.Number(PageNumber, PageSize));
        if (Results.Hits.Count == 0 && PageNumber > 1 && Results.Total > 0)
        {
            // A shared link to a page past the end shows the last page.
            PageNumber = PageCount;
            Results = index.Search(Parsed, SearchPage.Number(PageNumber, PageSize));
        }
    }

    /// <summary>
    /// The line under the query that points at the problem: a caret under its first character, tildes under
    /// the rest. Thai vowel and tone marks take no column of their own, so they are not counted.
    /// </summary>
    public string CaretLine(QueryError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        static int Columns(string text) => text.Count(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format));
        var start = Math.Clamp(error.Position, 0, Query.Length);
        var end = Math.Clamp(error.Position + error.Length, start, Query.Length);
        return new string(' ', Columns(Query[..start])) + "^" + new string('~', Math.Max(0, Columns(Query[start..end]) - 1));
    }

    /// <summary>What to show for a facet value in the page's language.</summary>
    public string FacetLabel(string facet, FacetCount value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return facet switch
        {
            "country" => text.Country(value.Value),
            "sector" => text.Sector(value.Value),
            "type" => text.EngagementType(value.Value),
            _ => value.Label,
        };
    }
}
