using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// A real database file holding the repository's samples and the shared seed pages, ingested
/// through the real pipeline once per test class; tests only read it.
/// </summary>
public sealed class SearchCorpusFixture : IDisposable
{
    public SearchCorpusFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "spa-search-tests", Guid.NewGuid().ToString("N"));
        Store = SqliteAtlasStore.Open(Path.Combine(Folder, "atlas.db"), new FixedClock());
        var runner = new IngestRunner(Store, AtlasPipeline.CreateDefault(new FixedClock()), new DocumentLoader()) { Workers = 2 };
        Summary = runner.RunAsync(InputWalker.Expand([Samples, Seeds])).GetAwaiter().GetResult();
        Index = new SqliteSearchIndex(Store);
    }

    public static string Root { get; } = FindUp("SoftPowerAtlas.slnx") ?? throw new InvalidOperationException("run the tests from a checkout of the repository");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Seeds => Path.Combine(Root, "..", "shared", "corpus", "seeds");

    public string Folder { get; }

    public SqliteAtlasStore Store { get; }

    public SqliteSearchIndex Index { get; }

    public IngestSummary Summary { get; }

    /// <summary>Id of the document ingested from the file whose name starts with <paramref name="name"/>.</summary>
    public long Id(string name) => Summary.Stored.Single(s => Path.GetFileName(s.Path).StartsWith(name, StringComparison.Ordinal)).Id;

    public SearchResults Search(string text, int limit = 20, int offset = 0)
    {
        var parsed = SearchQuery.Parse(text);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return Index.Search(parsed.Query!, new SearchPage(limit, offset));
    }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private static string? FindUp(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, file)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 1, 15, 3, 0, 0, TimeSpan.Zero);
    }
}
