using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SoftPowerAtlas.Cli.Tests.Support;
using SoftPowerAtlas.Storage;
using Xunit.Abstractions;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// Three real <c>atlas worker</c> processes while their PostgreSQL server restarts (issue 20 point 5).
/// The server is one of this test's own (<see cref="OwnPostgresServer"/>), not the shared one: test
/// projects run at the same time, and a restart of the shared server would cut their connections.
/// </summary>
public sealed class WorkerRestartTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string[] Names = ["a", "b", "c"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Worker_ServerRestartedMidBatch_ThreeWorkersReconnectAndStoreEachJobOnce()
    {
        using var server = OwnPostgresServer.Start();
        using var db = new TestPostgres("atlas_restart_", server.ConnectionString);
        var corpus = _temp.Folder("corpus");
        var files = VariedCorpus.Write(corpus, copies: 12);
        var queued = await Atlas.RunAsync("--db", db.Url, "queue", corpus);
        Assert.True(queued.ExitCode == AtlasCommand.Ok, queued.ToString());

        var workers = Names.Select(name => StartWorker(db.Url, name)).ToList();
        long doneAtRestart;
        long halfWritten;
        AtlasRun[] runs;
        try
        {
            await WaitForAsync(() => db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done'") > 0, "no batch committed", workers);

            // Hold a table a batch writes after its documents, so that the restart finds at least one
            // batch half-written (documents inserted, the rest and its jobs not), as a crash would.
            using (var holder = db.Open())
            {
                using (var hold = new NpgsqlCommand("BEGIN; LOCK TABLE document_sources IN SHARE ROW EXCLUSIVE MODE", holder))
                {
                    hold.ExecuteNonQuery();
                }

                await WaitForAsync(() => WaitingOnSources(db) > 0, "no batch reached the second half of its write", workers);
                await Task.Delay(500); // let the other workers reach it too, if they are about to
                halfWritten = WaitingOnSources(db);
                doneAtRestart = db.Scalar("SELECT count(*) FROM ingest_jobs WHERE state = 'done'");
                server.Restart(); // cuts the holder too
            }

            runs = await Task.WhenAll(workers.Select(w => FinishAsync(w, TimeSpan.FromMinutes(4))));
        }
        finally
        {
            foreach (var (process, _, _) in workers.Where(w => !w.Process.HasExited))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            workers.ForEach(w => w.Process.Dispose());
        }

        log.WriteLine($"restarted with {doneAtRestart} of {files} jobs done and {halfWritten} batches half-written");
        foreach (var run in runs)
        {
            log.WriteLine(run.ToString());
        }

        Assert.True(doneAtRestart < files, "the workers finished before the restart; queue more files");
        Assert.All(runs, run => Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString()));
        Assert.Contains(runs, run => run.Out.Contains($"Lost the database {db.Url} (", StringComparison.Ordinal)
            && run.Out.Contains($"Reconnected to {db.Url} after ", StringComparison.Ordinal));
        Assert.Equal($"0 queued, 0 running, {files} done, 0 failed", (await Atlas.RunAsync("--db", db.Url, "queue", "--status")).Out.Trim());
        var n = files.ToString(CultureInfo.InvariantCulture);
        var counts = db.Text(StoredOnce.Counts).Split(' ');
        Assert.Equal([n, n, n], counts[..3]);
        Assert.Equal(counts[3], StoredOnce.EventsInStoredFacts(db.Url).ToString(CultureInfo.InvariantCulture)); // each document's events stored once
        Assert.Equal(files, db.Scalar("SELECT count(*) FROM document_sources"));
        Assert.Equal(files, db.Scalar("SELECT count(*) FROM ingest_jobs WHERE attempts = 1")); // the outage cost no job an attempt
    }

    /// <summary>Sessions waiting for the table the test holds: batches whose documents are inserted and whose other rows are not.</summary>
    private static long WaitingOnSources(TestPostgres db) => db.Scalar(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'document_sources' AND NOT l.granted");

    private static (Process Process, Task<string> Out, Task<string> Error) StartWorker(string url, string name)
    {
        var start = new ProcessStartInfo(IngestCrashTests.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepoPaths.AtlasDll, "--db", url, "worker", "--until-drained", "--batch", "4", "--threads", "1", "--name", name })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        return (process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()); // drained so no worker blocks on a full pipe
    }

    private static async Task<AtlasRun> FinishAsync((Process Process, Task<string> Out, Task<string> Error) worker, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await worker.Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            worker.Process.Kill(entireProcessTree: true);
            await worker.Process.WaitForExitAsync();
            return new AtlasRun(-1, await worker.Out, $"still running after {limit}; killed\n{await worker.Error}");
        }

        return new AtlasRun(worker.Process.ExitCode, await worker.Out, await worker.Error);
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure, IEnumerable<(Process Process, Task<string> Out, Task<string> Error)> workers)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (workers.FirstOrDefault(w => w.Process.HasExited) is { Process: not null } gone)
            {
                Assert.Fail($"a worker exited early ({failure}): {await gone.Out}\n{await gone.Error}");
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(120))
            {
                Assert.Fail($"{failure} after 120 s");
            }

            await Task.Delay(20);
        }
    }
}
