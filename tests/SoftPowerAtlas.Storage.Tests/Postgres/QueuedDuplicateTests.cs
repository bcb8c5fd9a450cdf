using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Postgres.Jobs;

namespace SoftPowerAtlas.Storage.Tests.Postgres;

/// <summary>
/// The same file queued twice (at two paths, and once more at the first) is stored once by the
/// workers, whether both jobs fall in one batch, in two batches of one worker, or in two workers'
/// batches at the same time; each job records the one document and what became of it.
/// </summary>
public sealed class QueuedDuplicateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spa-queued-dup", Guid.NewGuid().ToString("N"));
    private readonly PostgresStoreFixture _fixture = new();
    private readonly PostgresAtlasStore _store;

    public QueuedDuplicateTests()
    {
        _store = (PostgresAtlasStore)_fixture.Open(new FixedClock());
        foreach (var folder in new[] { "inbox", "mirror" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, folder));
            File.WriteAllText(
                Path.Combine(_folder, folder, "release.txt"),
                "กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยร่วมกับสถานทูตญี่ปุ่น ณ กรุงโตเกียว เมื่อวันที่ 5 มิถุนายน 2567 เพื่อส่งเสริมอาหารไทย");
        }
    }

    [Theory]
    [InlineData(50, 1)] // both jobs in one batch
    [InlineData(1, 1)]  // one worker, a batch each
    [InlineData(1, 2)]  // two workers at once, a batch each
    public async Task Workers_SameFileQueuedTwice_StoredOnce(int batchSize, int workers)
    {
        var queue = new IngestJobQueue(_store);
        var queued = queue.Enqueue(InputWalker.Expand([_folder]));
        var again = queue.Enqueue([new IngestInput(Path.Combine(_folder, "inbox", "release.txt"))]);
        Assert.Equal((2, 0, 1), (queued.Queued, again.Queued, again.AlreadyQueued));

        var pipeline = AtlasPipeline.CreateDefault(TestText.Shared);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(i =>
            new IngestWorker(_store.JobQueue, pipeline, new DocumentLoader()) { Name = $"test-{i}", BatchSize = batchSize, Threads = 1, PollInterval = TimeSpan.FromMilliseconds(50) }
                .RunAsync(untilDrained: true)));

        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(2, _fixture.Scalar("SELECT count(*) FROM document_sources"));
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM engagements"));
        Assert.Equal(2, _fixture.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done' AND document_id = (SELECT id FROM documents)"));
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM ingest_jobs WHERE outcome = 'Added'"));
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM ingest_jobs WHERE outcome = 'ExactDuplicate'"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _fixture.Dispose();
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
