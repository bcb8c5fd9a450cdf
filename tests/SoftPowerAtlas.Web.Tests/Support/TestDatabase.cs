using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>
/// A SQLite file of its own for one test, filled by the real ingest of the repository's samples/
/// (and any extra files the test writes), deleted afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder;

    private TestDatabase(string folder)
    {
        _folder = folder;
        Path = System.IO.Path.Combine(folder, "atlas.db");
    }

    public string Path { get; }

    /// <summary>The repository's samples/ folder.</summary>
    public static string SamplesFolder { get; } = FindSamples();

    public static async Task<TestDatabase> CreateAsync(bool withSamples = true, params (string Name, string Text)[] extraFiles)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "atlas-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new TestDatabase(folder);
        var inputs = new List<string>();
        if (withSamples)
        {
            inputs.Add(SamplesFolder);
        }

        foreach (var (name, text) in extraFiles)
        {
            var path = System.IO.Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, text);
            inputs.Add(path);
        }

        using var store = SqliteAtlasStore.Open(db.Path);
        if (inputs.Count > 0)
        {
            var summary = await new IngestRunner(store, AtlasPipeline.CreateDefault(), new DocumentLoader()).RunAsync(InputWalker.Expand(inputs));
            Assert.Empty(summary.Failed);
        }

        return db;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SoftPowerAtlas.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
