using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// A promise followed to its outcome end to end (issue 25): a release announcing a signing on a day and a
/// later report of it (tests/corpus/promises), extracted and ingested for real, make <c>atlas due</c> and the commitments export
/// show the promise as reported done, with the report as evidence, off the overdue list.
/// </summary>
public sealed class OutcomeCommandTests : IDisposable
{
    private static readonly FixedClock AfterTheDay = new(new DateTimeOffset(2024, 6, 28, 2, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Due_AnnouncedSigningReportedLater_ReportedDoneWithTheReportAndNotOverdue()
    {
        await IngestAsync("announce.txt", "report.txt");

        var urgent = await Atlas.RunAsync(AfterTheDay, "--db", _temp.Db, "due");
        var all = await Atlas.RunAsync(AfterTheDay, "--db", _temp.Db, "due", "--all");
        var export = await Atlas.RunAsync(AfterTheDay, "--db", _temp.Db, "export", "commitments", "--format", "json");

        Assert.True(all.ExitCode == AtlasCommand.Ok, all.ToString());
        Assert.Contains("0 overdue", urgent.Out, StringComparison.Ordinal);
        Assert.Contains("reported done", all.Out, StringComparison.Ordinal);
        Assert.Contains("reported done in: doc #2", all.Out, StringComparison.Ordinal);
        Assert.Contains("report.txt", all.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(export.Out);
        var promise = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("reported_done", promise.GetProperty("status").GetString());
        var outcome = Assert.Single(promise.GetProperty("outcomes").EnumerateArray());
        Assert.EndsWith("report.txt", outcome.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(Promises, "report.txt"));
        var source = outcome.GetProperty("source");
        Assert.Equal(text[source.GetProperty("start").GetInt32()..source.GetProperty("end").GetInt32()], outcome.GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task RejectOutcome_TheReportThatDuePrinted_CommitmentOverdueAgain()
    {
        await IngestAsync("announce.txt", "report.txt");
        var all = await Atlas.RunAsync(AfterTheDay, "--db", _temp.Db, "due", "--all");
        var hint = all.Out.Split('\n').First(l => l.Contains("reported done in:", StringComparison.Ordinal));
        var command = hint[(hint.IndexOf("'atlas fact reject-outcome ", StringComparison.Ordinal) + "'atlas ".Length)..].TrimEnd(')', '\'', '\r');

        var reject = await Atlas.RunAsync(["--db", _temp.Db, .. command.Split(' ')]);
        var urgent = await Atlas.RunAsync(AfterTheDay, "--db", _temp.Db, "due");

        Assert.True(reject.ExitCode == AtlasCommand.Ok, reject.ToString());
        Assert.Contains("outcome.reject", reject.Out, StringComparison.Ordinal);
        Assert.Contains("OVERDUE by 8 d", urgent.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_AnnouncementAlone_Overdue()
    {
        await IngestAsync("announce.txt");

        var urgent = await Atlas.RunAsync(AfterTheDay, "--db", _temp.Db, "due");

        Assert.Contains("OVERDUE by 8 d", urgent.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("reported done in:", urgent.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_FairPostponedByALaterRelease_ReportedDelayedAndDueOnTheNewDay()
    {
        await IngestAsync("fair-announce.txt", "fair-postponed.txt");
        var march20 = new FixedClock(new DateTimeOffset(2025, 3, 20, 2, 0, 0, TimeSpan.Zero));

        var urgent = await Atlas.RunAsync(march20, "--db", _temp.Db, "due");
        var all = await Atlas.RunAsync(march20, "--db", _temp.Db, "due", "--all");
        var export = await Atlas.RunAsync(march20, "--db", _temp.Db, "export", "commitments", "--format", "json");

        Assert.True(all.ExitCode == AtlasCommand.Ok, all.ToString());
        Assert.Contains("0 overdue", urgent.Out, StringComparison.Ordinal);
        Assert.Contains("due 2025-04-12", urgent.Out, StringComparison.Ordinal);
        Assert.Contains("reported delayed", all.Out, StringComparison.Ordinal);
        Assert.Contains("reported postponed in: doc #2", all.Out, StringComparison.Ordinal);
        Assert.Contains("fair-postponed.txt", all.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(export.Out);
        var promise = Assert.Single(json.RootElement.EnumerateArray(), c => c.GetProperty("status").GetString() == "reported_delayed");
        Assert.Equal("delayed", Assert.Single(promise.GetProperty("outcomes").EnumerateArray()).GetProperty("status").GetString());
    }

    /// <summary>tests/corpus/promises: the invented announcements and their later reports.</summary>
    private static string Promises => Path.Combine(RepoPaths.Root, "tests", "corpus", "promises");

    private Task IngestAsync(params string[] names) => Atlas.IngestEachAsync(_temp.Db, "promises", names);
}
