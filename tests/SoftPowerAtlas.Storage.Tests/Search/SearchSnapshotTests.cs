using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>The in-memory snapshot on a real SQLite file holding only the tables it reads.</summary>
public sealed class SearchSnapshotTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spa-snapshot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3, 5 })]
    [InlineData(new long[] { 1, 3, 9_000_000 })] // far sparser than the rows: no id-indexed map
    public void Load_DenseOrSparseIds_SlotsDatesFiltersAndFacets(long[] ids)
    {
        using var connection = Database(ids);
        using var transaction = connection.BeginTransaction();

        var snapshot = SearchSnapshot.Load(connection, transaction, 7);

        Assert.Equal(ids, snapshot.Ids);
        Assert.Equal(Enumerable.Range(0, ids.Length), ids.Select(snapshot.Slot));
        Assert.Equal(-1, snapshot.Slot(4));
        Assert.Equal(-1, snapshot.Slot(ids[^1] + 1));
        Assert.Equal(-1, snapshot.Slot(-5));

        // Dates: the last id is undated, the others 2023-05, 2024, 2024-02-10 in turn (text order: 2023-05 < 2024 < 2024-02-10).
        Assert.Equal(0, snapshot.DateRank(ids.Length - 1));
        Assert.True(snapshot.DateRank(0) > 0 && snapshot.DateRank(0) < snapshot.DateRank(1));

        var query = SearchQuery.Parse("country:FR from:2024 -sector:film").Query!;
        var passing = snapshot.Filter(query, new Dictionary<FieldFilter, IReadOnlyList<string>>())!;
        Assert.Equal(new[] { false, true, false }, Enumerable.Range(0, 3).Select(passing.Contains));
        Assert.Null(snapshot.Filter(SearchQuery.Parse("film").Query!, new Dictionary<FieldFilter, IReadOnlyList<string>>()));

        var counts = new int[snapshot.Values.Length];
        foreach (var slot in Enumerable.Range(0, ids.Length))
        {
            snapshot.CountFacets(slot, counts);
        }

        var byValue = snapshot.Values.Zip(counts).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(3, byValue[("country", "FR")]);
        Assert.Equal(1, byValue[("sector", "film")]);

        // Sizes in tokens, title and body, as FTS5 itself recorded them (200 needs a two-byte varint,
        // 20,000 a three-byte one); the last document has no row in the index.
        var expected = BodyWords.Take(ids.Length - 1).Select(words => 2 + words).Append(-1);
        Assert.Equal(expected, Enumerable.Range(0, ids.Length).Select(snapshot.Tokens));
    }

    /// <summary>Body words of the indexed documents: 200 is a two-byte varint in FTS5's size record, 20,000 a three-byte one.</summary>
    private static readonly int[] BodyWords = [200, 1, 20_000];

    private SqliteConnection Database(long[] ids)
    {
        Directory.CreateDirectory(_folder);
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "snapshot.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE search_dates (document_id INTEGER PRIMARY KEY, date TEXT, from_engagement INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE document_facets (facet TEXT NOT NULL, value TEXT NOT NULL, document_id INTEGER NOT NULL, PRIMARY KEY (facet, value, document_id)) WITHOUT ROWID;
            CREATE INDEX document_facets_document ON document_facets (document_id, facet, value);
            CREATE VIRTUAL TABLE document_text USING fts5(search_title, segmented_text);
            """;
        command.ExecuteNonQuery();
        string?[] dates = ["2023-05", "2024", "2024-02-10", "2022"];
        for (var i = 0; i < ids.Length; i++)
        {
            command.CommandText = "INSERT INTO search_dates (document_id, date) VALUES ($id, $date)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", ids[i]);
            command.Parameters.AddWithValue("$date", i == ids.Length - 1 ? DBNull.Value : dates[i]);
            command.ExecuteNonQuery();
            if (i < 3)
            {
                command.CommandText = "INSERT INTO document_facets (facet, value, document_id) VALUES ('country', 'FR', $id)";
                command.ExecuteNonQuery();
            }

            if (i < ids.Length - 1)
            {
                command.CommandText = "INSERT INTO document_text (rowid, search_title, segmented_text) VALUES ($id, 'ภาพยนตร์ ไทย', $body)";
                command.Parameters.AddWithValue("$body", string.Join(' ', Enumerable.Repeat("film", BodyWords[i])));
                command.ExecuteNonQuery();
            }

            if (i == 2)
            {
                command.CommandText = "INSERT INTO document_facets (facet, value, document_id) VALUES ('sector', 'film', $id)";
                command.ExecuteNonQuery();
            }
        }

        return connection;
    }
}
