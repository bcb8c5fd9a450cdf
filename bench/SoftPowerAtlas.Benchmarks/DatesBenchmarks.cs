using BenchmarkDotNet.Attributes;
using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Benchmarks;

/// <summary>
/// Dates found per second over the five seed texts: one operation reads all five documents.
/// Dates/s = DatesPerOperation / Mean (printed in the log at setup).
/// </summary>
[MemoryDiagnoser]
public class DatesBenchmarks
{
    private string[] _texts = [];

    public int DatesPerOperation { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = [.. Directory.EnumerateFiles(SeedsFolder(), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        DatesPerOperation = Find();
        Console.WriteLine($"// {_texts.Length} seed texts, {_texts.Sum(t => t.Length)} chars, {DatesPerOperation} dates per operation");
    }

    [Benchmark(Description = "Find (5 seeds)")]
    public int Find()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += DateReader.Default.Find(text).Count;
        }

        return n;
    }

    [Benchmark(Description = "Read with publication (5 seeds)")]
    public int Read()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += DateReader.Default.Read(text).Mentions.Count;
        }

        return n;
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var shared in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                var seeds = Path.Combine(shared, "corpus", "seeds");
                if (Directory.Exists(seeds))
                {
                    return seeds;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/corpus/seeds not found above " + AppContext.BaseDirectory);
    }
}
