using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Storage.Tests.Facts;

/// <summary>Folders of real documents: the repository's samples and extra corpus, the shared seeds beside it.</summary>
internal static class CorpusPaths
{
    private static readonly Lazy<string> RootFolder = new(() => FindUp("SoftPowerAtlas.slnx", file: true)
        ?? throw new InvalidOperationException($"no SoftPowerAtlas.slnx above {AppContext.BaseDirectory}"));

    public static string Root => RootFolder.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Extra => Path.Combine(Root, "tests", "corpus", "extra");

    public static string Seeds => FindUp(Path.Combine("shared", "corpus", "seeds"), file: false) is { } above
        ? Path.Combine(above, "shared", "corpus", "seeds")
        : throw new InvalidOperationException("the storage fact tests need ../shared/corpus/seeds beside the repository");

    public static string Seed(string prefix) => Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    private static string? FindUp(string relative, bool file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (file ? File.Exists(candidate) : Directory.Exists(candidate))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>
/// A store filled by the real pipeline (load, analyse, extract, store) from files on disk, on the
/// engine <typeparamref name="TFixture"/> gives (a SQLite file, or a database of its own on the test
/// PostgreSQL server); removed on dispose. Tests that only read share one per class; tests that
/// write make their own with <see cref="Of"/>.
/// </summary>
public sealed class IngestedCorpus<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private static readonly Lazy<Analysis.Pipeline.AnalysisPipeline> Pipeline = new(() => AtlasPipeline.CreateDefault(TestText.Shared));

    private readonly TFixture _fixture = new();

    public IngestedCorpus()
        : this([CorpusPaths.Samples, CorpusPaths.Seeds, CorpusPaths.Extra])
    {
    }

    private IngestedCorpus(string[] inputs)
    {
        Folder = Path.Combine(Path.GetTempPath(), "spa-fact-tests", Guid.NewGuid().ToString("N"));
        Store = _fixture.Open(Clock);
        Ingest(inputs);
    }

    /// <summary>A store of its own over just these files or folders (for tests that write).</summary>
    public static IngestedCorpus<TFixture> Of(params string[] inputs) => new(inputs);

    public FixedClock Clock { get; } = new();

    /// <summary>Where <see cref="Write"/> puts files to ingest.</summary>
    public string Folder { get; }

    public IAtlasStore Store { get; }

    public FactReader Reader => new(Store);

    /// <summary>Runs ingest over files or folders, as <c>atlas ingest</c> does.</summary>
    public IngestSummary Ingest(params string[] inputs)
    {
        var runner = new IngestRunner(Store, Pipeline.Value, new DocumentLoader()) { Workers = 2 };
        return runner.RunAsync(InputWalker.Expand(inputs)).GetAwaiter().GetResult();
    }

    /// <summary>A file of this folder, with these contents.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, "docs", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs SQL straight on the database behind the store's back (deletes cascade as the store's own would).</summary>
    public long Execute(string sql) => _fixture.Scalar(sql);

    public void Dispose()
    {
        Store.Dispose();
        _fixture.Dispose();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
