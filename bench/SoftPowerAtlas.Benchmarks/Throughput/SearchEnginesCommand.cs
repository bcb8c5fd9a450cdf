using System.Diagnostics;
using System.Globalization;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>search-engines --docs N --db PATH --postgres URL [--bases B] [--rounds R]</c>: the query mix of
/// <see cref="SearchCommand"/> on the SQLite file that command built (N documents) and on the same N
/// documents in a PostgreSQL database (built there when it holds another number), query by query in
/// turn so load changes hit both alike. SQLite is the baseline, timed with no clause sets held (one
/// FTS5 pass per query: what a query never seen costs).
/// </summary>
internal static class SearchEnginesCommand
{
    public static int Run(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 10_000);
        var bases = Math.Min(docs, CommandLine.Int(args, "--bases", 3_000));
        var rounds = CommandLine.Int(args, "--rounds", 20);
        var db = CommandLine.Value(args, "--db") ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"spa-search-{docs}.db"));
        var postgres = CommandLine.Value(args, "--postgres");
        if (postgres is null || !File.Exists(db))
        {
            Console.Error.WriteLine($"search-engines needs --postgres URL and a SQLite file of {docs:N0} documents at --db (build it with: search --docs {docs} --db {db})");
            return 2;
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average {CommandLine.LoadAverage()}");
        using var store = SqliteAtlasStore.Open(db, textServices);
        using var server = PostgresSearchCorpus.OpenOrBuild(postgres, docs, textServices, () => SearchCorpusBuilder.Analyse(bases, textServices));
        Console.WriteLine(PostgresSearchCorpus.Size(postgres, docs));
        var engines = new List<(string Name, ISearchIndex Index)>
        {
            ("sqlite (one FTS5 pass per query)", new SqliteSearchIndex(store, clauseBudgetBytes: 0)),
            ("postgres", SearchIndexes.For(server)),
        };

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
        var mix = SearchCommand.Mix;
        var times = indexes.Select(_ => mix.ToDictionary(m => m.Query, _ => new List<double>(), StringComparer.Ordinal)).ToList();
        totals = [.. indexes.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        var queries = mix.Select(m => (m.Query, Parsed: SearchQuery.Parse(m.Query).Query ?? throw new InvalidOperationException(m.Query))).ToList();
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
        foreach (var (kind, text) in SearchCommand.Mix)
        {
            var p = SearchCommand.Percentiles(perQuery[text]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind + "  " + text,-42} {totals[text],9:N0} {p.P50,7:F1} {p.P95,7:F1} {p.P99,7:F1}"));
        }

        foreach (var kind in new[] { "thai", "english", "faceted", "all" })
        {
            var samples = SearchCommand.Mix.Where(m => kind == "all" || m.Kind == kind).SelectMany(m => perQuery[m.Query]).ToList();
            var p = SearchCommand.Percentiles(samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ALL " + kind,-42} {samples.Count,9} {p.P50,7:F1} {p.P95,7:F1} {p.P99,7:F1}"));
        }

        var entities = Stopwatch.StartNew();
        var found = index.FindEntities("ท่องเที่ยว").Count + index.FindEntities("creative").Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: entity search (ท่องเที่ยว, creative): {entities.Elapsed.TotalMilliseconds:F1} ms for both, {found} entities"));
    }
}
