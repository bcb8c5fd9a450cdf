using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>What one run of the command printed and returned.</summary>
internal sealed record AtlasRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- err ---\n{Error}";
}

/// <summary>Runs <c>atlas</c> in process through <see cref="AtlasCommand.RunAsync"/>, capturing both streams.</summary>
internal static partial class Atlas
{
    public static Task<AtlasRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs with <paramref name="clock"/> as "now" (due dates, marks); the system clock when null.</summary>
    public static async Task<AtlasRun> RunAsync(TimeProvider? clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AtlasCommand.RunAsync(args, output, error, default, clock, TestText.Shared);
        return new AtlasRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Ingests files of <c>tests/corpus/FOLDER</c> into <paramref name="db"/> one run each, in the order given (their ids follow it).</summary>
    public static async Task IngestEachAsync(string db, string folder, params string[] names)
    {
        foreach (var name in names)
        {
            var run = await RunAsync("--db", db, "ingest", "-q", Path.Combine(RepoPaths.Root, "tests", "corpus", folder, name));
            Xunit.Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        }
    }

    /// <summary>The id ingest printed for the input whose path ends with <paramref name="fileName"/>.</summary>
    public static long IdOf(AtlasRun ingest, string fileName)
    {
        foreach (Match m in StoredLine().Matches(ingest.Out))
        {
            if (m.Groups["path"].Value.TrimEnd().EndsWith(fileName, StringComparison.Ordinal))
            {
                return long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"ingest printed no id for {fileName}:\n{ingest}");
    }

    [GeneratedRegex(@"^\s+stored\s+#(?<id>\d+)\s+(?<path>.+)$", RegexOptions.Multiline)]
    private static partial Regex StoredLine();
}
