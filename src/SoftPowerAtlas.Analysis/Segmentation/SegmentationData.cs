namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>Reads the word lists embedded from <c>Segmentation/Data</c>.</summary>
internal static class SegmentationData
{
    /// <summary>Non-blank lines of an embedded list, trimmed, without <c>#</c> comment lines.</summary>
    public static IEnumerable<string> ReadLines(string fileName)
    {
        var assembly = typeof(SegmentationData).Assembly;
        var wanted = "Segmentation/Data/" + fileName;

        // The logical name carries the folder with the build machine's separator.
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('\\', '/').Equals(wanted, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded resource {wanted} is missing from {assembly.GetName().Name}");

        using var stream = assembly.GetManifestResourceStream(name)!; // listed just above, so present
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                yield return trimmed;
            }
        }
    }
}
