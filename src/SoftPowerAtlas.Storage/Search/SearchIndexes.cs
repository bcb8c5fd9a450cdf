using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Search.Postgres;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>The search index of an open store: FTS5 on SQLite, <c>tsvector</c> on PostgreSQL.</summary>
public static class SearchIndexes
{
    /// <exception cref="NotSupportedException">The store is neither engine (a programmer error).</exception>
    public static ISearchIndex For(IAtlasStore store) => store switch
    {
        SqliteAtlasStore sqlite => new SqliteSearchIndex(sqlite),
        PostgresAtlasStore postgres => new PostgresSearchIndex(postgres),
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new NotSupportedException($"no search index for {store.GetType().Name}"),
    };
}
