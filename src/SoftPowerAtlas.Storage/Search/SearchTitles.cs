using System.Data.Common;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Segments the titles of documents stored before ingest wrote <c>search_title</c> (SQL cannot run ICU).
/// Each engine's backfill at open selects the pending rows its own way and commits; the segmenting and
/// writing, the same for both, is here.
/// </summary>
internal static class SearchTitles
{
    /// <summary>Writes the segmented title of every row (id, title) <paramref name="selectPending"/> returns; how many.</summary>
    public static int Fill(DbTransaction transaction, string selectPending, SearchText text)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("the transaction has no connection", nameof(transaction));
        var pending = new List<(long Id, string Title)>();
        using (var select = DbParameters.Command(connection, transaction, selectPending))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        using var update = DbParameters.Command(connection, transaction, "UPDATE documents SET search_title = @title WHERE id = @id");
        var title = update.Add("@title", null);
        var id = update.Add("@id", null);
        foreach (var row in pending)
        {
            title.Value = text.Segmented(row.Title);
            id.Value = row.Id;
            update.ExecuteNonQuery();
        }

        return pending.Count;
    }
}
