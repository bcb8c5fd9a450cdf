using System.Reflection;

namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// The rows of the web app's tab-separated tables (<c>labels.tsv</c>, <c>store-messages.tsv</c>): blank
/// lines and <c>#</c> comments skipped; a row with another number of cells, or an empty one, is a defect
/// of the file, reported with its name and line.
/// </summary>
internal static class TableRows
{
    public static IEnumerable<(int Line, string[] Cells)> Read(TextReader reader, string name, int columns, string expected)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != columns || cells.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"{name}:{number}: expected {expected}");
            }

            yield return (number, cells);
        }
    }

    /// <summary>A table embedded in this assembly under <paramref name="name"/>.</summary>
    public static StreamReader Embedded(string name) =>
        new(Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build"));
}
