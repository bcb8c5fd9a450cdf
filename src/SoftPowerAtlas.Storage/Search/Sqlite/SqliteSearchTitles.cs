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
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        // The partial index documents_unsegmented_title makes this a seek, not a scan of every document.
        select.CommandText = "SELECT id, title FROM documents INDEXED BY documents_unsegmented_title WHERE search_title IS NULL AND title IS NOT NULL";
        var pending = new List<(long Id, string Title)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE documents SET search_title = $title WHERE id = $id";
        var title = update.Parameters.Add("$title", SqliteType.Text);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (var row in pending)
        {
            title.Value = text.Segmented(row.Title);
            id.Value = row.Id;
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return pending.Count;
    }
}
