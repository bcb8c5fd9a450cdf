using Microsoft.Extensions.Caching.Memory;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Search;

/// <summary>
/// Search results of the pages and the API kept per query text, page and facets until the store changes
/// (<see cref="AtlasReader.DataStamp"/>): a shared link, going back a page or a frequent query costs
/// one lookup instead of a BM25 pass and facet counts over every match. Bounded; thread-safe.
/// </summary>
public sealed class SearchCache(ISearchIndex index, AtlasReader atlas) : IDisposable
{
    /// <summary>Result pages kept (each at most 100 hits with their snippets, and the facets).</summary>
    private const int Entries = 2000;

    private readonly MemoryCache _results = new(new MemoryCacheOptions { SizeLimit = Entries });

    public SearchResults Search(SearchQuery query, SearchPage page)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var key = (atlas.DataStamp(), query.Text, query.Exact, page.Offset, page.Limit, page.Facets);
        return _results.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return index.Search(query, page);
        })!; // The factory never returns null.
    }

    public void Dispose() => _results.Dispose();
}
