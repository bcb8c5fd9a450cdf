using System.Text.Json;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

/// <summary>The real pages in shared/corpus/seeds, found by walking up from the test binaries.</summary>
internal static class Seeds
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Directory => Folder.Value;

    public static string PathOf(string file) => Path.Combine(Directory, file);

    public static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Gold values for a seed: (published, source_url).</summary>
    public static (string? Published, string? SourceUrl) Gold(string file)
    {
        var gold = Path.ChangeExtension(PathOf(file), null) + ".gold.json";
        using var json = JsonDocument.Parse(File.ReadAllText(gold));
        return (Get("published"), Get("source_url"));

        string? Get(string name) =>
            json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "seeds");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"no shared/corpus/seeds folder above {AppContext.BaseDirectory}: the seed tests need the shared corpus checked out beside the repository");
    }
}
