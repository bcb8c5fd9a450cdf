using System.Data;
using System.Data.Common;
using Npgsql;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// One transaction on whichever engine a store is. A write holds the lock ingest holds (SQLite's
/// IMMEDIATE write lock; PostgreSQL's ingest advisory lock), so curation and ingest never interleave.
/// </summary>
internal static class StoreTransactions
{
    /// <summary>Runs <paramref name="work"/>; commits when it says so, else rolls back.</summary>
    public static T Run<T>(IAtlasStore store, Func<CurationSql, (T Result, bool Commit)> work, bool write)
    {
        var (connection, dialect) = store switch
        {
            SqliteAtlasStore s => ((DbConnection)s.OpenConnection(), (StoreDialect)new SqliteDialect(s.Path)),
            PostgresAtlasStore p => (p.DataSource.OpenConnection(), p.Dialect),
            _ => throw new NotSupportedException($"curation does not know the store {store.GetType().Name}"),
        };
        try
        {
            using (connection)
            {
                using var transaction = Begin(connection, write);
                var (result, commit) = work(new CurationSql(transaction, dialect));
                if (commit)
                {
                    transaction.Commit();
                }

                return result;
            }
        }
        catch (DbException e)
        {
            throw dialect.ToStoreException(e);
        }
    }

    private static DbTransaction Begin(DbConnection connection, bool write)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: !write);
        }

        var transaction = connection.BeginTransaction(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead);
        if (write)
        {
            using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.AddWithValue("key", PostgresAtlasStore.IngestLock);
            command.ExecuteNonQuery();
        }

        return transaction;
    }
}
