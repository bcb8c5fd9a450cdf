using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>search --docs N [--bases B] [--rounds R] [--db PATH] [--postgres URL]</c>: builds (or reuses, when the
/// file at --db already holds N documents) a search database of N documents with <see cref="SearchCorpusBuilder"/>,
/// reports build time and size per 1,000 documents, then times a fixed mix of Thai, English and
/// faceted queries (10 hits, snippets and facet counts each) and prints p50/p95/p99. With --postgres, the
/// same N documents go into that PostgreSQL database too and both engines are timed in the same rounds,
/// query by query in turn, SQLite being the baseline.
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

        var postgres = CommandLine.Value(args, "--postgres");
        SearchCorpusBuilder? analysed = null;
        SearchCorpusBuilder Analysed() => analysed ??= Analyse(bases);
        if (Count(db) != docs)
        {
            Build(db, docs, Analysed());
        }
        else
        {
            Console.WriteLine($"Reusing {db} ({docs:N0} documents)");
        }

        var size = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database: {size / 1e6:N0} MB, {size / 1e3 / (docs / 1000.0):N0} kB per 1,000 documents; index tables: {IndexShare(db)}"));

        using var store = SqliteAtlasStore.Open(db);
        var engines = new List<(string Name, ISearchIndex Index)> { ("sqlite", new SqliteSearchIndex(store)) };
        using var server = postgres is null ? null : PostgresSearchCorpus.OpenOrBuild(postgres, docs, Analysed);
        if (server is not null)
        {
            Console.WriteLine(PostgresSearchCorpus.Size(postgres!, docs));
            engines.Add(("postgres", SearchIndexes.For(server)));
        }

        var times = Time([.. engines.Select(e => e.Index)], rounds, out var totals);
        for (var e = 0; e < engines.Count; e++)
        {
            Report(engines[e].Name, engines[e].Index, times[e], totals[e], rounds);
        }

        return 0;
    }

    /// <summary>Every query of the mix on every engine in turn, one warm-up round then <paramref name="rounds"/> timed; ms per engine and query.</summary>
    private static List<Dictionary<string, List<double>>> Time(List<ISearchIndex> indexes, int rounds, out List<Dictionary<string, long>> totals)
    {
        var times = indexes.Select(_ => Mix.ToDictionary(m => m.Query, _ => new List<double>(), StringComparer.Ordinal)).ToList();
        totals = [.. indexes.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        var queries = Mix.Select(m => (m.Query, Parsed: SearchQuery.Parse(m.Query).Query ?? throw new InvalidOperationException(m.Query))).ToList();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (text, query) in queries)
            {
                for (var e = 0; e < indexes.Count; e++)
                {
                    var watch = Stopwatch.StartNew();
                    var results = indexes[e].Search(query, new SearchPage(10, 0, facets: true));
                    var ms = watch.Elapsed.TotalMilliseconds;
                    if (round < 0)
                    {
                        totals[e][text] = results.Total; // the first round warms the caches and is not counted
                    }
                    else
                    {
                        times[e][text].Add(ms);
                    }
                }
            }
        }

        return times;
    }

    private static void Report(string engine, ISearchIndex index, Dictionary<string, List<double>> perQuery, Dictionary<string, long> totals, int rounds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{engine}: latency of Search (10 hits with snippets + facet counts), {rounds} rounds after one warm-up, ms; load average {CommandLine.LoadAverage()}"));
        Console.WriteLine($"{"",-42} {"matches",9} {"p50",7} {"p95",7} {"p99",7}");
        foreach (var (kind, text) in Mix)
        {
            var p = Percentiles(perQuery[text]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind + "  " + text,-42} {totals[text],9:N0} {p.P50,7:F1} {p.P95,7:F1} {p.P99,7:F1}"));
        }

        foreach (var kind in new[] { "thai", "english", "faceted", "all" })
        {
            var samples = Mix.Where(m => kind == "all" || m.Kind == kind).SelectMany(m => perQuery[m.Query]).ToList();
            var p = Percentiles(samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ALL " + kind,-42} {samples.Count,9} {p.P50,7:F1} {p.P95,7:F1} {p.P99,7:F1}"));
        }

        var entities = Stopwatch.StartNew();
        var found = index.FindEntities("ท่องเที่ยว").Count + index.FindEntities("creative").Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: entity search (ท่องเที่ยว, creative): {entities.Elapsed.TotalMilliseconds:F1} ms for both, {found} entities"));
    }

    private static SearchCorpusBuilder Analyse(int bases)
    {
        var watch = Stopwatch.StartNew();
        var builder = SearchCorpusBuilder.Analyse(bases);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Analysed {bases:N0} synthesized documents with the full pipeline in {watch.Elapsed.TotalSeconds:F1} s ({bases / watch.Elapsed.TotalSeconds:F0} docs/s)"));
        return builder;
    }

    private static void Build(string db, int docs, SearchCorpusBuilder builder)
    {
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
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
