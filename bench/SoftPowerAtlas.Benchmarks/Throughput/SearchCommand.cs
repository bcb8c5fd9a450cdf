using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>search --docs N [--bases B] [--rounds R] [--db PATH] [--build-only]</c>: builds (or reuses, when the file at
/// --db already holds N documents) a search database of N documents with <see cref="SearchCorpusBuilder"/>,
/// reports build time and size per 1,000 documents, then times a fixed mix of Thai, English and
/// faceted queries (10 hits, snippets and facet counts each) four ways — the baseline (one FTS5 pass
/// per query scored by bm25() in SQL), one FTS5 pass scored in process (<see cref="Bm25Inputs"/>),
/// cold (no clause set or phrase count held) and warm (rounds of the mix on one index) — and prints
/// p50/p95/p99, the ratios against the baseline and the memory held.
/// </summary>
internal static class SearchCommand
{
    /// <summary>The mix, by kind. Every query is run with facets on, as the web page will.</summary>
    internal static readonly (string Kind, string Query)[] Mix =
    [
        ("thai", "ภาพยนตร์"),
        ("thai", "ความร่วมมือ"),
        ("thai", "ภาพยนตร์เกาหลี"),
        ("thai", "\"เทศกาลอาหารไทย\""),
        ("thai", "กรมการท่องเที่ยว"),
        ("thai", "อาหาร OR แฟชั่น"),
        ("thai", "ซอฟต์พาวเวอร์ -มวยไทย"),
        ("english", "film"),
        ("english", "creative economy"),
        ("english", "memorandum signing"),
        ("english", "\"Book Fair\""),
        ("english", "music -japan"),
        ("english", "festiv*"),
        ("faceted", "country:JP"),
        ("faceted", "ความร่วมมือ country:FR"),
        ("faceted", "sector:film year:2024"),
        ("faceted", "type:mou agency:อพท."),
        ("faceted", "soft power from:2024-01 to:2024-06"),
        ("faceted", "ภาพยนตร์ -country:KR sector:film"),
    ];

    public static int Run(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 100_000);
        var bases = Math.Min(docs, CommandLine.Int(args, "--bases", 3_000));
        var rounds = CommandLine.Int(args, "--rounds", 20);
        var db = CommandLine.Value(args, "--db") ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"spa-search-{docs}.db"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, SQLite {SqliteVersion()}; load average {CommandLine.LoadAverage()}");

        var held = Count(db);
        if (held != docs)
        {
            Build(db, docs, bases, held, textServices);
        }
        else
        {
            Console.WriteLine($"Reusing {db} ({docs:N0} documents)");
        }

        if (CommandLine.Flag(args, "--build-only"))
        {
            return 0;
        }

        var size = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database: {size / 1e6:N0} MB, {size / 1e3 / (docs / 1000.0):N0} kB per 1,000 documents; index tables: {IndexShare(db)}"));

        using var store = SqliteAtlasStore.Open(db, textServices);
        var queries = Mix.Select(m => (m.Kind, m.Query, Parsed: SearchQuery.Parse(m.Query).Query ?? throw new InvalidOperationException(m.Query))).ToList();

        // The in-memory snapshot is built by the first search of a process (and again after any write);
        // a long-lived index (the web server's) then builds its term index in the background.
        var index = new SqliteSearchIndex(store, holdTerms: true);
        var snapshotWatch = Stopwatch.StartNew();
        index.Search(SearchQuery.Parse("year:1900").Query!, new SearchPage(1, 0, facets: false));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nSnapshot (dates, facets, postings per facet value) loaded in {snapshotWatch.Elapsed.TotalMilliseconds:F0} ms; {index.Memory.SnapshotBytes / 1e6:F1} MB = {index.Memory.SnapshotBytes / (double)docs:F0} bytes per document"));
        var termsWatch = Stopwatch.StartNew();
        index.BuildTerms().GetAwaiter().GetResult();
        Console.WriteLine(index.Memory.HeldTerms is { } terms
            ? string.Create(CultureInfo.InvariantCulture, $"Term index ({terms.Terms:N0} terms with their positions) built in {termsWatch.Elapsed.TotalMilliseconds:F0} ms; {terms.Bytes / 1e6:F1} MB = {terms.Bytes / (double)docs:F0} bytes per document")
            : $"Term index not built: {index.Memory.TermsFailure}");

        // Three ways, interleaved query by query so that load changes hit them alike:
        //   fts5: one FTS5 pass with bm25() per query (no clause sets), facets and filters from the snapshot;
        //   cold: clause sets forgotten before each query (a query never seen: its text is read from the term index);
        //   coldfts5: the same without a term index (the text read from FTS5, as before the term index);
        //   warm: the mix round after round on an index that keeps its clause sets, as a server would
        //         (a query's clause is held from the round before, or from the unfiltered query before it).
        //   bm25: the baseline, the design before Bm25Inputs: one FTS5 pass per query scored by bm25() in SQL.
        var modes = new[] { "bm25", "fts5", "coldfts5", "cold", "warm" };
        var coldFts5 = new SqliteSearchIndex(store);
        coldFts5.Search(SearchQuery.Parse("year:1900").Query!, new SearchPage(1, 0, facets: false));
        var bm25Only = new SqliteSearchIndex(store, clauseBudgetBytes: 0, scoreInProcess: false);
        bm25Only.Search(SearchQuery.Parse("year:1900").Query!, new SearchPage(1, 0, facets: false));
        var fts5Only = new SqliteSearchIndex(store, clauseBudgetBytes: 0);
        fts5Only.Search(SearchQuery.Parse("year:1900").Query!, new SearchPage(1, 0, facets: false));
        var session = new SqliteSearchIndex(store);
        session.Search(SearchQuery.Parse("year:1900").Query!, new SearchPage(1, 0, facets: false));
        var samples = modes.ToDictionary(m => m, _ => new Dictionary<string, List<double>>(StringComparer.Ordinal), StringComparer.Ordinal);
        var cpu = modes.ToDictionary(m => m, _ => new List<double>(), StringComparer.Ordinal);
        var pauses = modes.ToDictionary(m => m, _ => new List<double>(), StringComparer.Ordinal);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (kind, text, query) in queries)
            {
                foreach (var mode in modes)
                {
                    if (mode == "cold")
                    {
                        index.Memory.ForgetClauses();
                    }
                    else if (mode == "coldfts5")
                    {
                        coldFts5.Memory.ForgetClauses();
                    }

                    var cpuBefore = CpuClock.ProcessMilliseconds();
                    var pausedBefore = GC.GetTotalPauseDuration();
                    var watch = Stopwatch.StartNew();
                    var results = (mode switch { "bm25" => bm25Only, "fts5" => fts5Only, "coldfts5" => coldFts5, "cold" => index, _ => session }).Search(query, new SearchPage(10, 0, facets: true));
                    var ms = watch.Elapsed.TotalMilliseconds;
                    var cpuMs = CpuClock.ProcessMilliseconds() - cpuBefore;
                    var pausedMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
                    if (round < 0)
                    {
                        totals[text] = results.Total; // the first round warms the page cache and is not counted
                        continue;
                    }

                    cpu[mode].Add(cpuMs);
                    pauses[mode].Add(pausedMs);
                    foreach (var key in new[] { "all", kind, text })
                    {
                        (samples[mode].TryGetValue(key, out var list) ? list : samples[mode][key] = []).Add(ms);
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nLatency of Search (10 hits with snippets + facet counts), {rounds} rounds after one warm-up, ms; load average {CommandLine.LoadAverage()}"));
        Console.WriteLine($"{"",-42} {"matches",9} {"bm25 p50",9} {"p95",7} {"fts5 p50",9} {"p95",7} {"cold-fts5",9} {"p95",7} {"cold p50",9} {"p95",7} {"warm p50",9} {"p95",7} {"p99",7}");
        foreach (var (kind, text, _) in queries)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind + "  " + text,-42} {totals[text],9:N0} {Row(samples, text)}"));
        }

        foreach (var kind in new[] { "thai", "english", "faceted", "all" })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ALL " + kind,-42} {samples["warm"][kind].Count,9} {Row(samples, kind)}"));
        }

        var baseline = Percentiles(samples["bm25"]["all"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Against bm25 (same process, same rounds), p95 of all: fts5 ×{Percentiles(samples["fts5"]["all"]).P95 / baseline.P95:F2}, cold without term index ×{Percentiles(samples["coldfts5"]["all"]).P95 / baseline.P95:F2}, cold ×{Percentiles(samples["cold"]["all"]).P95 / baseline.P95:F2}, warm ×{Percentiles(samples["warm"]["all"]).P95 / baseline.P95:F2}"));

        // CPU time of the process (SQLite runs on the searching thread and, for a split read, on one helper): what the query costs whatever the load.
        Console.WriteLine("CPU ms of the process per query, all 19 queries x rounds: " + string.Join("; ", modes.Select(m =>
        {
            var p = Percentiles(cpu[m]);
            return string.Create(CultureInfo.InvariantCulture, $"{m} p50 {p.P50:F1} p95 {p.P95:F1} p99 {p.P99:F1} mean {cpu[m].Average():F1}");
        })));
        // Time the runtime stopped the searching thread to collect garbage, inside the timed queries: what a tail owes to the collector.
        Console.WriteLine("GC pauses inside the timed queries: " + string.Join("; ", modes.Select(m => string.Create(
            CultureInfo.InvariantCulture, $"{m} {pauses[m].Count(p => p > 0)} of {pauses[m].Count} queries, {pauses[m].Sum():F1} ms in all, longest {pauses[m].Max():F1}"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Clause sets held by the warm index after the run: {session.Memory.ClauseBytes / 1e6:F1} MB = {session.Memory.ClauseBytes / (double)docs:F0} bytes per document (budget {session.Memory.BudgetBytes / 1e6:F0} MB); load average {CommandLine.LoadAverage()}"));

        var entities = Stopwatch.StartNew();
        var found = index.FindEntities("ท่องเที่ยว").Count + index.FindEntities("creative").Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nEntity search (ท่องเที่ยว, creative): {entities.Elapsed.TotalMilliseconds:F1} ms for both, {found} entities"));
        return 0;
    }

    private const int BatchSize = 2_000;

    /// <summary>
    /// Stores documents 0..N-1. A database left by a build that was stopped (a whole number of batches,
    /// fewer than N, its last document the variant this build would write there) is continued from where
    /// it stopped; anything else is deleted and built afresh.
    /// </summary>
    private static void Build(string db, int docs, int bases, long held, TextServices textServices)
    {
        var watch = Stopwatch.StartNew();
        var builder = SearchCorpusBuilder.Analyse(bases, textServices);
        var analyse = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Analysed {bases:N0} synthesized documents with the full pipeline in {analyse.TotalSeconds:F1} s ({bases / analyse.TotalSeconds:F0} docs/s)"));

        var from = held > 0 && held < docs && held % BatchSize == 0 && LastHash(db) == builder.Variant((int)held - 1).ContentHash ? (int)held : 0;
        if (from == 0)
        {
            foreach (var file in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(file);
            }
        }
        else
        {
            Console.WriteLine($"Continuing the build stopped at {from:N0} documents (build rates below count only the documents stored now)");
        }

        watch.Restart();
        using (var store = SqliteAtlasStore.Open(db, textServices))
        {
            const int batchSize = BatchSize;
            for (var start = from; start < docs; start += batchSize)
            {
                using var batch = store.BeginBatch();
                for (var i = start; i < Math.Min(docs, start + batchSize); i++)
                {
                    batch.Add(builder.Variant(i));
                }

                batch.Commit();
                if ((start / batchSize) % 25 == 24)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {start + batchSize:N0} stored, {(start + batchSize - from) / watch.Elapsed.TotalSeconds:F0} docs/s"));
                }
            }
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); INSERT INTO document_text (document_text) VALUES ('optimize'); ANALYZE;";
            command.ExecuteNonQuery();
        }

        var stored = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stored {docs - from:N0} variants (INSERTs, triggers, FTS5 index, facts, facets as ingest writes them; no duplicate lookups) + FTS optimize + ANALYZE in {stored.TotalSeconds:F1} s: {(docs - from) / stored.TotalSeconds:F0} docs/s, {stored.TotalSeconds * 1000 / ((docs - from) / 1000.0):F0} ms per 1,000 documents"));
    }

    private static string? LastHash(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM documents ORDER BY id DESC LIMIT 1";
        return command.ExecuteScalar() as string;
    }

    private static long Count(string db)
    {
        if (!File.Exists(db))
        {
            return -1;
        }

        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private static string IndexShare(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'document_text%' OR name LIKE 'document_facets%' OR name LIKE 'search_dates%'
            GROUP BY CASE WHEN name LIKE 'document_text%' THEN 'fts5' WHEN name LIKE 'document_facets%' THEN 'facets' ELSE 'dates' END
            """;
        try
        {
            using var reader = command.ExecuteReader();
            var parts = new List<string>();
            while (reader.Read())
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0).Split('_')[1]} {reader.GetInt64(1) / 1e6:N0} MB"));
            }

            return string.Join(", ", parts);
        }
        catch (SqliteException)
        {
            return "(dbstat not compiled in)";
        }
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static string Row(Dictionary<string, Dictionary<string, List<double>>> samples, string key)
    {
        var bm25 = Percentiles(samples["bm25"][key]);
        var fts5 = Percentiles(samples["fts5"][key]);
        var coldFts5 = Percentiles(samples["coldfts5"][key]);
        var cold = Percentiles(samples["cold"][key]);
        var warm = Percentiles(samples["warm"][key]);
        return string.Create(CultureInfo.InvariantCulture, $"{bm25.P50,9:F1} {bm25.P95,7:F1} {fts5.P50,9:F1} {fts5.P95,7:F1} {coldFts5.P50,9:F1} {coldFts5.P95,7:F1} {cold.P50,9:F1} {cold.P95,7:F1} {warm.P50,9:F1} {warm.P95,7:F1} {warm.P99,7:F1}");
    }

    internal static (double P50, double P95, double P99) Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.50), At(0.95), At(0.99));
    }
}

/// <summary>CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
internal static partial class CpuClock
{
    private const int ProcessCpuTimeClock = 2;
    /// <summary>CPU time of every thread of the process.</summary>
    public static double ProcessMilliseconds() => Clock(ProcessCpuTimeClock);

    private static double Clock(int clock) =>
        OperatingSystem.IsLinux() && ClockGetTime(clock, out var t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds / 1e6) : double.NaN;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}
