using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>ingest --docs N [--repeat R] [--keep]</c>: synthesises N files into a temporary folder, then
/// ingests the first 2,000, 5,000 and N of them, each in a fresh process (peak working set is per
/// process) into a fresh SQLite file with <see cref="IngestRunner"/>, as <c>atlas ingest</c> does.
/// In the same process it then runs loading + analysis alone over the same files on as many workers,
/// the baseline the ingest rate is divided by: what storage costs.
/// </summary>
internal static class IngestCommand
{
    public const string ChildVerb = "ingest-one";

    private const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 10_000);
        var repeat = CommandLine.Int(args, "--repeat", 1);
        var sizes = new[] { 2_000, 5_000, docs }.Where(s => s <= docs).Distinct().Order().ToArray();
        var folder = Path.Combine(Path.GetTempPath(), $"spa-ingest-{Environment.ProcessId}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {CommandLine.LoadAverage()}");

        try
        {
            var clock = Stopwatch.StartNew();
            var bytes = CorpusSynthesizer.FromRepository().WriteTo(Path.Combine(folder, "corpus"), docs);
            Console.WriteLine($"Synthesised {docs:N0} files ({bytes / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s into {folder}");

            var rows = new List<Dictionary<string, string>>();
            foreach (var size in sizes)
            {
                for (var r = 0; r < repeat; r++)
                {
                    var db = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"atlas-{size}-{r}.db"));
                    var row = await RunChildAsync(Path.Combine(folder, "corpus"), size, db);
                    if (row is null)
                    {
                        return 1;
                    }

                    rows.Add(row);
                    Console.WriteLine($"  {size,6:N0} docs, run {r + 1}: {row["docsPerSecond"]} docs/s, peak {row["peakMB"]} MB (load average {CommandLine.LoadAverage()})");
                }
            }

            PrintTable(rows, docs);
            return 0;
        }
        finally
        {
            if (!CommandLine.Flag(args, "--keep") && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The child: one ingest of the first <c>--docs</c> files of <c>--input</c> into <c>--db</c>, one RESULT line.</summary>
    public static async Task<int> RunChildAsync(string[] args, TextServices textServices)
    {
        var input = CommandLine.Value(args, "--input") ?? throw new ArgumentException("--input is required");
        var db = CommandLine.Value(args, "--db") ?? throw new ArgumentException("--db is required");
        var docs = CommandLine.Int(args, "--docs", 10_000);

        var pipeline = AtlasPipeline.CreateDefault(textServices);
        var loader = new DocumentLoader();
        var files = InputWalker.Expand([input]).Take(docs).ToList();

        // Warm up outside the clock: ICU, the reference data and the JIT, as a long-running ingest has them.
        foreach (var file in files.Take(20))
        {
            IngestRunner.ToNewDocument(pipeline.Run(loader.Load(file.Path).Document!)); // synthesized files always load.
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        IngestSummary summary;
        using (var store = SqliteAtlasStore.Open(db, textServices))
        {
            var runner = new IngestRunner(store, pipeline, loader);
            summary = await runner.RunAsync(files);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var heapAfterRun = GC.GetGCMemoryInfo().HeapSizeBytes;
        var heapAfterFullGc = GC.GetTotalMemory(forceFullCollection: true);
        SqliteConnection.ClearAllPools();
        var dbBytes = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);

        // Baseline in this process: the same files loaded and analysed on as many workers, nothing stored.
        var analysed = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
            IngestRunner.ToNewDocument(pipeline.Run(loader.Load(file.Path).Document!)));
        var analysisSeconds = analysed.Elapsed.TotalSeconds;

        var seconds = summary.Elapsed.TotalSeconds;
        var values = new Dictionary<string, string>
        {
            ["docs"] = files.Count.ToString(CultureInfo.InvariantCulture),
            ["seconds"] = seconds.ToString("F2", CultureInfo.InvariantCulture),
            ["docsPerSecond"] = (files.Count / seconds).ToString("F0", CultureInfo.InvariantCulture),
            ["analysisDocsPerSecond"] = (files.Count / analysisSeconds).ToString("F0", CultureInfo.InvariantCulture),
            ["added"] = summary.Ingested.ToString(CultureInfo.InvariantCulture),
            ["near"] = summary.NearDuplicates.ToString(CultureInfo.InvariantCulture),
            ["duplicates"] = summary.Duplicates.ToString(CultureInfo.InvariantCulture),
            ["failed"] = summary.Failed.Count.ToString(CultureInfo.InvariantCulture),
            ["peakMB"] = (peak / 1e6).ToString("F0", CultureInfo.InvariantCulture),
            ["heapAfterRunMB"] = (heapAfterRun / 1e6).ToString("F0", CultureInfo.InvariantCulture),
            ["heapAfterGcMB"] = (heapAfterFullGc / 1e6).ToString("F1", CultureInfo.InvariantCulture),
            ["allocatedKBPerDoc"] = (allocated / 1e3 / files.Count).ToString("F0", CultureInfo.InvariantCulture),
            ["dbMB"] = (dbBytes / 1e6).ToString("F0", CultureInfo.InvariantCulture),
        };
        foreach (var problem in summary.Failed.Take(5))
        {
            Console.Error.WriteLine($"failed: {problem.Path}: {problem.Reason}");
        }

        Console.WriteLine(ResultPrefix + string.Join(';', values.Select(kv => $"{kv.Key}={kv.Value}")));
        return 0;
    }

    private static async Task<Dictionary<string, string>?> RunChildAsync(string corpus, int docs, string db)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true }; // set for any running .NET process
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestCommand).Assembly.Location);
        }

        foreach (var arg in (string[])[ChildVerb, "--input", corpus, "--docs", docs.ToString(CultureInfo.InvariantCulture), "--db", db])
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!; // throws rather than returning null for a file-based start
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"ingest of {docs} documents failed (exit {child.ExitCode}):\n{output}");
            return null;
        }

        return line[ResultPrefix.Length..].Trim().Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    }

    private static void PrintTable(List<Dictionary<string, string>> rows, int goalDocs)
    {
        Console.WriteLine();
        Console.WriteLine("| docs | run s | docs/s | analysis-only docs/s (same process) | ingest / analysis | added (near dup) | dup | failed | peak working set MB | GC heap at end MB | heap after full GC MB | allocated KB/doc | db MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var ratio = double.Parse(r["docsPerSecond"], CultureInfo.InvariantCulture) / double.Parse(r["analysisDocsPerSecond"], CultureInfo.InvariantCulture);
            Console.WriteLine($"| {r["docs"]} | {r["seconds"]} | {r["docsPerSecond"]} | {r["analysisDocsPerSecond"]} | {ratio:F2} | {r["added"]} ({r["near"]}) | {r["duplicates"]} | {r["failed"]} | {r["peakMB"]} | {r["heapAfterRunMB"]} | {r["heapAfterGcMB"]} | {r["allocatedKBPerDoc"]} | {r["dbMB"]} |");
        }

        foreach (var group in rows.GroupBy(r => r["docs"]))
        {
            var rates = Spread.Of(group.Select(r => double.Parse(r["docsPerSecond"], CultureInfo.InvariantCulture)));
            Console.WriteLine($"{group.Key} docs over {group.Count()} run(s): docs/s min {rates.Min:F0}, median {rates.Median:F0}, mean {rates.Mean:F0}, max {rates.Max:F0}");
        }

        var goal = rows.Where(r => r["docs"] == goalDocs.ToString(CultureInfo.InvariantCulture))
            .Select(r => double.Parse(r["docsPerSecond"], CultureInfo.InvariantCulture)).DefaultIfEmpty().Median();
        Console.WriteLine($"Goal >= 500 docs/s at {goalDocs:N0} documents: {(goal >= 500 ? "met" : "NOT met")} (median {goal:F0} docs/s)");
    }

    private static double Median(this IEnumerable<double> values) => Spread.Of(values).Median;
}
