namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// Curation's transactions through the store's own <see cref="IAtlasStore.Read"/> and
/// <see cref="IAtlasStore.Write"/>: a write holds the lock ingest holds, so curation and ingest never
/// interleave, and a refused edit rolls back.
/// </summary>
internal static class StoreTransactions
{
    /// <summary>Runs <paramref name="work"/>; commits when it says so, else rolls back.</summary>
    public static T Run<T>(IAtlasStore store, Func<CurationSql, (T Result, bool Commit)> work, bool write) =>
        write
            ? store.Write((_, transaction) => work(new CurationSql(transaction, store.Dialect)), r => r.Commit).Result
            : store.Read((_, transaction) => work(new CurationSql(transaction, store.Dialect))).Result;
}
