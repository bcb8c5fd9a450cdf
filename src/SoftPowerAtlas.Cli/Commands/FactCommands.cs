using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary>What the verbs over stored facts share: opening the store, the filter options, printing a fact's source.</summary>
internal static class FactCommands
{
    /// <summary>
    /// Opens the store, resolves <paramref name="request"/> against it and runs <paramref name="work"/> with the
    /// filter; writes why not (no database, an unknown subject with suggestions, a store failure) and returns
    /// the exit code it deserves. What <c>timeline</c>, <c>due</c> and <c>export</c> share.
    /// </summary>
    public static int WithFilter(string dbPath, CliConsole console, FilterRequest request, Func<IAtlasStore, FactFilter, int> work, TimeProvider? clock = null)
    {
        using var store = CommandHelpers.OpenStore(dbPath, console, clock);
        if (store is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            var resolved = FactFilters.Resolve(request, new SubjectResolver(store));
            return resolved.Filter is null
                ? Fail(console, resolved.Error!, resolved.NotFound, resolved.Suggestions)
                : work(store, resolved.Filter);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    /// <summary>Values of a repeatable option, also split on commas: --country FR,JP or --country FR --country JP.</summary>
    public static IReadOnlyList<string> Values(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Writes a filter or subject error with its suggestions; returns the exit code it deserves.</summary>
    public static int Fail(CliConsole console, string error, bool notFound, IReadOnlyList<string> suggestions)
    {
        console.Error.WriteLine($"atlas: {error}");
        if (suggestions.Count > 0)
        {
            console.Error.WriteLine($"  did you mean: {string.Join("; ", suggestions)}");
        }

        return notFound ? AtlasCommand.SomeInputsFailed : AtlasCommand.UsageError;
    }

    /// <summary>"doc #12 samples/x.txt [2609..3002] https://…": enough to open the passage again.</summary>
    public static string Describe(SourceRef s) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"doc #{s.DocumentId} {s.Path} [{s.Start}..{s.End}]{(s.Url is null ? string.Empty : " " + s.Url)}");

    /// <summary>A passage on one line, shortened to about <paramref name="max"/> characters without cutting a surrogate pair.</summary>
    public static string OneLine(string text, int max = 240)
    {
        var line = CommitmentKey.Normalize(text);
        if (line.Length <= max)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[max - 1]) ? max - 1 : max;
        return line[..cut] + "…";
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="outPath"/> (UTF-8, BOM as asked) or to standard output.</summary>
    public static int WriteOut(CliConsole console, string? outPath, string text, bool bom = false)
    {
        if (outPath is null or "-")
        {
            console.Out.Write(text);
            return AtlasCommand.Ok;
        }

        try
        {
            var full = Path.GetFullPath(outPath);
            if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            // Written beside, then moved: a failed write never leaves half a file under the name asked for.
            var temp = full + ".tmp";
            File.WriteAllText(temp, text, new System.Text.UTF8Encoding(bom));
            File.Move(temp, full, overwrite: true);
            console.Error.WriteLine($"atlas: wrote {full}");
            return AtlasCommand.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"atlas: cannot write {outPath}: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }
}
