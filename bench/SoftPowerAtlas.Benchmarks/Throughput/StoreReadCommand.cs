using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>store-read --db FILE [--passes 3]</c>: what packing a store's texts (migration 16) costs its
/// readers. Copies the SQLite store, unpacks every row of the copy back into its plain columns (as
/// rows stored before packing are) and vacuums both; then, alternating the two files in each pass,
/// reads every document whole (<c>GetDocument</c>: original, cleaned text and facts) and runs a set of
/// searches (each hit's snippet reads its cleaned text). Prints sizes, documents/s, searches/s and
/// packed ÷ plain.
/// </summary>
internal static class StoreReadCommand
{
    private static readonly string[] Queries = ["ภาพยนตร์", "ซอฟต์พาวเวอร์", "festival", "\"creative economy\"", "อาหาร AND ฝรั่งเศส", "music OR ดนตรี", "agency:อพท.", "country:JP"];

    public static int Run(string[] args, TextServices textServices)
    {
        if (CommandLine.Value(args, "--db") is not { } packed)
        {
            Console.Error.WriteLine("usage: store-read --db FILE [--passes 3]");
            return 2;
        }

        var passes = CommandLine.Int(args, "--passes", 3);
        var plain = Path.Combine(Path.GetTempPath(), $"store-read-plain-{Environment.ProcessId}.db");
        try
        {
            File.Copy(packed, plain, overwrite: true);
            Unpack(plain);
            Vacuum(packed);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average {CommandLine.LoadAverage()}");
            Console.WriteLine($"packed {new FileInfo(packed).Length / 1e6:F1} MB, plain {new FileInfo(plain).Length / 1e6:F1} MB");
            Console.WriteLine();
            Console.WriteLine("| pass | store | documents/s | searches/s |");
            Console.WriteLine("|---:|---|---:|---:|");
            var rates = new Dictionary<string, List<(double Docs, double Searches)>> { ["packed"] = [], ["plain"] = [] };
            for (var pass = 0; pass <= passes; pass++)
            {
                foreach (var (name, file) in pass % 2 == 0 ? [("packed", packed), ("plain", plain)] : new[] { ("plain", plain), ("packed", packed) })
                {
                    var rate = Measure(file, textServices);
                    if (pass > 0) // pass 0 warms both files and the JIT
                    {
                        rates[name].Add(rate);
                        Console.WriteLine($"| {pass} | {name} | {rate.Docs:F0} | {rate.Searches:F1} |");
                    }
                }
            }

            double Median(IEnumerable<double> xs) => xs.Order().ElementAt(passes / 2);
            Console.WriteLine();
            Console.WriteLine($"median packed ÷ plain: documents {Median(rates["packed"].Select(r => r.Docs)) / Median(rates["plain"].Select(r => r.Docs)):F2}, " +
                $"searches {Median(rates["packed"].Select(r => r.Searches)) / Median(rates["plain"].Select(r => r.Searches)):F2}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(plain);
        }
    }

    private static (double Docs, double Searches) Measure(string file, TextServices textServices)
    {
        using var store = SqliteAtlasStore.Open(file, textServices);
        var index = new SqliteSearchIndex(store);
        var ids = new List<long>();
        for (var offset = 0; ; offset += 500)
        {
            var page = store.ListDocuments(500, offset);
            if (page.Count == 0)
            {
                break;
            }

            ids.AddRange(page.Select(d => d.Id));
        }

        var clock = Stopwatch.StartNew();
        var chars = 0L;
        foreach (var id in ids)
        {
            var document = store.GetDocument(id)!;
            chars += document.OriginalText.Length + document.CleanText.Length + (document.FactsJson?.Length ?? 0);
        }

        var docs = ids.Count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        var searches = 0;
        while (clock.Elapsed.TotalSeconds < 2 || searches < Queries.Length)
        {
            var query = SearchQuery.Parse(Queries[searches % Queries.Length]).Query!;
            chars += index.Search(query, new SearchPage(10, 0, facets: false)).Hits.Sum(h => h.Snippet.Text.Length);
            searches++;
        }

        GC.KeepAlive(chars);
        return (docs, searches / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every row of the copy back in its plain columns, as a store from before migration 16 keeps them.</summary>
    private static void Unpack(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        connection.CreateFunction<byte[]?, string?>("atlas_unpack", b => b is null ? null : PackedText.Unpack(b), isDeterministic: true);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE documents SET original_text = atlas_unpack(original_packed), original_packed = NULL,
                clean_text = atlas_unpack(clean_packed), clean_packed = NULL,
                facts_json = atlas_unpack(facts_packed), facts_packed = NULL
            WHERE original_packed IS NOT NULL;
            VACUUM;
            """;
        command.ExecuteNonQuery();
    }

    private static void Vacuum(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM";
        command.ExecuteNonQuery();
    }
}
