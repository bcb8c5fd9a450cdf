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
        var pending = new List<(long Id, string Title)>();
        using (var select = new NpgsqlCommand(
            "SELECT id, title FROM documents WHERE search_title IS NULL AND title IS NOT NULL FOR UPDATE SKIP LOCKED", connection, transaction))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        using var update = new NpgsqlCommand("UPDATE documents SET search_title = @title WHERE id = @id", connection, transaction);
        var title = new NpgsqlParameter<string?> { ParameterName = "title" };
        var id = new NpgsqlParameter<long> { ParameterName = "id" };
        update.Parameters.Add(title);
        update.Parameters.Add(id);
        foreach (var row in pending)
        {
            title.TypedValue = text.Segmented(row.Title);
            id.TypedValue = row.Id;
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return pending.Count;
    }
}
