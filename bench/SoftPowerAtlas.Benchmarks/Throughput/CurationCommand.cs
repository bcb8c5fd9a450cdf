using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>curation --docs N [--edits E]</c>: what curation costs ingest, and how fast edits, undo and
/// re-extraction are. Synthesises and ingests N documents into a fresh SQLite file (the baseline: the
/// ingest itself, which now names each document's facts and applies curation), then times, in the
/// same process, that naming-and-replay pass alone over every document with no edits and with E
/// edits in force, E fact edits one by one, undoing them, and re-extracting 500 documents.
/// </summary>
internal static class CurationCommand
{
    public static async Task<int> RunAsync(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 5_000);
        var edits = CommandLine.Int(args, "--edits", 200);
        var folder = Path.Combine(Path.GetTempPath(), $"spa-curation-{Environment.ProcessId}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {CommandLine.LoadAverage()}");
        try
        {
            CorpusSynthesizer.FromRepository().WriteTo(Path.Combine(folder, "corpus"), docs);
            var pipeline = AtlasPipeline.CreateDefault(textServices);
            using var store = SqliteAtlasStore.Open(Path.Combine(folder, "atlas.db"), textServices);
            var clock = Stopwatch.StartNew();
            var summary = await new IngestRunner(store, pipeline, new DocumentLoader()).RunAsync(InputWalker.Expand([Path.Combine(folder, "corpus")]));
            var ingest = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"ingest: {summary.Ingested:N0} documents in {ingest:F2} s ({summary.Ingested / ingest:F0} docs/s), load average {CommandLine.LoadAverage()}");

            var bare = ReplayAll(store);
            Console.WriteLine($"naming + replay, no edits: {bare.TotalSeconds:F2} s, {bare.TotalMilliseconds * 1000 / docs:F0} µs/doc = {100 * bare.TotalSeconds / ingest:F1} % of the ingest");

            var curator = new Curator(store, TimeProvider.System);
            var keys = Keys(store, edits);
            var times = new List<double>();
            var events = new List<long>();
            foreach (var key in keys)
            {
                var t = Stopwatch.StartNew();
                var result = curator.SetFact(key, new FactEdit { Type = "visit", Sectors = ["+festival"] }, "bench");
                times.Add(t.Elapsed.TotalMilliseconds);
                if (result.Event is { } e)
                {
                    events.Add(e.Id);
                }
            }

            Console.WriteLine($"fact set: {events.Count} edits, ms {Describe(Spread.Of(times))}");
            var withEdits = ReplayAll(store);
            Console.WriteLine($"naming + replay, {events.Count} edits in force: {withEdits.TotalSeconds:F2} s, {withEdits.TotalMilliseconds * 1000 / docs:F0} µs/doc = {100 * withEdits.TotalSeconds / ingest:F1} % of the ingest");

            var reextractor = new Reextractor(store, pipeline);
            var sample = reextractor.AllDocumentIds().Take(500).ToList();
            clock.Restart();
            var re = reextractor.Run(sample);
            Console.WriteLine($"reextract: {re.Documents.Count} documents in {clock.Elapsed.TotalSeconds:F2} s ({re.Documents.Count / clock.Elapsed.TotalSeconds:F0} docs/s), {re.Unapplied.Count()} edits not applied");

            times.Clear();
            foreach (var id in Enumerable.Reverse(events))
            {
                var t = Stopwatch.StartNew();
                curator.Undo(id, "bench");
                times.Add(t.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"undo: {events.Count} undone newest first, ms {Describe(Spread.Of(times))}; load average {CommandLine.LoadAverage()}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>What ingest adds per document, alone: name its facts and apply the edits in force, all documents in one transaction.</summary>
    private static TimeSpan ReplayAll(SqliteAtlasStore store)
    {
        var clock = Stopwatch.StartNew();
        StoreTransactions.Run(store, sql =>
        {
            var replay = new CurationReplay(sql);
            foreach (var (id, hash) in sql.Rows("SELECT id, content_hash FROM documents ORDER BY id", r => (r.GetInt64(0), r.GetString(1))))
            {
                replay.AfterFactsWritten(id, hash);
            }

            return (0, true);
        }, write: true);
        return clock.Elapsed;
    }

    private static string Describe(Spread s) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"min {s.Min:F1}, median {s.Median:F1}, mean {s.Mean:F1}, max {s.Max:F1}");

    private static List<string> Keys(SqliteAtlasStore store, int count) =>
        StoreTransactions.Run(store, sql => (sql.Rows(
            "SELECT fact_key FROM engagements WHERE type <> 'visit' ORDER BY id LIMIT @n", r => r.GetString(0), ("@n", count)), false), write: false);
}
