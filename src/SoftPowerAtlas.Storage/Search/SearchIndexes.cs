using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Search.Postgres;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>The search index of an open store: FTS5 on SQLite, <c>tsvector</c> on PostgreSQL.</summary>
public static class SearchIndexes
{
    /// <summary>
    /// The store's index; <paramref name="longLived"/> for a process that keeps searching (the web
    /// server), which may hold more in memory to answer faster (<see cref="SqliteSearchIndex(SqliteAtlasStore, bool)"/>).
    /// </summary>
    /// <exception cref="NotSupportedException">The store is neither engine (a programmer error).</exception>
    public static ISearchIndex For(IAtlasStore store, bool longLived = false) => store switch
    {
        SqliteAtlasStore sqlite => new SqliteSearchIndex(sqlite, holdTerms: longLived),
        PostgresAtlasStore postgres => new PostgresSearchIndex(postgres),
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new NotSupportedException($"no search index for {store.GetType().Name}"),
    };
}
