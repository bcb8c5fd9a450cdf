using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Sqlite;

public sealed class IngestBudgetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spa-budget-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Slow on a document that says so: it works until the budget ends it; any other document passes at once.</summary>
    private sealed class SlowOnMarkerStage : IAnalysisStage
    {
        public const string Marker = "ช้ามาก";

        public string Name => "slow-on-marker";

        public void Run(AnalysisContext context)
        {
            while (context.Text.Text.Contains(Marker, StringComparison.Ordinal))
            {
                AnalysisBudget.ThrowIfExceeded();
                Thread.Sleep(1);
            }
        }
    }

    /// <summary>Keeps allocating on a document that says so, a megabyte at a time, until the budget ends it; any other passes at once.</summary>
    private sealed class HoardOnMarkerStage : IAnalysisStage
    {
        public const string Marker = "กินหน่วยความจำ";

        public string Name => "hoard-on-marker";

        public void Run(AnalysisContext context)
        {
            var kept = new List<byte[]>();
            while (context.Text.Text.Contains(Marker, StringComparison.Ordinal) && kept.Count < 256)
            {
                AnalysisBudget.ThrowIfExceeded();
                kept.Add(new byte[1 << 20]);
            }
        }
    }

    [Fact]
    public async Task RunAsync_DocumentPastAllocationBudget_FailedWithMessageOthersStored()
    {
        var files = await WriteThreeAsync(HoardOnMarkerStage.Marker);

        var pipeline = AtlasPipeline.CreateBuilder(TestText.Shared).Use(new HoardOnMarkerStage()).UseBudget(TimeSpan.FromMinutes(5)).Build().WithAllocationBudget(48L << 20);

        await IngestSecondFailsOthersStoredAsync(pipeline, files, "b.txt: analysis allocated more memory than its budget of 48 MB (ended in the hoard-on-marker stage); not stored");
    }

    [Fact]
    public async Task RunAsync_DocumentPastBudget_FailedWithMessageOthersStored()
    {
        var files = await WriteThreeAsync(SlowOnMarkerStage.Marker);

        AtlasPipeline.WarmUp(AtlasPipeline.CreateDefault(TestText.Shared)); // so the documents that pass are not charged for the process's start
        var pipeline = AtlasPipeline.CreateBuilder(TestText.Shared).Use(new SlowOnMarkerStage()).UseBudget(TimeSpan.FromSeconds(2)).Build();

        await IngestSecondFailsOthersStoredAsync(pipeline, files, "b.txt: analysis took longer than its budget of 2 s (ended in the slow-on-marker stage); not stored (raise it with --budget or $ATLAS_BUDGET)");
    }

    /// <summary>Ingests the three files into a new SQLite store on two workers: b.txt fails with <paramref name="reason"/>, a.txt and c.txt are stored whole.</summary>
    private async Task IngestSecondFailsOthersStoredAsync(AnalysisPipeline pipeline, string[] files, string reason)
    {
        using var store = SqliteAtlasStore.Open(Path.Combine(_folder, "atlas.db"), TestText.Shared);
        var runner = new IngestRunner(store, pipeline, new DocumentLoader()) { Workers = 2 };

        var summary = await runner.RunAsync(files.Select(f => new IngestInput(Path.Combine(_folder, f))));

        var failed = Assert.Single(summary.Failed);
        Assert.EndsWith("b.txt", failed.Path, StringComparison.Ordinal);
        Assert.Contains(reason, failed.Reason, StringComparison.Ordinal);
        Assert.Equal(2, summary.Ingested);
        Assert.Equal(["a.txt", "c.txt"], store.ListDocuments(10, 0).Select(d => Path.GetFileName(d.Source)).Order(StringComparer.Ordinal));
    }

    /// <summary>Three releases in the test's folder, the second carrying <paramref name="marker"/>; their names, in order.</summary>
    private async Task<string[]> WriteThreeAsync(string marker)
    {
        Directory.CreateDirectory(_folder);
        var files = new Dictionary<string, string>
        {
            ["a.txt"] = "กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยร่วมกับสถานทูตญี่ปุ่น เมื่อวันที่ 5 มิถุนายน 2567",
            ["b.txt"] = $"การประชุมหารือความร่วมมือด้านภาพยนตร์ {marker} เมื่อวันที่ 6 มิถุนายน 2567",
            ["c.txt"] = "The Department of Cultural Promotion met the Embassy of France on 7 June 2024 to plan a music festival.",
        };
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, name), text);
        }

        return [.. files.Keys.Order(StringComparer.Ordinal)];
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
}
