using System.ComponentModel;
using System.Diagnostics;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Evaluation;

/// <summary><c>atlas eval</c> prints what <c>shared/eval/score.py</c> prints for the same predictions, line for line.</summary>
public sealed class ScorerParityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("seeds")]
    [InlineData("extra")]
    public async Task Eval_SameGoldAndPredictions_PrintsScorePyLines(string corpus)
    {
        var gold = corpus == "seeds" ? RepoPaths.Seeds : RepoPaths.Extra;
        var predictions = _temp.Combine("predictions");

        var atlas = await Atlas.RunAsync("eval", gold, "--out", predictions);
        var python = await RunPythonAsync(RepoPaths.ScorePy, gold, predictions);

        Assert.True(atlas.ExitCode == AtlasCommand.Ok, atlas.ToString());
        Assert.True(python.ExitCode == 0, python.ToString());
        var expected = Lines(python.Out);
        Assert.Equal(12, expected.Count);
        Assert.StartsWith("score: ", expected[^1], StringComparison.Ordinal);
        Assert.Equal(expected, Lines(atlas.Out).Select(WithoutPrecisionRecall));
    }

    /// <summary>atlas eval appends precision and recall to score.py's metric lines; the rest is the same text.</summary>
    private static string WithoutPrecisionRecall(string line)
    {
        var at = line.IndexOf(") P ", StringComparison.Ordinal);
        return at < 0 ? line : line[..(at + 1)];
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    private static async Task<AtlasRun> RunPythonAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"python3 is not on the PATH ({e.Message}); the parity test runs shared/eval/score.py with it. scripts/test.sh installs python3 before the tests; install it (e.g. apt-get install python3) to run them by hand.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new AtlasRun(process.ExitCode, await output, await error);
        }
    }
}
