using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// Segments the titles of documents stored before search existed (migration 0005 leaves their
/// <c>search_title</c> empty, since SQL cannot run ICU). Runs at open, once: afterwards ingest fills it.
/// </summary>
internal static class SqliteSearchTitles
{
    public static int Backfill(SqliteConnection connection, SearchText text)
    {
        using (var check = connection.CreateCommand())
        {
            // Not yet migrated this far (upgrade tests open at an older version).
            check.CommandText = "SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'search_title'";
            if ((long)check.ExecuteScalar()! == 0)
            {
                return 0;
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        // The partial index documents_unsegmented_title makes this a seek, not a scan of every document.
        var filled = SearchTitles.Fill(
            transaction, "SELECT id, title FROM documents INDEXED BY documents_unsegmented_title WHERE search_title IS NULL AND title IS NOT NULL", text);
        transaction.Commit();
        return filled;
    }
}
