using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Storage.Ingest;

/// <summary>One thing to ingest: a file, standard input ("-"), or a path that could not be read.</summary>
public sealed record IngestInput(string Path, string? Problem = null)
{
    public bool IsStandardInput => Path == "-";
}

/// <summary>
/// Expands the paths a user gave into files: folders recursively (files of unknown types inside a
/// folder are passed over; named explicitly they are an error), missing paths and unreadable folders
/// as inputs with a problem, so the batch goes on and the summary names them.
/// </summary>
public static class InputWalker
{
    public static IEnumerable<IngestInput> Expand(IEnumerable<string> paths)
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
                    ? new IngestInput(path, "not a supported document type (use .txt, .md, .html or .htm)")
                    : new IngestInput(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var input in Walk(path))
                {
                    yield return input;
                }
            }
            else
            {
                yield return new IngestInput(path, "no such file or folder");
            }
        }
    }

    private static IEnumerable<IngestInput> Walk(string root)
    {
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
                if (DocumentLoader.FormatOf(file) is not null)
                {
                    yield return new IngestInput(file);
                }
            }

            Array.Sort(folders, StringComparer.Ordinal);
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                if (!Path.GetFileName(folders[i]).StartsWith('.'))
                {
                    pending.Push(folders[i]);
                }
            }
        }
    }
}
