using System.Globalization;
using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>Many distinct documents made from the samples, for tests that need a long ingest.</summary>
internal static partial class VariedCorpus
{
    /// <summary>
    /// <paramref name="copies"/> variants of every sample, each with one number in its longest body
    /// line changed, so none is an exact duplicate of another, spread over ten subfolders; returns
    /// how many files it wrote.
    /// </summary>
    public static int Write(string folder, int copies)
    {
        var written = 0;
        for (var shard = 0; shard < 10; shard++)
        {
            Directory.CreateDirectory(Path.Combine(folder, shard.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var sample in Directory.GetFiles(RepoPaths.Samples).Where(f => Path.GetExtension(f) is ".txt" or ".md" or ".html"))
        {
            var lines = File.ReadAllLines(sample);
            var html = Path.GetExtension(sample) == ".html";
            var body = Array.IndexOf(lines, lines.Where(l => !html || l.TrimStart().StartsWith("<p", StringComparison.Ordinal)).MaxBy(l => l.Length));
            var number = Number().Match(lines[body]);
            for (var copy = 1; copy <= copies; copy++)
            {
                var varied = (string[])lines.Clone();
                var value = (copy * 7).ToString(CultureInfo.InvariantCulture);
                varied[body] = number.Success
                    ? string.Concat(lines[body].AsSpan(0, number.Index), value, lines[body].AsSpan(number.Index + number.Length))
                    : value + " " + lines[body];
                var name = string.Create(CultureInfo.InvariantCulture, $"{copy:D3}_{Path.GetFileName(sample)}");
                File.WriteAllLines(Path.Combine(folder, (copy % 10).ToString(CultureInfo.InvariantCulture), name), varied);
                written++;
            }
        }

        return written;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
