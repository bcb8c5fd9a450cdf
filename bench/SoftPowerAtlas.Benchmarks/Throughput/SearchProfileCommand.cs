using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>search-profile --db PATH [--rounds R]</c>: where a search's time goes, per query of the mix of
/// <see cref="SearchCommand"/>, on an existing database: the FTS5 scan reading ids only, the same scan
/// with bm25(), the same scores from <see cref="Bm25Inputs"/> (the C# auxiliary function, row sizes from the
/// snapshot, phrase counts not yet known), facet counting over those ids (on the in-memory snapshot), and the
/// whole <see cref="SqliteSearchIndex.Search"/> on an index that keeps its clause sets (median ms over R rounds after one warm-up).
/// </summary>
internal static class SearchProfileCommand
{
    public static int Run(string[] args, TextServices textServices)
    {
        var db = CommandLine.ExistingDatabase(args, "--db");
        var rounds = CommandLine.Int(args, "--rounds", 5);
        Console.WriteLine($"search-profile {db}; load average {CommandLine.LoadAverage()}");
        using var store = SqliteAtlasStore.Open(db, textServices);
        var index = new SqliteSearchIndex(store);
        using var connection = store.OpenConnection();
        var memory = new SearchMemory(0);
        TermIndex? termIndex;
        using (var transaction = connection.BeginTransaction(deferred: true))
        {
            var watch = Stopwatch.StartNew();
            var snapshot = memory.Snapshot(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"snapshot {watch.Elapsed.TotalMilliseconds:F0} ms"));
            watch.Restart();
            memory.BuildTerms(snapshot, store.OpenConnection, TermIndex.DefaultBudgetBytes).GetAwaiter().GetResult();
            termIndex = memory.Terms(snapshot);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"term index {watch.Elapsed.TotalMilliseconds:F0} ms, {memory.TermBytes / 1e6:F1} MB {memory.TermsFailure}"));
        }

        using var tokenizer = Fts5Tokenizer.Open(connection)!;
        Console.WriteLine($"{"query",-40} {"matches",8} {"ids",7} {"+bm25",7} {"inputs",7} {"terms",7} {"facets",7} {"Search",7}  expression");
        foreach (var (_, text) in SearchCommand.Mix)
        {
            var query = SearchQuery.Parse(text).Query!;
            var expression = Fts5Match.From(query, store.SearchText).Expression;
            var ids = new List<double>();
            var bm25 = new List<double>();
            var inputs = new List<double>();
            var terms = new List<double>();
            var facets = new List<double>();
            var search = new List<double>();
            long matches = 0;
            for (var round = -1; round < rounds; round++)
            {
                var found = new List<long>();
                if (expression is not null)
                {
                    ids.Add(Time(() => found = Scan(connection, expression, rank: false)));
                    bm25.Add(Time(() => Scan(connection, expression, rank: true)));
                }

                using (var transaction = connection.BeginTransaction(deferred: true))
                {
                    var snapshot = memory.Snapshot(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
                    if (expression is not null)
                    {
                        var match = Fts5Match.From(query, store.SearchText);
                        snapshot.PhraseDocuments.Clear();
                        inputs.Add(Time(() => Bm25Inputs.Read(connection, transaction, snapshot, expression, match.Phrases)));
                        snapshot.PhraseDocuments.Clear();
                        terms.Add(Time(() => termIndex?.Read(snapshot, match, tokenizer)));
                    }

                    facets.Add(Time(() =>
                    {
                        var counts = new int[snapshot.Values.Length];
                        foreach (var id in found)
                        {
                            if (snapshot.Slot(id) is var slot and >= 0)
                            {
                                snapshot.CountFacets(slot, counts);
                            }
                        }
                    }));
                }

                search.Add(Time(() => matches = index.Search(query, new SearchPage(10, 0, facets: true)).Total));
                if (round < 0)
                {
                    ids.Clear();
                    bm25.Clear();
                    inputs.Clear();
                    terms.Clear();
                    facets.Clear();
                    search.Clear();
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{text,-40} {matches,8:N0} {Median(ids),7:F1} {Median(bm25),7:F1} {Median(inputs),7:F1} {Median(terms),7:F1} {Median(facets),7:F1} {Median(search),7:F1}  {expression}"));
        }

        Console.WriteLine($"load average {CommandLine.LoadAverage()}");
        return 0;
    }

    private static List<long> Scan(SqliteConnection connection, string expression, bool rank)
    {
        using var command = connection.CreateCommand();
        command.CommandText = rank
            ? "SELECT t.rowid, bm25(document_text, 4.0, 1.0) FROM document_text t WHERE document_text MATCH $m"
            : "SELECT t.rowid FROM document_text t WHERE document_text MATCH $m";
        command.Parameters.AddWithValue("$m", expression);
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
            if (rank)
            {
                _ = reader.GetDouble(1);
            }
        }

        return ids;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : Spread.Of(values).Median;
}
