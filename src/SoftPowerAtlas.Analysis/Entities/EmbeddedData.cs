namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>Reads the small word lists embedded beside the code (one entry a line, # comments).</summary>
internal static class EmbeddedData
{
    public static IReadOnlyList<string> Lines(string resourceName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource '{resourceName}' is missing from {assembly.GetName().Name}");
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

    /// <summary>Rows of a tab-separated file, header row skipped.</summary>
    public static IReadOnlyList<string[]> Rows(string resourceName) =>
        [.. Lines(resourceName).Skip(1).Select(l => l.Split('\t'))];
}
