using System.Globalization;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>The few <c>--name value</c> options the throughput commands take.</summary>
internal static class CommandLine
{
    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;

    /// <summary>
    /// The path given as <paramref name="name"/>, which must name a database that exists: opening a
    /// mistyped path would create an empty store and measure nothing.
    /// </summary>
    public static string ExistingDatabase(string[] args, string name)
    {
        var path = Value(args, name) ?? throw new ArgumentException($"{name} PATH is required");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name} {path}: no such database; build one with `search --docs N --db {path}`", path);
    }

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine they say how far to trust a figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>Min, median and mean of repeated measurements: the machine is shared, so a mean alone misleads.</summary>
internal readonly record struct Spread(double Min, double Median, double Mean, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return default;
        }

        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(sorted[0], median, sorted.Average(), sorted[^1]);
    }
}
