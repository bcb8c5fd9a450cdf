using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_Samples_StoresTenDocuments()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", RepoPaths.Samples);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains("Ingested 10 (", run.Out, StringComparison.Ordinal);
        Assert.Equal(10, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.Equal(10, Directory.GetFiles(RepoPaths.Samples).Count(f => run.Out.Contains(f, StringComparison.Ordinal)));
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Ingest_SamplesTwice_SecondRunStoresNothingAndReportsTenDuplicates()
    {
        var first = await Atlas.RunAsync("--db", _temp.Db, "ingest", RepoPaths.Samples);
        Assert.True(first.ExitCode == AtlasCommand.Ok, first.ToString());

        var second = await Atlas.RunAsync("--db", _temp.Db, "ingest", RepoPaths.Samples);

        Assert.True(second.ExitCode == AtlasCommand.Ok, second.ToString());
        Assert.Contains("Ingested 0 (0 near duplicates linked), 10 duplicates skipped, 0 failed", second.Out, StringComparison.Ordinal);
        Assert.Equal(10, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.Equal(10, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM document_sources"));
    }

    [Fact]
    public async Task Ingest_FolderWithFilesOfOtherTypes_StoresTheReadableAndNamesThePassedOverAtTheEnd()
    {
        var folder = Path.Combine(_temp.Path, "releases");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "release.txt"), "เมื่อวันที่ 5 มีนาคม 2568 กระทรวงวัฒนธรรมหารือกับสถานทูตฝรั่งเศสเรื่องภาพยนตร์\n");
        File.WriteAllText(Path.Combine(folder, "release.gold.json"), "{}");
        File.WriteAllBytes(Path.Combine(folder, "archive.zip"), [0x50, 0x4B, 0x03, 0x04]);
        File.WriteAllText(Path.Combine(folder, "notes.json"), "[]");
        File.WriteAllText(Path.Combine(folder, ".DS_Store"), "x");

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", folder);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
        var last = run.Out.TrimEnd().Split('\n')[^1];
        Assert.Equal("Passed over 3 files atlas does not read (.json, .zip; it reads .txt, .md, .html, .htm, .docx, .pdf, .png, .jpg, .tif): archive.zip, notes.json, release.gold.json.", last);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Ingest_OnlyReadableFiles_SaysNothingOfPassedOver()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", RepoPaths.Samples);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.DoesNotContain("Passed over", run.Out, StringComparison.Ordinal);
    }
}
