using System.Collections.Frozen;

namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// Every label of the user interface in English and Thai, read from the embedded
/// <c>Localization/Data/labels.tsv</c> (key, English, Thai). Both languages are required for every key.
/// </summary>
public sealed class UiLabels
{
    private static readonly Lazy<UiLabels> LazyDefault = new(Load);

    private readonly FrozenDictionary<string, (string En, string Th)> _labels;

    private UiLabels(FrozenDictionary<string, (string En, string Th)> labels) => _labels = labels;

    /// <summary>The languages the interface speaks, first the default (Thai: the users are Thai officers).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["th", "en"];

    public static UiLabels Default => LazyDefault.Value;

    public IEnumerable<string> Keys => _labels.Keys;

    /// <summary>The label of <paramref name="key"/> in <paramref name="language"/>; a missing key shows as <c>[key]</c>.</summary>
    public string Get(string key, string language) =>
        _labels.TryGetValue(key, out var label) ? (language == "th" ? label.Th : label.En) : $"[{key}]";

    public bool Contains(string key) => _labels.ContainsKey(key);

    /// <summary>Parses the label table; a row without both languages is a defect of the file.</summary>
    public static UiLabels Parse(TextReader reader, string name)
    {
        var labels = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (number, cells) in TableRows.Read(reader, name, 3, "key, English and Thai separated by tabs"))
        {
            if (!labels.TryAdd(cells[0], (cells[1], cells[2])))
            {
                throw new InvalidDataException($"{name}:{number}: key '{cells[0]}' is defined twice");
            }
        }

        return new UiLabels(labels.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static UiLabels Load()
    {
        const string name = "labels.tsv";
        using var reader = TableRows.Embedded(name);
        return Parse(reader, name);
    }
}
