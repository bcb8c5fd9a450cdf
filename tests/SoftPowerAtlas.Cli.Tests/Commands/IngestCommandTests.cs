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
}
