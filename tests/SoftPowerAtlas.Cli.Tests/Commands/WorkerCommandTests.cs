using System.Diagnostics;
using System.Globalization;
using SoftPowerAtlas.Cli.Tests.Support;
using SoftPowerAtlas.Storage;
using Xunit.Abstractions;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary><c>atlas queue</c> and <c>atlas worker</c> on a real PostgreSQL database, with real worker processes.</summary>
public sealed class WorkerCommandTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestPostgres _db = new("atlas_worker_");

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Worker_TwoAtOnce_EachJobStoredOnce()
    {
        var corpus = _temp.Folder("corpus");
        var files = VariedCorpus.Write(corpus, copies: 6);
        var queued = await Atlas.RunAsync("--db", _db.Url, "queue", corpus);

        var workers = await Task.WhenAll(
            Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained", "--batch", "4", "--threads", "1", "--name", "a"),
            Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained", "--batch", "4", "--threads", "1", "--name", "b"));

        Assert.True(queued.ExitCode == AtlasCommand.Ok, queued.ToString());
        Assert.Contains($"Queued {files} files (0 already queued), 0 failed", queued.Out, StringComparison.Ordinal);
        Assert.All(workers, w => Assert.True(w.ExitCode == AtlasCommand.Ok, w.ToString()));
        Assert.Equal(files, _db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done'"));
        var counts = _db.Text(StoredOnce.Counts).Split(' ');
        Assert.Equal([files.ToString(CultureInfo.InvariantCulture), files.ToString(CultureInfo.InvariantCulture), files.ToString(CultureInfo.InvariantCulture)], counts[..3]);
        Assert.Equal(counts[3], StoredOnce.EventsInStoredFacts(_db.Url).ToString(CultureInfo.InvariantCulture)); // each document's events stored once
        // Which worker took how many is up to the scheduler; that each job is stored once is not.
        log.WriteLine($"jobs by worker: {_db.Text("SELECT string_agg(worker || '=' || n, ' ') FROM (SELECT worker, count(*) AS n FROM ingest_jobs GROUP BY worker) w")}");
    }

    [Fact]
    public async Task Worker_KilledMidBatch_NoDocumentLostOrDoubled()
    {
        var corpus = _temp.Folder("corpus");
        var files = VariedCorpus.Write(corpus, copies: 40);
        await Atlas.RunAsync("--db", _db.Url, "queue", corpus);

        var killedAt = await KillOnceCommittedAsync();
        var running = _db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'running'");
        log.WriteLine($"killed with {killedAt} jobs done and {running} claimed by the dead worker");
        Assert.True(killedAt < files, "the worker finished before it was killed; queue more files");
        Assert.True(_db.Scalar("SELECT count(*) FROM documents") == killedAt, "documents committed without their jobs marked done, or the reverse");

        var rescue = await Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained", "--batch", "25", "--lease", "2s", "--name", "rescuer");

        Assert.True(rescue.ExitCode == AtlasCommand.Ok, rescue.ToString());
        Assert.Equal($"0 queued, 0 running, {files} done, 0 failed", (await Atlas.RunAsync("--db", _db.Url, "queue", "--status")).Out.Trim());
        var counts = _db.Text(StoredOnce.Counts).Split(' ');
        Assert.Equal([files.ToString(CultureInfo.InvariantCulture), files.ToString(CultureInfo.InvariantCulture), files.ToString(CultureInfo.InvariantCulture)], counts[..3]);
        Assert.Equal(counts[3], StoredOnce.EventsInStoredFacts(_db.Url).ToString(CultureInfo.InvariantCulture)); // each document's events stored once
        Assert.Equal(files, _db.Scalar("SELECT count(*) FROM document_sources"));
    }

    [Fact]
    public async Task Worker_BadInputCorpusQueued_EveryJobDoneOrFailedWithReasonNothingHalfStored()
    {
        var folder = _temp.Folder("bad");
        File.WriteAllText(Path.Combine(folder, "good.txt"), BadInputCorpus.Thai);
        foreach (var kind in BadInputCorpus.Kinds)
        {
            kind.Make(folder);
        }

        var queued = await Atlas.RunAsync("--db", _db.Url, "queue", folder);
        var worker = await Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained", "--batch", "8", "--name", "bad");

        Assert.True(worker.ExitCode == AtlasCommand.SomeInputsFailed, worker.ToString() + queued); // some jobs failed, as they should
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state NOT IN ('done', 'failed')"));
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'failed' AND coalesce(error, '') = ''"));
        Assert.True(_db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'failed'") >= 5, queued.ToString());
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM documents d WHERE d.facts_packed IS NULL OR NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id)"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM document_sources WHERE source LIKE '%/good.txt'"));
    }

    [Fact]
    public async Task Worker_UnreadableJob_FailedWithReasonNotRetried()
    {
        var bad = Path.Combine(_temp.Path, "broken.txt");
        await File.WriteAllBytesAsync(bad, [0x00, 0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);
        var good = Path.Combine(RepoPaths.Samples, "th_web_otop_fair.txt");
        await Atlas.RunAsync("--db", _db.Url, "queue", bad, good);

        var run = await Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained");
        var status = await Atlas.RunAsync("--db", _db.Url, "queue", "--status");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("Done: 2 jobs, 1 stored, 0 duplicates, 1 failed, 0 to retry.", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("0 queued, 0 running, 1 done, 1 failed", status.Out, StringComparison.Ordinal);
        Assert.Contains($"failed  {bad}: ", status.Out, StringComparison.Ordinal);
        Assert.Equal(1, _db.Scalar("SELECT max(attempts) FROM ingest_jobs"));
    }

    [Fact]
    public async Task Worker_FrontMatterThirtyThousandDeep_FailedWithReasonOthersStored()
    {
        var deep = _temp.Write("deep.md", "---\ntitle: " + new string('[', 30_000) + new string(']', 30_000) + "\n---\nข่าวประชาสัมพันธ์\n");
        var good = Path.Combine(RepoPaths.Samples, "th_web_otop_fair.txt");
        await Atlas.RunAsync("--db", _db.Url, "queue", deep, good);

        var run = await Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained");
        var status = await Atlas.RunAsync("--db", _db.Url, "queue", "--status");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("Done: 2 jobs, 1 stored, 0 duplicates, 1 failed, 0 to retry.", run.Out, StringComparison.Ordinal);
        Assert.Contains($"failed  {deep}: {deep} has front matter nested more than 32 levels deep", status.Out, StringComparison.Ordinal);
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Worker_JobItsWorkersDiedOn_FailedAfterMaxAttemptsTheBatchStored()
    {
        var corpus = _temp.Folder("corpus");
        var files = VariedCorpus.Write(corpus, copies: 1);
        await Atlas.RunAsync("--db", _db.Url, "queue", corpus);
        // A worker died holding every job: each was claimed once, and the first had already killed four workers.
        _db.Execute("UPDATE ingest_jobs SET state = 'running', worker = 'dead:7', lease_until = now() - interval '1 minute', attempts = 1");
        _db.Execute("UPDATE ingest_jobs SET attempts = 5 WHERE id = (SELECT min(id) FROM ingest_jobs)");
        var poison = _db.Text("SELECT source FROM ingest_jobs ORDER BY id LIMIT 1");

        var run = await Atlas.RunAsync("--db", _db.Url, "worker", "--until-drained", "--name", "rescuer");
        var status = await Atlas.RunAsync("--db", _db.Url, "queue", "--status");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"Done: {files} jobs, {files - 1} stored, 0 duplicates, 1 failed, 0 to retry.", run.Out, StringComparison.Ordinal);
        Assert.StartsWith($"0 queued, 0 running, {files - 1} done, 1 failed", status.Out, StringComparison.Ordinal);
        Assert.Contains($"failed  {poison}: gave up after 5 attempts: each worker that took this job stopped before finishing it (last: dead:7)", status.Out, StringComparison.Ordinal);
        Assert.Equal(files - 1, _db.Scalar("SELECT count(*) FROM documents"));
        // The abandoned jobs were claimed one at a time, each once more.
        Assert.Equal(files - 1, _db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done' AND attempts = 2 AND worker = 'rescuer'"));
    }

    [Fact]
    public async Task Queue_MissingAndUnsupportedFiles_ReportedOthersQueued()
    {
        var missing = Path.Combine(_temp.Path, "gone.txt");
        var pdf = Path.Combine(_temp.Path, "report.odt");
        await File.WriteAllTextAsync(pdf, "PK");

        var run = await Atlas.RunAsync("--db", _db.Url, "queue", missing, pdf, Path.Combine(RepoPaths.Samples, "th_web_otop_fair.txt"));

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("Queued 1 files (0 already queued), 2 failed", run.Out, StringComparison.Ordinal);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains($"{pdf}: not a supported document type", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue", "samples")]
    [InlineData("worker")]
    public async Task QueueOrWorker_OnSqlite_UsageErrorSayingPostgres(params string[] args)
    {
        var run = await Atlas.RunAsync(["--db", Path.Combine(_temp.Path, "atlas.db"), .. args]);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("PostgreSQL", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lease", "soon")]
    [InlineData("--lease", "0s")]
    [InlineData("--batch", "0")]
    [InlineData("--outage", "forever")]
    [InlineData("--outage", "500ms")]
    public async Task Worker_BadOption_UsageError(string option, string value)
    {
        var run = await Atlas.RunAsync("--db", _db.Url, "worker", option, value);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    /// <summary>Starts a worker process and kills it (SIGKILL) as soon as a first batch is committed; returns the jobs done then.</summary>
    private async Task<long> KillOnceCommittedAsync()
    {
        var start = new ProcessStartInfo(IngestCrashTests.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepoPaths.AtlasDll, "--db", _db.Url, "worker", "--batch", "20", "--lease", "2s", "--threads", "1", "--name", "doomed" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync(); // drained so the worker never blocks on a full pipe
        var errors = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (process.HasExited)
                {
                    Assert.Fail($"the worker exited before it was killed: {await errors}");
                }

                if (_db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done'") is > 0)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return _db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done'");
                }

                await Task.Delay(20);
            }

            Assert.Fail("no job done after 90 s");
            return 0;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }
}
