using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Storage.Ingest;

/// <summary>One thing to ingest: a file, standard input ("-"), or a path that could not be read.</summary>
public sealed record IngestInput(string Path, string? Problem = null)
{
    public bool IsStandardInput => Path == "-";
}

/// <summary>
/// Expands the paths a user gave into files: folders recursively (files of unknown types inside a
/// folder are passed over, and listed for the summary when asked; named
/// explicitly they are an error), missing paths and unreadable folders
/// as inputs with a problem, so the batch goes on and the summary names them. Inside a folder, links
/// are followed only to files and folders inside it (each folder read once, so a loop of links ends),
/// and a pipe or device is not opened.
/// </summary>
public static class InputWalker
{
    /// <param name="paths">Files, folders and "-" as the user gave them.</param>
    /// <param name="passedOver">When given, receives each file inside a folder that is not a type atlas reads (README.txt is read; a.gold.json, a.zip are not).</param>
    public static IEnumerable<IngestInput> Expand(IEnumerable<string> paths, ICollection<string>? passedOver = null)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return new IngestInput("-");
            }
            else if (File.Exists(path))
            {
                yield return DocumentLoader.FormatOf(path) is null
                    ? new IngestInput(path, $"not a supported document type (use {DocumentLoader.ReadableExtensions})")
                    : new IngestInput(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var input in Walk(path, passedOver))
                {
                    yield return input;
                }
            }
            else
            {
                yield return new IngestInput(path, path.Contains('\uFFFD', StringComparison.Ordinal) ? DocumentLoader.MissingReason(path) : "no such file or folder");
            }
        }
    }

    private static IEnumerable<IngestInput> Walk(string root, ICollection<string>? passedOver)
    {
        var top = Path.GetFullPath(root);
        var roots = new List<string> { top };
        if (RealPath(new DirectoryInfo(top)) is { } real && real != top)
        {
            roots.Add(real);
        }

        var outside = new List<IngestInput>();
        var seenFolders = new HashSet<string>(StringComparer.Ordinal) { roots[^1] };
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            string[] files, folders;
            string? problem = null;
            try
            {
                files = Directory.GetFiles(folder);
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                files = [];
                folders = [];
                problem = $"folder cannot be read ({e.Message})";
            }

            if (problem is not null)
            {
                yield return new IngestInput(folder, problem);
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (DocumentLoader.FormatOf(file) is null)
                {
                    // Hidden files (.gitattributes, .DS_Store) are the system's, not the user's: passed over in silence.
                    if (!Path.GetFileName(file).StartsWith('.'))
                    {
                        passedOver?.Add(file);
                    }

                    continue;
                }

                var info = new FileInfo(file);
                var target = RealPath(info);
                if (target is null || !Inside(target, roots))
                {
                    yield return new IngestInput(file, OutsideProblem(info, roots[0]));
                }
                else if (seenFiles.Add(target))
                {
                    // A pipe, socket or device lists as a file of 0 bytes; opening a pipe would wait for a writer forever.
                    yield return info.Exists && info.Length == 0
                        ? new IngestInput(file, "is empty (0 bytes) or not a regular file (a pipe or a device); not read")
                        : new IngestInput(file);
                }
            }

            Array.Sort(folders, StringComparer.Ordinal);
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                if (Path.GetFileName(folders[i]).StartsWith('.'))
                {
                    continue;
                }

                var info = new DirectoryInfo(folders[i]);
                var target = RealPath(info);
                if (target is null || !Inside(target, roots))
                {
                    outside.Add(new IngestInput(folders[i], OutsideProblem(info, roots[0])));
                }
                else if (seenFolders.Add(target))
                {
                    pending.Push(folders[i]);
                }
            }

            outside.Reverse();
            foreach (var link in outside)
            {
                yield return link;
            }

            outside.Clear();
        }
    }

    /// <summary>
    /// One line for the end of a run: how many files were passed over, by extension, and the first few
    /// names ("passed over 2 files atlas does not read (.json, .png): a.gold.json, b.png"); null for none.
    /// </summary>
    public static string? DescribePassedOver(IReadOnlyCollection<string> passedOver, int names = 5)
    {
        ArgumentNullException.ThrowIfNull(passedOver);
        if (passedOver.Count == 0)
        {
            return null;
        }

        var kinds = passedOver.Select(p => Path.GetExtension(p) is { Length: > 0 } e ? e.ToLowerInvariant() : "no extension")
            .GroupBy(e => e, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        var shown = string.Join(", ", passedOver.Take(names).Select(Path.GetFileName));
        var more = passedOver.Count > names ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" and {passedOver.Count - names} more") : string.Empty;
        var files = passedOver.Count == 1 ? "1 file" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{passedOver.Count} files");
        return $"passed over {files} atlas does not read ({string.Join(", ", kinds)}; it reads {DocumentLoader.ReadableExtensions}): {shown}{more}";
    }

    /// <summary>The path with a link at its end followed to the final target; null when the links loop or cannot be read.</summary>
    private static string? RealPath(FileSystemInfo info)
    {
        if (info.LinkTarget is null)
        {
            return Path.GetFullPath(info.FullName);
        }

        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Inside(string path, List<string> roots) =>
        roots.Any(root => path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string OutsideProblem(FileSystemInfo link, string root) => RealPath(link) is { } target
        ? $"is a link to {target}, outside {root}; not followed"
        : "is a link that cannot be followed (a loop of links, or unreadable); not followed";
}
