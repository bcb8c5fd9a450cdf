using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// The C# FTS5 auxiliary function and the managed BM25 against SQLite's own bm25(): the same matches
/// and the same doubles, with row sizes from the snapshot and without one (read from FTS5 per row).
/// </summary>
public class Bm25InputsTests(SqliteSearchCorpus corpus) : IClassFixture<SqliteSearchCorpus>
{
    public static TheoryData<string> Queries =>
    [
        "ภาพยนตร์",                      // one word
        "ภาพยนตร์เกาหลี",                 // a Thai run: NEAR group of its words
        "ซอฟต์พาวเวอร์",                  // a longer NEAR group
        "\"Thai Food Festival\"",         // a phrase
        "creat*",                         // a prefix
        "เกาหลี*",
        "film OR ภาพยนตร์",               // alternatives
        "soft power",                     // two clauses
        "ไทย -\"Book Fair\" -มวยไทย",      // exclusions: phrases with no instance in any match
        "signing",                        // stemmed
    ];

    private SqliteAtlasStore Store => (SqliteAtlasStore)corpus.Store;

    [Theory]
    [MemberData(nameof(Queries))]
    public void Read_WithAndWithoutSnapshot_SameMatchesAndScoresAsBm25(string text)
    {
        var match = Fts5Match.From(SearchQuery.Parse(text).Query!, TestText.Search);
        using var connection = Store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var snapshot = SearchSnapshot.Load(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
        var expected = Bm25(connection, transaction, match.Expression!);
        Assert.NotEmpty(expected);

        foreach (var from in new[] { snapshot, null })
        {
            var read = Bm25Inputs.Read(connection, transaction, from, match.Expression!, match.Phrases);

            Assert.True(read.HasValue, text);
            Assert.Equal(expected.Select(e => e.Id), read.Value.Ids);
            Assert.Equal(expected.Select(e => e.Score), read.Value.Scores); // exact doubles
        }

        Assert.NotEmpty(snapshot.PhraseDocuments);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Read_InTwoHalvesOnTwoConnections_SameAsBm25(string text)
    {
        var match = Fts5Match.From(SearchQuery.Parse(text).Query!, TestText.Search);
        using var connection = Store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var snapshot = SearchSnapshot.Load(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
        var opened = 0;

        var read = Bm25Inputs.Read(connection, transaction, snapshot, match.Expression!, match.Phrases, () =>
        {
            opened++;
            return Store.OpenConnection();
        }, parallelFrom: 0);

        var expected = Bm25(connection, transaction, match.Expression!);
        Assert.Equal(1, opened);
        Assert.Equal(expected.Select(e => e.Id), read!.Value.Ids);
        Assert.Equal(expected.Select(e => e.Score), read.Value.Scores);
    }

    [Fact]
    public void Read_AWriteCameBeforeTheHelperOpened_ReadsAllOnItsOwnTransaction()
    {
        var match = Fts5Match.From(SearchQuery.Parse("ภาพยนตร์").Query!, TestText.Search);
        using var connection = Store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var snapshot = SearchSnapshot.Load(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
        var expected = Bm25(connection, transaction, match.Expression!);

        var read = Bm25Inputs.Read(connection, transaction, snapshot, match.Expression!, match.Phrases, () =>
        {
            // Another process writes between this search's read and the helper's: the last document gains
            // a word of the query, which the helper's half would see (its version moved on, so it is not used).
            using (var writer = Store.OpenConnection())
            using (var edit = writer.CreateCommand())
            {
                edit.CommandText = "UPDATE documents SET segmented_text = segmented_text || ' ภาพยนตร์ ภาพยนตร์' WHERE id = (SELECT max(id) FROM documents)";
                Assert.Equal(1, edit.ExecuteNonQuery());
            }

            return Store.OpenConnection();
        }, parallelFrom: 0);

        Assert.Equal(expected.Select(e => e.Id), read!.Value.Ids);
        Assert.Equal(expected.Select(e => e.Score), read.Value.Scores);
    }

    [Fact]
    public void TryRegister_StoreConnection_TheFunctionRuns()
    {
        using var connection = Store.OpenConnection();

        Assert.True(Fts5Native.TryRegister(connection));
        Assert.True(Fts5Native.TryRegister(connection)); // once per native connection; again is a no-op
    }

    [Fact]
    public void Read_PhrasesNotOfTheExpression_NullSoTheCallerUsesBm25()
    {
        using var connection = Store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);

        var read = Bm25Inputs.Read(connection, transaction, null, "\"ภาพยนตร์\" OR \"film\"", ["\"ภาพยนตร์\""]);

        Assert.Null(read);
    }

    [Fact]
    public void Read_NothingMatches_Empty()
    {
        using var connection = Store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);

        var read = Bm25Inputs.Read(connection, transaction, null, "\"nothingmatchesthis\"", ["\"nothingmatchesthis\""]);

        Assert.True(read.HasValue);
        Assert.Empty(read.Value.Ids);
    }

    private static List<(long Id, double Score)> Bm25(SqliteConnection connection, SqliteTransaction transaction, string expression)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT rowid, {SqliteSearchIndex.Rank} FROM document_text WHERE document_text MATCH $match ORDER BY rowid";
        select.Parameters.AddWithValue("$match", expression);
        using var reader = select.ExecuteReader();
        var rows = new List<(long, double)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        }

        return rows;
    }
}
