using System.Diagnostics;
using System.Globalization;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Postgres.Ingest;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>store-path --server CONN [--docs N] [--batch B] [--rounds R] [--ingest-docs M]</c> (issue 20):
/// the store path's own ceiling and ingest with one analysis thread, SQLite beside PostgreSQL in one
/// process, alternated (SQLite, PostgreSQL, SQLite, PostgreSQL…) so both see the same machine load.
/// The ceiling stores N documents analysed beforehand (so analysis costs nothing) in batches of B,
/// each into a fresh store, and reports documents/s, the time a batch holds the write lock, and on
/// PostgreSQL the server's CPU time per document (its backends' user + system time from /proc, the
/// server running on this machine) beside this process's own CPU time per document: on a loaded
/// machine the CPU times are steadier than the rates. The ingest run is <see cref="IngestRunner"/> with one analysis
/// thread over the first M files, as <c>atlas ingest --threads 1</c>.
/// </summary>
internal static class StorePathCommand
{
    public static async Task<int> RunAsync(string[] args, TextServices textServices)
    {
        if (CommandLine.Value(args, "--server") is not { } server)
        {
            Console.Error.WriteLine("usage: store-path --server 'Host=…;Username=…;Database=postgres' [--docs 2000] [--batch 200] [--rounds 2] [--ingest-docs 1000]");
            return 2;
        }

        var docs = CommandLine.Int(args, "--docs", 2_000);
        var batchSize = CommandLine.Int(args, "--batch", 200);
        var rounds = CommandLine.Int(args, "--rounds", 2);
        var ingestDocs = CommandLine.Int(args, "--ingest-docs", 1_000);
        var folder = Path.Combine(Path.GetTempPath(), $"spa-store-path-{Environment.ProcessId}");
        try
        {
            var bytes = CorpusSynthesizer.FromRepository().WriteTo(folder, Math.Max(docs, ingestDocs));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {Math.Max(docs, ingestDocs):N0} synthesized files ({bytes / 1e6:F1} MB); batch {batchSize}; load average {CommandLine.LoadAverage()}"));
            var files = InputWalker.Expand([folder]).ToList();
            var pipeline = AtlasPipeline.CreateDefault(textServices);
            var loader = new DocumentLoader();

            // Analysis once, on one thread, outside every store: the documents the ceiling stores.
            foreach (var file in files.Take(20))
            {
                IngestRunner.ToNewDocument(pipeline.Run(loader.Load(file.Path).Document!)); // warm-up: ICU, reference data, JIT
            }

            var watch = Stopwatch.StartNew();
            var analysed = new List<NewDocument>();
            var failed = 0;
            foreach (var file in files.Take(docs))
            {
                try
                {
                    analysed.Add(IngestRunner.ToNewDocument(pipeline.Run(loader.Load(file.Path).Document!)));
                }
                catch (ArgumentException)
                {
                    failed++; // an analysis defect on one file; ingest reports such a file as failed and goes on, so does this
                }
            }

            var analysisMs = watch.Elapsed.TotalMilliseconds / (analysed.Count + failed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Analysis (load + pipeline + row), one thread: {analysisMs:F2} ms/document ({1000 / analysisMs:F0} docs/s); {failed} file(s) failed analysis and are left out"));

            Console.WriteLine();
            Console.WriteLine("Ceiling (pre-analysed documents):");
            Console.WriteLine("| round | store | docs/s | batch begin→commit median / max ms | lock held median / max ms | client CPU ms/doc | server CPU ms/doc | load |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---|");
            var ceiling = new List<(string Engine, double Rate)>();
            var searchVector = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var engine in new[] { "SQLite", "PostgreSQL" })
                {
                    var result = WithStore(engine, server, folder, textServices, store =>
                    {
                        var ceilingResult = Ceiling(store, analysed, batchSize);
                        if (StoreTimings.SearchVectorMs(store) is { } ms)
                        {
                            searchVector.Add(ms);
                        }

                        return ceilingResult;
                    });
                    ceiling.Add((engine, result.Rate));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {round} | {engine} | {result.Rate:F0} | {result.Batch.Median:F1} / {result.Batch.Max:F1} | {result.Lock} | {result.ClientMs:F2} | {result.ServerMs} | {CommandLine.LoadAverage()} |"));
                }
            }

            Summarise(ceiling, "ceiling");
            if (Phases.Count > 0)
            {
                double PerDoc(Func<BulkTimings, TimeSpan> phase) => Spread.Of(Phases.Select(p => phase(p).TotalMilliseconds / p.Documents)).Median;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"PostgreSQL batch phases, ms per document (median of {Phases.Count} batches): pack {PerDoc(p => p.Pack):F3}, duplicate check {PerDoc(p => p.Claim):F3}, ids {PerDoc(p => p.Ids):F3}, documents insert {PerDoc(p => p.Insert):F3} (lock held: {PerDoc(p => p.Locked):F3}), other tables {PerDoc(p => p.Rest):F3}, curation replay {PerDoc(p => p.Replay):F3}"));
            }

            if (searchVector.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL search vector alone (atlas_search_vector over the stored documents): {Spread.Of(searchVector).Median:F2} ms per document"));
            }

            Console.WriteLine();
            Console.WriteLine($"Ingest of {Math.Min(ingestDocs, files.Count):N0} files, one analysis thread (IngestRunner, Workers = 1):");
            Console.WriteLine("| round | store | seconds | docs/s | stored | load |");
            Console.WriteLine("|---:|---|---:|---:|---:|---|");
            var ingest = new List<(string Engine, double Rate)>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var engine in new[] { "SQLite", "PostgreSQL" })
                {
                    var summary = await WithStoreAsync(engine, server, folder, textServices, store =>
                        new IngestRunner(store, pipeline, loader) { Workers = 1 }.RunAsync(files.Take(ingestDocs)));
                    var rate = (summary.Ingested + summary.Duplicates) / summary.Elapsed.TotalSeconds;
                    ingest.Add((engine, rate));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {round} | {engine} | {summary.Elapsed.TotalSeconds:F1} | {rate:F0} | {summary.Ingested:N0} (+{summary.Duplicates} dup, {summary.Failed.Count} failed) | {CommandLine.LoadAverage()} |"));
                }
            }

            Summarise(ingest, "ingest");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record CeilingResult(double Rate, Spread Batch, string Lock, string ServerMs, double ClientMs);

    /// <summary>The PostgreSQL bulk path's phases of every batch of the ceiling runs.</summary>
    private static readonly List<BulkTimings> Phases = [];

    private static CeilingResult Ceiling(IAtlasStore store, List<NewDocument> documents, int batchSize)
    {
        var cpuBefore = ServerCpu.Of(store);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var batches = new List<double>();
        var locks = new List<double>();
        var watch = Stopwatch.StartNew();
        foreach (var chunk in documents.Chunk(batchSize))
        {
            var timed = Stopwatch.StartNew();
            using var batch = store.BeginBatch();
            batch.IngestAll(chunk);
            batch.Commit();
            batches.Add(timed.Elapsed.TotalMilliseconds);
            if (StoreTimings.Of(batch) is { } phases)
            {
                locks.Add(phases.Locked.TotalMilliseconds);
                Phases.Add(phases);
            }
        }

        var rate = documents.Count / watch.Elapsed.TotalSeconds;
        var client = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds / documents.Count;
        var cpu = ServerCpu.Of(store) - cpuBefore;
        if (store.GetStats().Documents == 0)
        {
            throw new InvalidOperationException("nothing was stored");
        }

        var lockText = locks.Count == 0 ? "= batch" : string.Create(CultureInfo.InvariantCulture, $"{Spread.Of(locks).Median:F1} / {Spread.Of(locks).Max:F1}");
        var serverText = cpu is { } ms ? (ms / documents.Count).ToString("F2", CultureInfo.InvariantCulture) : "–";
        return new CeilingResult(rate, Spread.Of(batches), lockText, serverText, client);
    }

    private static void Summarise(List<(string Engine, double Rate)> rates, string what)
    {
        var sqlite = Spread.Of(rates.Where(r => r.Engine == "SQLite").Select(r => r.Rate)).Median;
        var postgres = Spread.Of(rates.Where(r => r.Engine == "PostgreSQL").Select(r => r.Rate)).Median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median SQLite {sqlite:F0} docs/s, PostgreSQL {postgres:F0} docs/s, PostgreSQL / SQLite {postgres / sqlite:F2}"));
    }

    private static T WithStore<T>(string engine, string server, string folder, TextServices textServices, Func<IAtlasStore, T> run) =>
        WithStoreAsync(engine, server, folder, textServices, store => Task.FromResult(run(store))).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="run"/> on a fresh store of the engine, then deletes it.</summary>
    private static async Task<T> WithStoreAsync<T>(string engine, string server, string folder, TextServices textServices, Func<IAtlasStore, Task<T>> run)
    {
        if (engine == "SQLite")
        {
            var path = Path.Combine(folder, "..", $"spa-store-path-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            try
            {
                using var store = SqliteAtlasStore.Open(path, textServices);
                return await run(store);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
        }

        using var database = new ThrowawayDatabase(server, "atlas_store_path_");
        using var postgres = PostgresAtlasStore.Open(database.ConnectionString, textServices);
        return await run(postgres);
    }
}
