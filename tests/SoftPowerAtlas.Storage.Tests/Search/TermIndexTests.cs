using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// The term index against FTS5 itself: the same terms with the same document and instance counts as
/// <c>fts5vocab</c> lists, and the same results, scores to the bit, for every query of the equivalence
/// set, answered from the index rather than FTS5.
/// </summary>
public class TermIndexTests(SqliteSearchCorpus corpus) : IClassFixture<SqliteSearchCorpus>
{
    private SqliteAtlasStore Store => (SqliteAtlasStore)corpus.Store;

    [Fact]
    public void Build_EveryTermWithFts5sOwnDocumentAndInstanceCounts()
    {
        var index = Built();
        using var connection = Store.OpenConnection();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, 'document_text', 'row')";
            create.ExecuteNonQuery();
        }

        var expected = new List<(string, int, long)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT term, doc, cnt FROM temp.vocabulary";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                expected.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)));
            }
        }

        var terms = index.Memory.HeldTerms!;
        Assert.True(expected.Count > 500, $"{expected.Count} terms");
        Assert.Equal(expected.Order(), terms.Vocabulary().Order());
    }

    [Fact]
    public void Tokenizer_GivesFts5sTerms_StemmedAndFolded()
    {
        using var connection = Store.OpenConnection();
        using var tokenizer = Fts5Tokenizer.Open(connection)!;

        Assert.Equal(["sign", "festiv", "jeremi", "ภาพยนตร์", "2024"], tokenizer.Document("Signing Festivals, Jérémy ภาพยนตร์ 2024"));
        Assert.Equal(["soft", "power"], tokenizer.Query("soft-power"));
    }

    [Theory]
    [MemberData(nameof(SearchEquivalenceTests.Queries), MemberType = typeof(SearchEquivalenceTests))]
    [InlineData("ภาพยนตร์เกาหลี OR film")]
    [InlineData("\"soft power\" OR ภาพยนตร์ ไทย")]
    [InlineData("T-pop ไทย")]
    [InlineData("ไทย -ภาพยนตร์เกาหลี -\"soft power\" -film")]
    [InlineData("country:JP -ซอฟต์พาวเวอร์")]
    public void Search_FromTheTermIndex_SameAsWithoutIt(string text)
    {
        var query = SearchQuery.Parse(text).Query!;
        var index = Built();
        var fts5 = new SqliteSearchIndex(Store, clauseBudgetBytes: 0);
        foreach (var page in new[] { new SearchPage(20, 0), new SearchPage(3, 2) })
        {
            var expected = fts5.Search(query, page);
            var actual = index.Search(query, page);
            Assert.True(expected.Total == actual.Total, $"{text}: total {actual.Total}, expected {expected.Total}");
            Assert.Equal(expected.Hits.Select(h => (h.DocumentId, h.Score)), actual.Hits.Select(h => (h.DocumentId, h.Score)));
            Assert.Equal(expected.Facets.All().SelectMany(f => f.Counts.Select(v => (f.Facet, v.Value, v.Count))), actual.Facets.All().SelectMany(f => f.Counts.Select(v => (f.Facet, v.Value, v.Count))));
        }

        Assert.Equal(Reads(query), index.Memory.TermReads);
    }

    /// <summary>
    /// The reads from the term index a query takes, once: every text without a prefix is answered from
    /// the index, not FTS5: the included text, and the excluded terms wherever the included text was (or there is none).
    /// </summary>
    private static int Reads(SearchQuery query)
    {
        var match = Fts5Match.From(query, TestText.Search);
        var included = match.Include is not null && !match.IncludeUnits.Any(c => c.Any(u => u.Prefix));
        var excluded = match.Exclude is not null && !match.ExcludeUnits.Any(u => u.Prefix) && (included || match.Include is null);
        return (included ? 1 : 0) + (excluded ? 1 : 0);
    }

    [Fact]
    public async Task Build_OverItsBudget_NotBuiltAndSearchStillAnswers()
    {
        var index = new SqliteSearchIndex(Store, SearchMemory.DefaultBudgetBytes, termBudgetBytes: 1000);
        var query = SearchQuery.Parse("ภาพยนตร์").Query!;
        var expected = new SqliteSearchIndex(Store).Search(query, SearchPage.Default);

        await index.BuildTerms();

        Assert.Equal(0, index.Memory.TermBytes);
        Assert.Contains("budget", index.Memory.TermsFailure, StringComparison.Ordinal);
        Assert.Equal(expected.Total, index.Search(query, SearchPage.Default).Total);
        Assert.Equal(0, index.Memory.TermReads);
    }

    [Fact]
    public async Task Build_OnAnEmptyStore_HeldAndFindsNothing()
    {
        var folder = Directory.CreateTempSubdirectory("spa-term-index-");
        try
        {
            using var store = SqliteAtlasStore.Open(Path.Combine(folder.FullName, "atlas.db"), TestText.Shared, null);
            var index = new SqliteSearchIndex(store, holdTerms: true);
            await index.BuildTerms();

            Assert.True(index.Memory.HeldTerms is { Terms: 0 }, index.Memory.TermsFailure);
            var results = index.Search(SearchQuery.Parse("ความร่วมมือ \"soft power\"").Query!, SearchPage.Default);
            Assert.Equal(0, results.Total);
            Assert.Empty(results.Hits);
            Assert.Equal(1, index.Memory.TermReads);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_InTwoHalvesWithSkipPoints_SameSetAsInOnePass() =>
        AssertHalvesAndSkipsChangeNothing(Store, SearchEquivalenceTests.Texts);

    /// <summary>
    /// The same sets read in one pass without skip points and in two halves of slots at once, entering
    /// each half through a skip point every 2 entries of a term (the real index: every 256, from 20,000 documents);
    /// and the same facet counts counted in one pass and in two halves.
    /// </summary>
    private static void AssertHalvesAndSkipsChangeNothing(SqliteAtlasStore store, string[] texts)
    {
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var snapshot = SearchSnapshot.Load(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
        var whole = TermIndex.Build(connection, transaction, snapshot, TermIndex.DefaultBudgetBytes, skipEvery: int.MaxValue)!;
        var skipping = TermIndex.Build(connection, transaction, snapshot, TermIndex.DefaultBudgetBytes, skipEvery: 2)!;
        using var tokenizer = Fts5Tokenizer.Open(connection)!;
        var read = 0;
        foreach (var text in texts)
        {
            var match = Fts5Match.From(SearchQuery.Parse(text).Query!, TestText.Search);
            snapshot.PhraseDocuments.Clear();
            var expected = whole.Read(snapshot, match, tokenizer, parallelFrom: int.MaxValue);
            snapshot.PhraseDocuments.Clear();
            var actual = skipping.Read(snapshot, match, tokenizer, parallelFrom: 1);
            Assert.Equal(expected?.Slots, actual?.Slots);
            Assert.Equal(expected?.Scores, actual?.Scores);
            Assert.Equal(expected?.FacetCounts(snapshot, parallelFrom: int.MaxValue), actual?.FacetCounts(snapshot, parallelFrom: 1));
            read += expected is null ? 0 : 1;
        }

        Assert.True(read >= texts.Length / 2, $"{read} of {texts.Length} read");
    }

    private SqliteSearchIndex Built()
    {
        var index = new SqliteSearchIndex(Store, holdTerms: true);
        index.BuildTerms().Wait(); // a helper, not a test method: the build runs on the thread pool, nothing here waits on this thread
        Assert.True(index.Memory.TermBytes > 0, index.Memory.TermsFailure);
        return index;
    }

    /// <summary>
    /// NEAR groups and phrases at every distance: documents of random words from a small set, so that
    /// the words of a group fall at, just within and just beyond the NEAR distance, in the title and the
    /// body, many times over. FTS5 decides which instances a NEAR group keeps; the index must agree.
    /// </summary>
    [Fact]
    public async Task Search_NearGroupsAndPhrasesOverRandomText_SameAsFts5()
    {
        var folder = Directory.CreateTempSubdirectory("spa-term-index-");
        try
        {
            var random = new Random(20261122);
            string[] words = ["alpha", "bravo", "charlie", "delta", "echo"];
            var fillers = Enumerable.Range(0, 400).Select(i => $"w{i:D3}x").ToArray();
            for (var doc = 0; doc < 80; doc++)
            {
                string Text(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? words[random.Next(words.Length)] : fillers[random.Next(fillers.Length)]));
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"doc{doc:D2}.txt"), $"{Text(8)}\n\n{Text(120)}.\n");
            }

            using var store = SqliteAtlasStore.Open(Path.Combine(folder.FullName, "atlas.db"), TestText.Shared, null);
            var runner = new IngestRunner(store, AtlasPipeline.CreateDefault(TestText.Shared, TimeProvider.System), new DocumentLoader());
            var summary = await runner.RunAsync(InputWalker.Expand([folder.FullName]));
            Assert.True(summary.Stored.Count > 60, $"{summary.Stored.Count} stored");

            var index = new SqliteSearchIndex(store, holdTerms: true);
            await index.BuildTerms();
            var fts5 = new SqliteSearchIndex(store, clauseBudgetBytes: 0);
            string[] queries = ["alpha-bravo", "bravo-alpha", "alpha-bravo-charlie", "alpha-alpha", "alpha-bravo-charlie-delta-echo",
                "\"alpha bravo\"", "\"alpha bravo charlie\" delta", "alpha-bravo OR charlie-delta", "echo-delta -w001x"];
            var reads = 0;
            AssertHalvesAndSkipsChangeNothing(store, queries);
            foreach (var text in queries)
            {
                var query = SearchQuery.Parse(text).Query!;
                var expected = fts5.Search(query, new SearchPage(100, 0));
                var actual = index.Search(query, new SearchPage(100, 0));
                Assert.True(expected.Total > 0, text);
                Assert.True(expected.Total == actual.Total, $"{text}: total {actual.Total}, expected {expected.Total}");
                Assert.Equal(expected.Hits.Select(h => (h.DocumentId, h.Score)), actual.Hits.Select(h => (h.DocumentId, h.Score)));
                reads += Reads(query);
                Assert.Equal(reads, index.Memory.TermReads);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
