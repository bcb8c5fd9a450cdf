namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>Folders the tests read: the repository's samples and extra corpus, and the shared seeds beside it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootFolder = new(() => FindUp("SoftPowerAtlas.slnx", file: true)
        ?? throw new InvalidOperationException($"no SoftPowerAtlas.slnx above {AppContext.BaseDirectory}: run the tests from a checkout of the repository"));

    private static readonly Lazy<string> SharedFolder = new(() => FindUp(Path.Combine("shared", "corpus", "seeds"), file: false) is { } above
        ? Path.Combine(above, "shared")
        : throw new InvalidOperationException(
            $"no shared/corpus/seeds folder above {AppContext.BaseDirectory}: the CLI tests need the shared corpus checked out beside the repository (../shared)"));

    public static string Root => RootFolder.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Extra => Path.Combine(Root, "tests", "corpus", "extra");

    public static string Seeds => Path.Combine(SharedFolder.Value, "corpus", "seeds");

    /// <summary>The annotated real pages (<c>shared/corpus/real</c>) and linked groups (<c>shared/corpus/linked</c>).</summary>
    public static string Real => Path.Combine(SharedFolder.Value, "corpus", "real");

    public static string Linked => Path.Combine(SharedFolder.Value, "corpus", "linked");

    public static string ScorePy => Path.Combine(SharedFolder.Value, "eval", "score.py");

    public static string Seed(string prefix) =>
        Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    /// <summary>The built <c>atlas.dll</c> copied beside the test assembly.</summary>
    public static string AtlasDll => Path.Combine(AppContext.BaseDirectory, "atlas.dll");

    /// <summary>The folder above the test binaries that holds <paramref name="relative"/>, or null.</summary>
    private static string? FindUp(string relative, bool file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (file ? File.Exists(candidate) : Directory.Exists(candidate))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
