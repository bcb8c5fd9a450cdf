using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    internal static readonly string[] Metrics =
    [
        "published", "dates", "date_values", "events", "event_countries",
        "event_sectors", "event_orgs", "event_people", "doc_countries", "commitment_dues",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Eval_Seeds_PrintsTenMetricLinesAndAScore()
    {
        var run = await Atlas.RunAsync("eval", RepoPaths.Seeds, "--out", _temp.Path);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(Metrics, lines.Take(10).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(lines.Take(10), l => Assert.Matches(@"^\w+: F1 [01]\.\d{3} \(tp \d+, fp \d+, fn \d+\)$", l));
        Assert.Equal("documents: 5, without usable prediction: 0", lines[10]);
        Assert.Matches(@"^score: mean F1 [01]\.\d{3} \| events ", lines[^1]);
        Assert.Equal(5, Directory.GetFiles(_temp.Path, "*.json").Length);
    }

    [Fact]
    public async Task Eval_FolderWithoutGold_ExitsOneNamingIt()
    {
        var run = await Atlas.RunAsync("eval", _temp.Path);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"{_temp.Path} holds no NAME.gold.json files", run.Error, StringComparison.Ordinal);
    }
}
