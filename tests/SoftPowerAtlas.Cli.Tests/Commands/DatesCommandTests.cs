using System.Globalization;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed partial class DatesCommandTests
{
    [Fact]
    public async Task Dates_Seed004_ListsEachDateWithOffsetsIntoTheFile()
    {
        var seed = RepoPaths.Seed("004");
        var text = File.ReadAllText(seed);

        var run = await Atlas.RunAsync("dates", seed);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.StartsWith("published: 2023-09-27", run.Out, StringComparison.Ordinal);
        var rows = Row().Matches(run.Out).ToList();
        Assert.True(rows.Count >= 5, run.Out);
        foreach (var row in rows)
        {
            var start = int.Parse(row.Groups["start"].Value, CultureInfo.InvariantCulture);
            var end = int.Parse(row.Groups["end"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(text[start..end], row.Groups["text"].Value);
        }

        var october = Assert.Single(rows, r => r.Groups["value"].Value == "2023-10-26");
        Assert.Equal("วันที่ 26 ตุลาคม", october.Groups["text"].Value);
        Assert.Equal("event", october.Groups["role"].Value);
    }

    [Fact]
    public async Task Dates_MissingFile_ExitsOne()
    {
        var run = await Atlas.RunAsync("dates", "/nonexistent/atlas/release.txt");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("/nonexistent/atlas/release.txt does not exist", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^ *(?<start>\d+) +(?<end>\d+)  (?<value>\S+) +(?<role>[a-z]+) +(?<text>.+?)(?:  \(relative to [^)]*\))?$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
