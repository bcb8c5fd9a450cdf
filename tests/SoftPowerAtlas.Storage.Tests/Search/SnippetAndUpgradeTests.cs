using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>Snippets around emoji and Thai, and an atlas file made before search being upgraded to it.</summary>
public sealed class SnippetAndUpgradeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spa-search-tests", Guid.NewGuid().ToString("N"));

    public SnippetAndUpgradeTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Search_EmojiBesideThaiWords_SnippetKeepsPairsAndWordsWhole()
    {
        var filler = string.Concat(Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"🎬ข่าวที่ {i} 👍🏽 ")));
        var text = "เทศกาลหนังไทย\n\n" + filler + "😀ภาพยนตร์ไทย🇹🇭ได้รับรางวัล🎉 ที่กรุงปารีส " + filler;
        using var store = Ingest(("emoji.txt", text));

        var hit = Assert.Single(new SqliteSearchIndex(store).Search(Query("ภาพยนตร์"), new SearchPage()).Hits);

        var snippet = hit.Snippet;
        Assert.Equal("ภาพยนตร์", snippet.Text.Substring(snippet.Highlights[0].Start, snippet.Highlights[0].Length));
        Assert.True(snippet.Truncated);
        for (var i = 0; i < snippet.Text.Length; i++)
        {
            Assert.False(char.IsHighSurrogate(snippet.Text[i]) && (i + 1 == snippet.Text.Length || !char.IsLowSurrogate(snippet.Text[i + 1])), $"lone high surrogate at {i}");
            Assert.False(char.IsLowSurrogate(snippet.Text[i]) && (i == 0 || !char.IsHighSurrogate(snippet.Text[i - 1])), $"lone low surrogate at {i}");
        }

        var clean = store.GetDocument(hit.DocumentId)!.CleanText;
        var bounds = TestText.Shared.Words.Segment(clean).Where(t => t.IsWordLike).SelectMany(t => new[] { t.Start, t.End }).ToHashSet();
        Assert.Contains(snippet.Start, bounds);
        Assert.Contains(snippet.End, bounds);
        Assert.Equal("[ภาพยนตร์]ไทย", snippet.Marked("[", "]").Split("😀")[1].Split("🇹🇭")[0]);
    }

    [Fact]
    public void Build_NoMatches_ShowsTheBeginningWholeWords()
    {
        var clean = "กรมการพัฒนาชุมชนจัดงานโอทอปมิดเยียร์ " + string.Concat(Enumerable.Repeat("ผลิตภัณฑ์ชุมชนสู่ตลาดอาเซียน ", 20));
        var segmented = TestText.Search.Segmented(clean)!;

        var snippet = SnippetBuilder.Build(clean, segmented, [], length: 40);

        Assert.Equal(0, snippet.Start);
        Assert.Empty(snippet.Highlights);
        Assert.StartsWith("กรมการพัฒนาชุมชน", snippet.Text, StringComparison.Ordinal);
        Assert.InRange(snippet.Text.Length, 16, 40);
        Assert.Contains(snippet.End, TestText.Shared.Words.Segment(clean).Select(t => t.End));
    }

    [Fact]
    public void Build_CleanTextNotHoldingTheWords_FallsBackToSegmentedText()
    {
        var snippet = SnippetBuilder.Build("something else", "ภาพยนตร์ ไทย", [(0, 8)]);

        Assert.Equal("[ภาพยนตร์] ไทย", snippet.Marked("[", "]"));
    }

    [Fact]
    public void ReadMarks_HighlightOutput_RangesOfTheUnmarkedText()
    {
        var ranges = SnippetBuilder.ReadMarks("ดร.\u0001ปรีชา\u0002 และ \u0001H\u0002.E");

        Assert.Equal([(3, 8), (13, 14)], ranges);
    }

    [Fact]
    public void Open_DatabaseFromBeforeSearch_IndexesOldDocumentsWithSegmentedTitles()
    {
        var path = Path.Combine(_folder, "old.db");
        var before = SqliteMigrator.Migrations.Single(m => m.Name == "search").Version - 1;
        using (var old = SqliteAtlasStore.Open(path, TestText.Shared, null, before))
        {
            // As the atlas of that time wrote it: no search_title column yet.
            Scalar(path, $"INSERT INTO documents (source, format, title, language, encoding, original_text, clean_text, segmented_text, content_hash, sim_hash, ingested_at) VALUES ('old.md', 'markdown', 'กรมการท่องเที่ยวจับมือเกาหลีใต้', 'th', 'utf-8', '{Samples.ThaiSegmented}', '{Samples.ThaiSegmented}', '{Samples.ThaiSegmented}', '{new string('a', 64)}', 1, '2024-01-01T00:00:00Z'); SELECT 1");
        }

        using var store = SqliteAtlasStore.Open(path, TestText.Shared);

        var index = new SqliteSearchIndex(store);
        Assert.Equal(1, index.Search(Query("เกาหลีใต้"), new SearchPage()).Total); // a word of the title only
        Assert.Equal(1, index.Search(Query("ปารีส"), new SearchPage()).Total);
        Assert.Equal("กรมการท่องเที่ยว จับ มือ เกาหลีใต้", Scalar(path, "SELECT search_title FROM documents"));
    }

    [Fact]
    public void Search_DeletedDocument_LeavesIndexAndFacets()
    {
        var film = File.ReadAllText(Path.Combine(SearchCorpusFixture.Samples, "th_blog_film_korea.txt"));
        var seed = File.ReadAllText(Directory.GetFiles(SearchCorpusFixture.Seeds, "000_*.txt").Single());
        using var store = Ingest(("a.txt", film), ("b.txt", seed));
        var index = new SqliteSearchIndex(store);
        Assert.Equal(2, index.Search(Query("ภาพยนตร์"), new SearchPage()).Total);
        Assert.Equal(2, index.Search(Query("ภาพยนตร์"), new SearchPage()).Facets.Year.Sum(y => y.Count));

        using (var connection = new SqliteConnection($"Data Source={store.Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys = ON; DELETE FROM documents WHERE source LIKE '%a.txt'";
            command.ExecuteNonQuery();
        }

        Assert.Equal(1, index.Search(Query("ภาพยนตร์"), new SearchPage()).Total);
        Assert.Equal(1, index.Search(Query("ภาพยนตร์"), new SearchPage()).Facets.Year.Sum(y => y.Count)); // the cached facets were reloaded
        Assert.Equal("0", Scalar(store.Path, "SELECT count(*) FROM document_facets WHERE document_id NOT IN (SELECT id FROM documents)"));
        Assert.Equal("ok", Scalar(store.Path, "INSERT INTO document_text (document_text, rank) VALUES ('integrity-check', 1); SELECT 'ok'"));
    }

    [Theory]
    [InlineData("ภาพยนตร์", true)]
    [InlineData("ภาพยนตร์", false)]
    [InlineData("ภาพยนตร์ไทย country:FR", true)]
    [InlineData("festiv*", true)]
    public void Search_DamagedSearchIndex_StoreErrorNamingTheFile(string text, bool facets)
    {
        var files = Enumerable.Range(1, 40).Select(i => ($"film{i}.txt", string.Create(CultureInfo.InvariantCulture, $"ภาพยนตร์ไทยเรื่องที่ {i} ฉายที่ปารีส festival {i}\n\nเทศกาลภาพยนตร์ไทยครั้งที่ {i} จัดขึ้นที่กรุงปารีส ประเทศฝรั่งเศส"))).ToArray();
        using (Ingest(files))
        {
        }

        // Every block of the FTS5 index but its structure record (id 10) overwritten with bytes that decode to nothing sane.
        var path = Path.Combine(_folder, "atlas.db");
        Scalar(path, "UPDATE document_text_data SET block = randomblob(length(block)) WHERE id > 10");
        SqliteConnection.ClearAllPools();
        using var store = SqliteAtlasStore.Open(path, TestText.Shared);

        var error = Assert.Throws<StoreException>(() => new SqliteSearchIndex(store).Search(Query(text), new SearchPage(10, 0, facets)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private static SearchQuery Query(string text) => SearchQuery.Parse(text).Query!;

    private static string Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private SqliteAtlasStore Ingest(params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(_folder, name), text);
        }

        var store = SqliteAtlasStore.Open(Path.Combine(_folder, "atlas.db"), TestText.Shared);
        var runner = new IngestRunner(store, AtlasPipeline.CreateDefault(TestText.Shared), new DocumentLoader()) { Workers = 1 };
        var summary = runner.RunAsync(files.Select(f => new IngestInput(Path.Combine(_folder, f.Name)))).GetAwaiter().GetResult();
        Assert.Empty(summary.Failed);
        return store;
    }
}
