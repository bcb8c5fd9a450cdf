using System.Globalization;
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
        Assert.All(lines.Take(10), l => Assert.Matches(@"^\w+: F1 [01]\.\d{3} \(tp \d+, fp \d+, fn \d+\) P [01]\.\d{3} R [01]\.\d{3}$", l));
        Assert.Equal("documents: 5, without usable prediction: 0", lines[10]);
        Assert.Matches(@"^score: mean F1 [01]\.\d{3} \| events ", lines[^1]);
        Assert.Equal(5, Directory.GetFiles(_temp.Path, "*.json").Length);
    }

    [Fact]
    public async Task Eval_MetricLine_PrecisionAndRecallFromTheCounts()
    {
        var run = await Atlas.RunAsync("eval", RepoPaths.Seeds);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        foreach (var line in run.Out.Split('\n').Take(10))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"\(tp (\d+), fp (\d+), fn (\d+)\) P ([01]\.\d{3}) R ([01]\.\d{3})$");
            Assert.True(m.Success, line);
            var (tp, fp, fn) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            var p = tp + fp > 0 ? (double)tp / (tp + fp) : (fn == 0 ? 1.0 : 0.0);
            var r = tp + fn > 0 ? (double)tp / (tp + fn) : 1.0;
            Assert.Equal(p.ToString("F3", CultureInfo.InvariantCulture), m.Groups[4].Value);
            Assert.Equal(r.ToString("F3", CultureInfo.InvariantCulture), m.Groups[5].Value);
        }
    }

    [Theory]
    [InlineData("development", new[] { "001", "002", "L01-a", "L04-b" })]
    [InlineData("held-out", new[] { "005", "010", "L05-a", "L10-c" })]
    [InlineData("all", new[] { "001", "002", "005", "010", "L01-a", "L04-b", "L05-a", "L10-c" })]
    public async Task Eval_Split_ScoresOnlyItsPages(string split, string[] expected)
    {
        var gold = _temp.Combine("gold");
        Directory.CreateDirectory(gold);
        foreach (var name in new[] { "001", "002", "005", "010", "L01-a", "L04-b", "L05-a", "L10-c" })
        {
            File.WriteAllText(Path.Combine(gold, name + ".txt"), "วันที่ 3 มีนาคม 2567 กรมศิลปากรหารือกับสถานเอกอัครราชทูตญี่ปุ่น");
            File.WriteAllText(Path.Combine(gold, name + ".gold.json"), "{\"published\": null, \"events\": [], \"dates_in_text\": [], \"commitments\": []}");
        }

        var predictions = _temp.Combine("predictions");
        var run = await Atlas.RunAsync("eval", gold, "--split", split, "--out", predictions);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains($"documents: {expected.Length}, without usable prediction: 0", run.Out, StringComparison.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(predictions).Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Eval_UnknownSplit_UsageErrorNamingIt()
    {
        var run = await Atlas.RunAsync("eval", RepoPaths.Seeds, "--split", "test");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("--split takes development, held-out or all, not 'test'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_SplitWithNoPages_ExitsOneNamingTheSplit()
    {
        File.WriteAllText(_temp.Combine("001.txt"), "วันที่ 3 มีนาคม 2567 กรมศิลปากรหารือกับสถานเอกอัครราชทูตญี่ปุ่น");
        File.WriteAllText(_temp.Combine("001.gold.json"), "{\"published\": null, \"events\": [], \"dates_in_text\": [], \"commitments\": []}");

        var run = await Atlas.RunAsync("eval", _temp.Path, "--split", "held-out");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("in the held-out split", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_FolderWithoutGold_ExitsOneNamingIt()
    {
        var run = await Atlas.RunAsync("eval", _temp.Path);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"{_temp.Path} holds no NAME.gold.json files", run.Error, StringComparison.Ordinal);
    }
}
