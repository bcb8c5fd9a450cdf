namespace SoftPowerAtlas.Benchmarks.Corpus;

/// <summary>Finds the repository's samples and the shared seed pages by walking up from the working directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The demo documents: <c>samples/</c> beside <c>SoftPowerAtlas.slnx</c>.</summary>
    public static string Samples() => Find(dir => Path.Combine(dir, "samples"), dir => File.Exists(Path.Combine(dir, "SoftPowerAtlas.slnx")), "samples/ beside SoftPowerAtlas.slnx");

    /// <summary>The real seed pages: <c>corpus/seeds</c> or <c>shared/corpus/seeds</c> in a folder above.</summary>
    public static string Seeds()
    {
        foreach (var relative in (string[])[Path.Combine("corpus", "seeds"), Path.Combine("shared", "corpus", "seeds")])
        {
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"no corpus/seeds or shared/corpus/seeds above {Directory.GetCurrentDirectory()}");
    }

    private static string Find(Func<string, string> target, Func<string, bool> isRoot, string what)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (isRoot(dir.FullName) && Directory.Exists(target(dir.FullName)))
            {
                return target(dir.FullName);
            }
        }

        throw new DirectoryNotFoundException($"no {what} above {Directory.GetCurrentDirectory()}");
    }
}
