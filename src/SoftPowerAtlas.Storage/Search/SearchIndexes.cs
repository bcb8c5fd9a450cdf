namespace SoftPowerAtlas.Storage.Search;

/// <summary>The search index of an open store: FTS5 on SQLite, <c>tsvector</c> on PostgreSQL, as the store's engine says.</summary>
public static class SearchIndexes
{
    /// <summary>
    /// The store's index; <paramref name="longLived"/> for a process that keeps searching (the web
    /// server), which may hold more in memory to answer faster.
    /// </summary>
    public static ISearchIndex For(IAtlasStore store, bool longLived = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.OpenSearchIndex(longLived);
    }
}
