using System.CommandLine;

namespace SoftPowerAtlas.Cli;

/// <summary>The <c>atlas</c> command tree: global options, verbs, exit codes.</summary>
public static class AtlasCommand
{
    public const int Ok = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SoftPowerAtlas: turns Thai and English press releases on soft power into a searchable, dated record.");
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(e.Message);
            }

            return UsageError;
        }

        return await parse.InvokeAsync();
    }
}
