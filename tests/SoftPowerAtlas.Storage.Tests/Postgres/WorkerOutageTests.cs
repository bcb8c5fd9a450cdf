using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Postgres.Jobs;

namespace SoftPowerAtlas.Storage.Tests.Postgres;

/// <summary>
/// A worker whose session the server ends in the middle of a batch (as a restart does to every
/// session) stores the batch once all the same and charges no job an attempt; jobs the server marked
/// as claimed by a worker that never heard so go back to the queue uncounted.
/// </summary>
public sealed class WorkerOutageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spa-worker-outage", Guid.NewGuid().ToString("N"));
    private readonly PostgresStoreFixture _fixture = new();
    private readonly PostgresAtlasStore _store;

    public WorkerOutageTests()
    {
        _store = (PostgresAtlasStore)_fixture.Open(new FixedClock());
        Directory.CreateDirectory(_folder);
        for (var i = 1; i <= 6; i++)
        {
            File.WriteAllText(
                Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"release-{i}.txt")),
                string.Create(CultureInfo.InvariantCulture, $"กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยครั้งที่ {i} ร่วมกับสถานทูตญี่ปุ่น ณ กรุงโตเกียว เมื่อวันที่ {i + 2} มิถุนายน 2567 มีผู้ร่วมงาน {i * 150} คน"));
        }
    }

    [Fact]
    public async Task RunAsync_SessionEndedHalfWayThroughBatch_ReconnectsBatchStoredOnceNoAttemptCharged()
    {
        new IngestJobQueue(_store).Enqueue(InputWalker.Expand([_folder]));
        var said = new ConcurrentQueue<string>();
        var worker = new IngestWorker(_store.JobQueue, AtlasPipeline.CreateDefault(TestText.Shared), new DocumentLoader())
        {
            Name = "outage", BatchSize = 3, Threads = 1, PollInterval = TimeSpan.FromMilliseconds(50), Say = said.Enqueue,
        };

        Task<WorkerProgress> run;
        using (var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_fixture.ConnectionString) { Pooling = false }.ConnectionString))
        {
            // Hold a table a batch writes after its documents: the worker waits there with its documents inserted.
            holder.Open();
            using (var hold = new NpgsqlCommand("BEGIN; LOCK TABLE document_sources IN SHARE ROW EXCLUSIVE MODE", holder))
            {
                hold.ExecuteNonQuery();
            }

            run = worker.RunAsync(untilDrained: true);
            var waiting = await WaitingOnSourcesAsync(run);
            Assert.Equal(3, _fixture.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'running'"));
            _fixture.Scalar(string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM (SELECT pg_terminate_backend({waiting})) t"));
        }

        var done = await run.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(new WorkerProgress(6, 6, 0, 0, 0), done);
        Assert.Equal(6, _fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(6, _fixture.Scalar("SELECT count(*) FROM document_sources"));
        Assert.Equal(6, _fixture.Scalar("SELECT count(*) FROM engagements"));
        Assert.Equal(6, _fixture.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done' AND attempts = 1 AND document_id IS NOT NULL"));
        Assert.Collection(
            said,
            lost => Assert.Matches(@"^Lost the database postgres://\S+ \(terminating connection due to administrator command, 57P01\); reconnecting in 0\.[4-6] s, then with back-off for up to 2 min\.$", lost),
            back => Assert.Matches(@"^Reconnected to postgres://\S+ after \d+(\.\d)? s; going on\.$", back));
    }

    [Fact]
    public void ReleaseUnheld_ClaimsOfOneWorker_QueuedAgainAttemptNotCountedOthersKept()
    {
        var queue = new IngestJobQueue(_store);
        queue.Enqueue(InputWalker.Expand([_folder]));
        var lost = queue.Claim("restarted", 2, TimeSpan.FromMinutes(5));
        var kept = queue.Claim("other", 2, TimeSpan.FromMinutes(5));

        var released = queue.ReleaseUnheld("restarted");

        Assert.Equal(2, released);
        Assert.Equal([1, 1], lost.Select(j => j.Attempts));
        Assert.Equal(2, _fixture.Scalar($"SELECT count(*) FROM ingest_jobs WHERE id IN ({lost[0].Id}, {lost[1].Id}) AND state = 'queued' AND attempts = 0 AND lease_until IS NULL"));
        Assert.Equal(2, _fixture.Scalar($"SELECT count(*) FROM ingest_jobs WHERE id IN ({kept[0].Id}, {kept[1].Id}) AND state = 'running' AND attempts = 1 AND worker = 'other'"));
        Assert.Equal([lost[0].Id, lost[1].Id], queue.Claim("restarted", 2, TimeSpan.FromMinutes(5)).Select(j => j.Id));
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

    /// <summary>The server process of the worker session waiting for the held table.</summary>
    private async Task<long> WaitingOnSourcesAsync(Task run)
    {
        for (var waited = 0; waited < 60_000; waited += 20)
        {
            Assert.False(run.IsCompleted, "the worker finished without writing document_sources");
            var pid = _fixture.Scalar("SELECT coalesce(max(l.pid), 0) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'document_sources' AND NOT l.granted");
            if (pid > 0)
            {
                return pid;
            }

            await Task.Delay(20);
        }

        Assert.Fail("no batch reached document_sources in 60 s");
        return 0;
    }
}
