using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>search --docs N [--bases B] [--rounds R] [--db PATH]</c>: builds (or reuses, when the file at
/// --db already holds N documents) a search database of N documents with <see cref="SearchCorpusBuilder"/>,
/// reports build time and size per 1,000 documents, then times a fixed mix of Thai, English and
/// faceted queries (10 hits, snippets and facet counts each) and prints p50/p95/p99.
/// </summary>
internal static class SearchCommand
{
    /// <summary>The mix, by kind. Every query is run with facets on, as the web page will.</summary>
    private static readonly (string Kind, string Query)[] Mix =
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

    public static int Run(string[] args)
    {
        var docs = CommandLine.Int(args, "--docs", 100_000);
        var bases = Math.Min(docs, CommandLine.Int(args, "--bases", 3_000));
        var rounds = CommandLine.Int(args, "--rounds", 20);
        var db = CommandLine.Value(args, "--db") ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"spa-search-{docs}.db"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, SQLite {SqliteVersion()}; load average {CommandLine.LoadAverage()}");

        if (Count(db) != docs)
        {
            Build(db, docs, bases);
        }
        else
        {
            Console.WriteLine($"Reusing {db} ({docs:N0} documents)");
        }

        var size = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database: {size / 1e6:N0} MB, {size / 1e3 / (docs / 1000.0):N0} kB per 1,000 documents; index tables: {IndexShare(db)}"));

        using var store = SqliteAtlasStore.Open(db);
        var index = new SqliteSearchIndex(store);
        var queries = Mix.Select(m => (m.Kind, m.Query, Parsed: SearchQuery.Parse(m.Query).Query ?? throw new InvalidOperationException(m.Query))).ToList();
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["all"] = [] };
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var perQuery = queries.ToDictionary(q => q.Query, _ => new List<double>(), StringComparer.Ordinal);
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (kind, text, query) in queries)
            {
                var watch = Stopwatch.StartNew();
                var results = index.Search(query, new SearchPage(10, 0, facets: true));
                var ms = watch.Elapsed.TotalMilliseconds;
                if (round < 0)
                {
                    totals[text] = results.Total; // the first round warms the page cache and is not counted
                    continue;
                }

                samples["all"].Add(ms);
                (samples.TryGetValue(kind, out var list) ? list : samples[kind] = []).Add(ms);
                perQuery[text].Add(ms);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nLatency of Search (10 hits with snippets + facet counts), {rounds} rounds after one warm-up, ms; load average {CommandLine.LoadAverage()}"));
        Console.WriteLine($"{"",-42} {"matches",9} {"p50",7} {"p95",7} {"p99",7}");
        foreach (var (kind, text, _) in queries)
        {
            var p = Percentiles(perQuery[text]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind + "  " + text,-42} {totals[text],9:N0} {p.P50,7:F1} {p.P95,7:F1} {p.P99,7:F1}"));
        }

        foreach (var kind in new[] { "thai", "english", "faceted", "all" })
        {
            var p = Percentiles(samples[kind]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ALL " + kind,-42} {samples[kind].Count,9} {p.P50,7:F1} {p.P95,7:F1} {p.P99,7:F1}"));
        }

        var entities = Stopwatch.StartNew();
        var found = index.FindEntities("ท่องเที่ยว").Count + index.FindEntities("creative").Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nEntity search (ท่องเที่ยว, creative): {entities.Elapsed.TotalMilliseconds:F1} ms for both, {found} entities"));
        return 0;
    }

    private static void Build(string db, int docs, int bases)
    {
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
        var builder = SearchCorpusBuilder.Analyse(bases);
        var analyse = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Analysed {bases:N0} synthesized documents with the full pipeline in {analyse.TotalSeconds:F1} s ({bases / analyse.TotalSeconds:F0} docs/s)"));

        watch.Restart();
        using (var store = SqliteAtlasStore.Open(db))
        {
            const int batchSize = 2_000;
            for (var start = 0; start < docs; start += batchSize)
            {
                using var batch = store.BeginBatch();
                for (var i = start; i < Math.Min(docs, start + batchSize); i++)
                {
                    batch.Add(builder.Variant(i));
                }

                batch.Commit();
                if ((start / batchSize) % 25 == 24)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {start + batchSize:N0} stored, {(start + batchSize) / watch.Elapsed.TotalSeconds:F0} docs/s"));
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
            $"Stored {docs:N0} variants (INSERTs, triggers, FTS5 index, facts, facets as ingest writes them; no duplicate lookups) + FTS optimize + ANALYZE in {stored.TotalSeconds:F1} s: {docs / stored.TotalSeconds:F0} docs/s, {stored.TotalSeconds * 1000 / (docs / 1000.0):F0} ms per 1,000 documents"));
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

    private static (double P50, double P95, double P99) Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.50), At(0.95), At(0.99));
    }
}
