using Npgsql;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// Segments the titles of documents stored before ingest wrote <c>search_title</c> on PostgreSQL
/// (SQL cannot run ICU); the update trigger then re-indexes them. Runs at open; afterwards ingest fills it.
/// </summary>
internal static class PostgresSearchTitles
{
    public static int Backfill(NpgsqlConnection connection, SearchText text)
    {
        using var transaction = connection.BeginTransaction();
        var filled = SearchTitles.Fill(
            transaction, "SELECT id, title FROM documents WHERE search_title IS NULL AND title IS NOT NULL FOR UPDATE SKIP LOCKED", text);
        transaction.Commit();
        return filled;
    }
}
