using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary><c>--budget</c>: a document past it is reported with the budget, nothing of it is stored, the batch goes on.</summary>
public sealed class IngestBudgetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_BudgetZero_EveryDocumentReportedNoneStoredExitOne()
    {
        var a = _temp.Write("in/a.txt", "กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยร่วมกับสถานทูตญี่ปุ่น เมื่อวันที่ 5 มิถุนายน 2567\n");
        var b = _temp.Write("in/b.txt", "The Department of Cultural Promotion met the Embassy of France on 7 June 2024.\n");

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", _temp.Combine("in"), "--budget", "0");

        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        foreach (var path in new[] { a, b })
        {
            var line = Assert.Single(run.Error.Split('\n'), l => l.Contains(path, StringComparison.Ordinal));
            Assert.Contains("analysis took longer than its budget of 0 ms", line, StringComparison.Ordinal);
        }

        Assert.Equal(0, AtlasDatabase.CountDocuments(_temp.Db));
        Assert.Contains("Ingested 0 (0 near duplicates linked), 0 duplicates skipped, 2 failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_BudgetOff_Stored()
    {
        _temp.Write("in/a.txt", "กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยร่วมกับสถานทูตญี่ปุ่น เมื่อวันที่ 5 มิถุนายน 2567\n");

        var run = await Atlas.RunAsync("--budget", "off", "--db", _temp.Db, "ingest", _temp.Combine("in"));

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Equal(1, AtlasDatabase.CountDocuments(_temp.Db));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("12 parsecs")]
    public async Task Ingest_BudgetNotATime_UsageErrorNamingIt(string budget)
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", _temp.Combine("in"), "--budget", budget);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains($"--budget {budget}: not a budget", run.Error, StringComparison.Ordinal);
    }
}
