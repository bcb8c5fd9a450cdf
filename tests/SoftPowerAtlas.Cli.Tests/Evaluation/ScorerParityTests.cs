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
        var python = await Python.RunAsync(RepoPaths.ScorePy, gold, predictions);

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
}
