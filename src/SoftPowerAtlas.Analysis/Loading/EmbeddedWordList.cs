using System.Collections.Frozen;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>Reads a word list shipped as an embedded data file: one entry a line, <c>#</c> comments, blank lines skipped.</summary>
internal static class EmbeddedWordList
{
    public static IReadOnlyList<string> Lines(string resourceName)
    {
        var assembly = typeof(EmbeddedWordList).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded data file {resourceName} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }

    /// <summary>Rows of a tab-separated data file, header row skipped.</summary>
    public static IReadOnlyList<string[]> Rows(string resourceName) =>
        [.. Lines(resourceName).Skip(1).Select(l => l.Split('\t'))];

    public static FrozenSet<string> Load(string resourceName) =>
        Lines(resourceName).Select(l => l.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
}
