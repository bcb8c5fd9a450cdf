using System.Diagnostics;
using System.Globalization;
using System.Text;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Postgres.Jobs;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>workers --server CONN [--docs N] [--counts 1,2,4] [--runs R] [--atlas PATH] [--threads T]</c>:
/// ingest throughput of parallel <c>atlas worker --until-drained</c> processes into PostgreSQL. For each
/// worker count and run: a fresh database on the server, the same synthesized corpus queued with
/// <see cref="IngestJobQueue"/>, then the workers started together and timed until the last exits
/// (process start-up included, measured alone on an empty queue too). Prints docs/s and the ratio to 1 worker.
/// </summary>
internal static class WorkersCommand
{
    public static async Task<int> RunAsync(string[] args, TextServices textServices)
    {
        if (CommandLine.Value(args, "--server") is not { } server)
        {
            Console.Error.WriteLine("usage: workers --server 'Host=…;Username=…;Database=postgres' [--docs 2000] [--counts 1,2,4] [--runs 2] [--atlas PATH] [--threads T]");
            return 2;
        }

        var docs = CommandLine.Int(args, "--docs", 2_000);
        var runs = CommandLine.Int(args, "--runs", 2);
        var counts = (CommandLine.Value(args, "--counts") ?? "1,2,4").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var threads = CommandLine.Value(args, "--threads");
        var atlas = CommandLine.Value(args, "--atlas") ?? Path.Combine(Path.GetDirectoryName(RepositoryPaths.Samples())!, "src", "SoftPowerAtlas.Cli", "bin", "Release", "net10.0", "atlas.dll");
        if (!File.Exists(atlas))
        {
            Console.Error.WriteLine($"no atlas at {atlas}: build it first (dotnet build -c Release src/SoftPowerAtlas.Cli) or pass --atlas");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"spa-workers-{Environment.ProcessId}");
        var bytes = CorpusSynthesizer.FromRepository().WriteTo(folder, docs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {docs:N0} synthesized documents ({bytes / 1e6:F1} MB); worker --threads {threads ?? "default (cores)"}; load average {CommandLine.LoadAverage()}"));
        try
        {
            var startup = await TimeAsync(server, folder, 0, 1, atlas, threads, textServices);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One worker on an empty queue (start-up, open, exit): {startup.Seconds:F2} s"));
            var results = new List<(int Workers, double DocsPerSecond, string Load)>();
            for (var run = 0; run < runs; run++)
            {
                foreach (var workers in counts)
                {
                    var timed = await TimeAsync(server, folder, docs, workers, atlas, threads, textServices);
                    var rate = timed.Stored / timed.Seconds;
                    results.Add((workers, rate, CommandLine.LoadAverage()));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run {run + 1}: {workers} worker(s): {timed.Stored:N0} documents in {timed.Seconds:F1} s = {rate:F0} docs/s; load average {CommandLine.LoadAverage()}"));
                }
            }

            Console.WriteLine($"\n{"workers",8} {"docs/s (median)",16} {"min",7} {"max",7} {"× 1 worker",11}");
            var baseline = Spread.Of(results.Where(r => r.Workers == counts[0]).Select(r => r.DocsPerSecond)).Median;
            foreach (var workers in counts)
            {
                var spread = Spread.Of(results.Where(r => r.Workers == workers).Select(r => r.DocsPerSecond));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workers,8} {spread.Median,16:F0} {spread.Min,7:F0} {spread.Max,7:F0} {spread.Median / baseline,11:F2}"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Queues the corpus (when <paramref name="docs"/> &gt; 0) into a fresh database, then times <paramref name="workers"/> worker processes draining it.</summary>
    private static async Task<(long Stored, double Seconds)> TimeAsync(string server, string folder, int docs, int workers, string atlas, string? threads, TextServices textServices)
    {
        using var database = new ThrowawayDatabase(server, "atlas_workers_");
        var address = database.ConnectionString;
        using (var store = PostgresAtlasStore.Open(address, textServices))
        {
            if (docs > 0)
            {
                var queued = new IngestJobQueue(store).Enqueue(InputWalker.Expand([folder]));
                if (queued.Queued != docs)
                {
                    throw new InvalidOperationException($"queued {queued.Queued} of {docs} documents");
                }
            }
        }

        var watch = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(i => Start(atlas, address, threads, i)).ToList();
        foreach (var (process, _) in processes)
        {
            await process.WaitForExitAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var (process, errors) in processes)
        {
            using (process)
            {
                if (process.ExitCode is not (0 or 1)) // 1: some job failed for good, checked below
                {
                    throw new InvalidOperationException($"a worker exited {process.ExitCode}: {errors}");
                }
            }
        }

        using var check = PostgresAtlasStore.Open(address, textServices);
        var counts = new IngestJobQueue(check).Counts();
        // A file whose analysis fails is a failed job, not a lost one (one of the synthesized corpus does, §18).
        if (counts.Done + counts.Failed != docs || counts.Failed > docs / 100)
        {
            throw new InvalidOperationException($"after the workers: {counts.Done} done, {counts.Failed} failed of {docs}");
        }

        return (check.GetStats().Documents, seconds);
    }

    /// <summary>A started worker, its output drained (so it never blocks on a full pipe) and its errors kept.</summary>
    private static (Process Process, StringBuilder Errors) Start(string atlas, string address, string? threads, int index)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[atlas, "--db", address, "worker", "--until-drained", "--name", string.Create(CultureInfo.InvariantCulture, $"bench-{index}")])
        {
            start.ArgumentList.Add(arg);
        }

        if (threads is not null)
        {
            start.ArgumentList.Add("--threads");
            start.ArgumentList.Add(threads);
        }

        var process = new Process { StartInfo = start };
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, errors);
    }
}
