using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class ExtractCommandTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt")
            .Concat(Directory.GetFiles(RepoPaths.Extra, "*.txt"))
            .Concat(Directory.GetFiles(RepoPaths.Samples).Where(f => Path.GetExtension(f) is ".txt" or ".md" or ".html"))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.GetDirectoryName(RepoPaths.Root)!, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Extract_Json_PrintsTheContractWithDateTextsAtTheirOffsets(string relative)
    {
        var file = Path.Combine(Path.GetDirectoryName(RepoPaths.Root)!, relative);
        var text = File.ReadAllText(file);

        var run = await Atlas.RunAsync("extract", "--json", file);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        foreach (var name in new[] { "title", "source_url", "published" })
        {
            Assert.True(root.GetProperty(name).ValueKind is JsonValueKind.String or JsonValueKind.Null, name);
        }

        Assert.Contains(root.GetProperty("language").GetString(), new[] { "th", "en", "mixed" });
        Assert.Equal(JsonValueKind.Array, root.GetProperty("events").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("commitments").ValueKind);
        var dates = root.GetProperty("dates").EnumerateArray().ToList();
        Assert.NotEmpty(dates);
        foreach (var date in dates)
        {
            var start = date.GetProperty("start").GetInt32();
            var end = date.GetProperty("end").GetInt32();
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, text.Length);
            Assert.Equal(text[start..end], date.GetProperty("text").GetString());
            Assert.Matches(@"^(\d{4}(-\d\d){0,2}(T\d\d:\d\d)?(/.+)?|FY\d{4})$", date.GetProperty("normalized").GetString());
        }
    }

    [Fact]
    public async Task Extract_Text_NamesEachEngagementWithItsPassage()
    {
        var run = await Atlas.RunAsync("extract", RepoPaths.Seed("004"));

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.StartsWith("รองปลัดฯ ณัฏฐิญา", run.Out, StringComparison.Ordinal);
        Assert.Contains("1. training_or_seminar — 2023-09-26", run.Out, StringComparison.Ordinal);
        Assert.Contains("   from [", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_Anchors_ListsEachDateWithWhatDecidedItAndWhereItIsWritten()
    {
        using var temp = new TempFolder();
        const string page = "Ministry and Korean centre sign film MOU\n\n"
            + "On 2 May 2024, the Ministry of Culture and the Korean Cultural Center signed a memorandum of understanding on film co-production in Bangkok.\n\n"
            + "The centre was founded in 2002 and has since screened hundreds of Korean films.\n";
        var file = temp.Write("mou.txt", page);

        var run = await Atlas.RunAsync("extract", "--anchors", file);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains("date anchors: 2", run.Out, StringComparison.Ordinal);
        var signing = page.IndexOf("2 May 2024", StringComparison.Ordinal);
        Assert.Contains($"2024-05-02 — rules: mou_signing — \"2 May 2024\" [{signing},{signing + 10})", run.Out, StringComparison.Ordinal);
        var founded = page.IndexOf("in 2002", StringComparison.Ordinal);
        Assert.Contains($"2002 — excluded: told as history — \"in 2002\" [{founded},{founded + 7})", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_JsonWithAnchors_KeepsTheContractAloneOnStandardOutput()
    {
        using var temp = new TempFolder();
        var file = temp.Write("mou.txt", "On 2 May 2024, the Ministry of Culture and the Korean Cultural Center signed a memorandum of understanding on film co-production.\n");

        var run = await Atlas.RunAsync("extract", "--json", "--anchors", file);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("2024-05-02", json.RootElement.GetProperty("events")[0].GetProperty("date").GetString());
        Assert.Contains("2024-05-02 — rules: mou_signing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_AnchorsOfAMissingFile_ExitOneNamingTheFile()
    {
        using var temp = new TempFolder();
        var missing = temp.Combine("absent.txt");

        var run = await Atlas.RunAsync("extract", "--anchors", missing);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("date anchors", run.Out, StringComparison.Ordinal);
    }
}
