using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Tests.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// A real store holding the repository's samples and the shared seed pages, ingested through the
/// real pipeline once per test class; tests only read it. One sealed subclass per engine.
/// </summary>
public abstract class SearchCorpusFixture : IDisposable
{
    protected SearchCorpusFixture(IAtlasStore store)
    {
        Store = store;
        var runner = new IngestRunner(Store, AtlasPipeline.CreateDefault(TestText.Shared, new FixedClock()), new DocumentLoader()) { Workers = 2 };
        Summary = runner.RunAsync(InputWalker.Expand([Samples, Seeds])).GetAwaiter().GetResult();
        Index = SearchIndexes.For(Store);
    }

    public static string Root { get; } = FindUp("SoftPowerAtlas.slnx") ?? throw new InvalidOperationException("run the tests from a checkout of the repository");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Seeds => Path.Combine(Root, "..", "shared", "corpus", "seeds");

    public IAtlasStore Store { get; }

    public ISearchIndex Index { get; }

    public IngestSummary Summary { get; }

    /// <summary>Id of the document ingested from the file whose name starts with <paramref name="name"/>.</summary>
    public long Id(string name) => Summary.Stored.Single(s => Path.GetFileName(s.Path).StartsWith(name, StringComparison.Ordinal)).Id;

    public SearchResults Search(string text, int limit = 20, int offset = 0, bool exact = false)
    {
        var parsed = SearchQuery.Parse(text);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return Index.Search(parsed.Query! with { Exact = exact }, new SearchPage(limit, offset));
    }

    public void Dispose()
    {
        Store.Dispose();
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
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

/// <summary>The corpus in a SQLite file of its own.</summary>
public sealed class SqliteSearchCorpus() : SearchCorpusFixture(SqliteAtlasStore.Open(NewPath(), TestText.Shared, null))
{
    public string Path => ((SqliteAtlasStore)Store).Path;

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spa-search-tests", Guid.NewGuid().ToString("N"), "atlas.db");
}

/// <summary>The corpus in a PostgreSQL database of its own on the test server.</summary>
public sealed class PostgresSearchCorpus : SearchCorpusFixture
{
    public PostgresSearchCorpus()
        : this(new PostgresStoreFixture())
    {
    }

    private PostgresSearchCorpus(PostgresStoreFixture database)
        : base(database.Open(TimeProvider.System)) => Database = database;

    public PostgresStoreFixture Database { get; }

    protected override void Dispose(bool disposing) => Database.Dispose();
}
