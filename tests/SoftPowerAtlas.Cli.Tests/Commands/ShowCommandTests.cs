using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class ShowCommandTests : IDisposable
{
    private const string Sample = "th_food_festival_paris.md";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Show_StoredId_PrintsMetadataThenCleanText()
    {
        var id = await IngestSampleAsync();

        var run = await Atlas.RunAsync("--db", _temp.Db, "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.Equal($"#{id}  สถานทูตไทย ณ กรุงปารีส จัดเทศกาลอาหารไทย Thai Food Festival Paris 2024 ชาวฝรั่งเศสแห่ชิมกว่า 3 หมื่นคน", lines[0]);
        Assert.Equal($"source:     {Path.Combine(RepoPaths.Samples, Sample)}", lines[1]);
        Assert.Equal("source url: https://paris.thaiembassy.example/th/news/thai-food-festival-paris-2024", lines[2]);
        Assert.StartsWith("published:  2024-09-10", lines[3], StringComparison.Ordinal);
        var text = string.Join('\n', lines.SkipWhile(l => l.Length > 0).Skip(1));
        Assert.StartsWith("สถานทูตไทย ณ กรุงปารีส จัดเทศกาลอาหารไทย Thai Food Festival Paris 2024\n\nเมื่อวันที่ 7-8 กันยายน 2567 สถานเอกอัครราชทูต ณ กรุงปารีส", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tags:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("# ", text, StringComparison.Ordinal);
        Assert.Equal(AtlasDatabase.Document(_temp.Db, Sample).CleanText, text.TrimEnd('\n'));
    }

    [Fact]
    public async Task Show_Words_PutsBarsBetweenWordsOfTheSameText()
    {
        var id = (await IngestSampleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var plain = await Atlas.RunAsync("--db", _temp.Db, "show", id);
        var words = await Atlas.RunAsync("--db", _temp.Db, "show", id, "--words");

        Assert.True(words.ExitCode == AtlasCommand.Ok, words.ToString());
        var barred = words.Out.Split('\n').SkipWhile(l => l.Length > 0).ToList();
        Assert.True(barred.Count(l => l.Contains('|', StringComparison.Ordinal)) >= 5, words.Out);
        Assert.Contains("กรุง|ปารีส", words.Out, StringComparison.Ordinal);
        Assert.Equal(plain.Out, words.Out.Replace("|", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_UnknownId_ExitsOneNamingTheId()
    {
        await IngestSampleAsync();

        var run = await Atlas.RunAsync("--db", _temp.Db, "show", "999");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"no document '999' in {_temp.Db}", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Show_NoDatabase_ExitsOneWithoutCreatingIt()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "show", "1");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"no database at {_temp.Db}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Db));
    }

    private async Task<long> IngestSampleAsync()
    {
        var ingest = await Atlas.RunAsync("--db", _temp.Db, "ingest", Path.Combine(RepoPaths.Samples, Sample));
        Assert.True(ingest.ExitCode == AtlasCommand.Ok, ingest.ToString());
        return Atlas.IdOf(ingest, Sample);
    }
}
