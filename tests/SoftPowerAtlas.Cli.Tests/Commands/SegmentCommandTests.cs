using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class SegmentCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Segment_ThaiFile_KeepsLineBreaksAndPutsBarsBetweenWords()
    {
        string[] lines = ["กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทย", string.Empty, "กรมการพัฒนาชุมชนจัดงานโอทอป at Bangkok 2024"];
        var file = _temp.Write("thai.txt", string.Join('\n', lines));

        var run = await Atlas.RunAsync("segment", file);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var printed = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(lines, printed.Select(l => l.Replace("|", string.Empty, StringComparison.Ordinal)));
        Assert.Equal("กระทรวงวัฒนธรรม|จัด|งาน|เทศกาล|อาหาร|ไทย", printed[0]);
        Assert.Equal(string.Empty, printed[1]);
        Assert.Contains("|จัด|งาน|", printed[2], StringComparison.Ordinal);
        Assert.EndsWith(" at Bangkok 2024", printed[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_Separator_ReplacesTheBar()
    {
        var file = _temp.Write("thai.txt", "กระทรวงวัฒนธรรมจัดงาน");

        var run = await Atlas.RunAsync("segment", "--sep", " / ", file);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Equal("กระทรวงวัฒนธรรม / จัด / งาน\n", run.Out);
        Assert.DoesNotContain("|", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_MissingFile_ExitsOneNamingIt()
    {
        var missing = _temp.Combine("nope.txt");

        var run = await Atlas.RunAsync("segment", missing);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"{missing} does not exist", run.Error, StringComparison.Ordinal);
    }
}
