using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>fts5-counts --db PATH [--rounds R]</c>: what FTS5 alone costs for the FTS5 expressions of
/// <see cref="SearchCommand"/>'s mix and for each of their phrases (the IDF counts), with no C# function
/// and no facets. Each is counted three ways, alternated round by round so that the machine's changes of
/// speed hit all three alike: <c>count(*)</c> of the MATCH; the same with a rowid range covering every
/// row (what a split read adds); and two halves of the ids on two connections at once (the split read of
/// <see cref="Bm25Inputs"/>). Prints the median ms of each and the ratios to the first.
/// </summary>
internal static class Fts5CountsCommand
{
    private const string Whole = "SELECT count(*) FROM document_text WHERE document_text MATCH $match";
    private const string Bounded = Whole + " AND rowid >= $from AND rowid < $below";

    public static int Run(string[] args, TextServices textServices)
    {
        var db = CommandLine.ExistingDatabase(args, "--db");
        var rounds = Math.Max(1, CommandLine.Int(args, "--rounds", 15));
        Console.WriteLine($"fts5-counts {db}; {rounds} rounds; load average {CommandLine.LoadAverage()}");
        using var store = SqliteAtlasStore.Open(db, textServices);
        using var first = store.OpenConnection();
        using var second = store.OpenConnection();
        var middle = Middle(first);
        var expressions = SearchCommand.Mix
            .Select(m => Fts5Match.From(SearchQuery.Parse(m.Query).Query!, store.SearchText))
            .Where(m => m.Expression is not null)
            .SelectMany(m => new[] { m.Expression! }.Concat(m.Phrases))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Console.WriteLine($"{"expression",-52} {"matches",8} {"whole",7} {"bounded",8} {"halves",7} {"b/w",5} {"h/w",5}");
        foreach (var expression in expressions)
        {
            var whole = new List<double>();
            var bounded = new List<double>();
            var halves = new List<double>();
            var matches = Count(first, Whole, expression);
            for (var round = 0; round < rounds; round++)
            {
                whole.Add(Time(() => Count(first, Whole, expression), matches));
                bounded.Add(Time(() => Count(first, Bounded, expression, long.MinValue, long.MaxValue), matches));
                halves.Add(Time(
                    () =>
                    {
                        var upper = Task.Run(() => Count(second, Bounded, expression, middle, long.MaxValue));
                        return Count(first, Bounded, expression, long.MinValue, middle) + upper.GetAwaiter().GetResult();
                    },
                    matches));
            }

            var (w, b, h) = (Spread.Of(whole).Median, Spread.Of(bounded).Median, Spread.Of(halves).Median);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Shorten(expression),-52} {matches,8:N0} {w,7:F1} {b,8:F1} {h,7:F1} {b / w,5:F2} {h / w,5:F2}"));
        }

        Console.WriteLine($"load average {CommandLine.LoadAverage()}");
        return 0;
    }

    /// <summary>The id at the middle of the documents, where the split read divides them.</summary>
    private static long Middle(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM documents)";
        return command.ExecuteScalar() is long id ? id : 0;
    }

    private static long Count(SqliteConnection connection, string sql, string expression, long from = 0, long below = 0)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$match", expression);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$below", below);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Milliseconds one count took; a count that differs from the whole one is a fault of the benchmark.</summary>
    private static double Time(Func<long> count, long expected)
    {
        var watch = Stopwatch.StartNew();
        var got = count();
        var ms = watch.Elapsed.TotalMilliseconds;
        return got == expected ? ms : throw new InvalidOperationException($"counted {got} rows where the whole MATCH counts {expected}");
    }

    private static string Shorten(string expression) => expression.Length <= 52 ? expression : expression[..49] + "...";
}
