namespace SoftPowerAtlas.Analysis.Tests.Dates;

/// <summary>Finds shared/corpus/seeds by walking up from the test's base directory.</summary>
internal static class SeedCorpus
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                var seeds = Path.Combine(candidate, "corpus", "seeds");
                if (Directory.Exists(seeds))
                {
                    return Path.GetFullPath(seeds);
                }
            }
        }

        throw new DirectoryNotFoundException(
            "shared/corpus/seeds not found above " + AppContext.BaseDirectory +
            ": the repository must sit beside the shared folder (e.g. /work/main with /work/shared).");
    }

    public static IEnumerable<string> TextFiles() =>
        Directory.EnumerateFiles(Folder(), "*.txt").Order(StringComparer.Ordinal);
}
