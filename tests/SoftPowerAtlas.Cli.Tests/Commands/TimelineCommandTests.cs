using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary><c>atlas timeline</c>, <c>due</c>, <c>done</c> and <c>undone</c> on a database ingested from the real corpus.</summary>
public sealed class TimelineCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> IngestAsync(params string[] inputs)
    {
        var run = await Atlas.RunAsync(["--db", _temp.Db, "ingest", "-q", .. inputs]);
        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        return _temp.Db;
    }

    [Fact]
    public async Task Timeline_ThaiCountryNameJson_FrenchEngagementsWithSources()
    {
        var db = await IngestAsync(RepoPaths.Samples, RepoPaths.Seeds);

        var run = await Atlas.RunAsync("--db", db, "timeline", "--country", "ฝรั่งเศส", "--json");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Contains("FR", e.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
        var festival = entries.Single(e => e.GetProperty("kind").GetString() == "engagement"
            && e.GetProperty("source").GetProperty("path").GetString()!.EndsWith("th_food_festival_paris.md", StringComparison.Ordinal));
        Assert.Equal("2024-09-07", festival.GetProperty("date").GetProperty("start").GetString());
        Assert.Equal("2024-09-08", festival.GetProperty("date").GetProperty("end").GetString());
        Assert.Equal("https://paris.thaiembassy.example/th/news/thai-food-festival-paris-2024", festival.GetProperty("source").GetProperty("url").GetString());
        var source = festival.GetProperty("source");
        var original = File.ReadAllText(Path.Combine(RepoPaths.Samples, "th_food_festival_paris.md"));
        Assert.Equal(original[source.GetProperty("start").GetInt32()..source.GetProperty("end").GetInt32()], festival.GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task Timeline_AgencyAndPeriod_TextListsDastaInOrder()
    {
        var db = await IngestAsync(RepoPaths.Seeds);

        var run = await Atlas.RunAsync("--db", db, "timeline", "--agency", "อพท.", "--from", "2019", "--to", "2021-12");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var first = run.Out.IndexOf("2019-10 ", StringComparison.Ordinal);
        var second = run.Out.IndexOf("FY2021 ", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, run.Out);
        Assert.Contains("003_accc265172f61bde.txt [1422..1929]", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 engagements, 1 commitments.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_Pages_SayHowManyMoreAndJoinUpToTheWhole()
    {
        var db = await IngestAsync(RepoPaths.Samples, RepoPaths.Seeds);

        var all = await Atlas.RunAsync("--db", db, "timeline", "--limit", "0", "--json");
        var first = await Atlas.RunAsync("--db", db, "timeline", "--limit", "4");
        var second = await Atlas.RunAsync("--db", db, "timeline", "--limit", "4", "--page", "2", "--json");
        var beyond = await Atlas.RunAsync("--db", db, "timeline", "--limit", "4", "--page", "999");

        Assert.True(all.ExitCode == AtlasCommand.Ok, all.ToString());
        using var whole = JsonDocument.Parse(all.Out);
        var total = whole.RootElement.GetArrayLength();
        Assert.True(total > 8, all.Out);
        Assert.Contains($"Entries 1–4 of {total}; {total - 4} more (--page 2, or --limit 0 for all).", first.Out, StringComparison.Ordinal);
        using var page2 = JsonDocument.Parse(second.Out);
        Assert.Equal(
            whole.RootElement.EnumerateArray().Skip(4).Take(4).Select(e => e.GetRawText()),
            page2.RootElement.EnumerateArray().Select(e => e.GetRawText()));
        Assert.Contains($"Entries 5–8 of {total}", second.Error, StringComparison.Ordinal);
        Assert.Equal(AtlasCommand.SomeInputsFailed, beyond.ExitCode);
        Assert.Contains("page 999 is past the end", beyond.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "-1")]
    [InlineData("--page", "0")]
    public async Task Timeline_BadPaging_UsageError(string option, string value)
    {
        var db = await IngestAsync(Path.Combine(RepoPaths.Samples, "th_food_festival_paris.md"));

        var run = await Atlas.RunAsync("--db", db, "timeline", option, value);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("--limit must be 0 (all) or more and --page 1 or more", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AtlasCommand.UsageError, "February 2023 has 28 days", "timeline", "--from", "2023-02-31")]
    [InlineData(AtlasCommand.UsageError, "unknown type 'meting'", "timeline", "--type", "meting")]
    [InlineData(AtlasCommand.UsageError, "unknown sector 'cinema'", "timeline", "--sector", "cinema")]
    [InlineData(AtlasCommand.SomeInputsFailed, "did you mean: France (FR)", "timeline", "--country", "Frnace")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no agency or organisation 'กรมที่ไม่มีจริง'", "timeline", "--agency", "กรมที่ไม่มีจริง")]
    [InlineData(AtlasCommand.UsageError, "'tomorrow-ish' is not a day", "due", "--as-of", "tomorrow-ish")]
    [InlineData(AtlasCommand.UsageError, "'soon' is not a span of days", "due", "--within", "soon")]
    [InlineData(AtlasCommand.UsageError, "is not a fact id", "done", "#3")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no fact 'abcdef'", "done", "abcdef")]
    public async Task BadInput_ClearMessageAndExitCode(int exit, string message, params string[] args)
    {
        var db = await IngestAsync(Path.Combine(RepoPaths.Samples, "th_food_festival_paris.md"));

        var run = await Atlas.RunAsync(["--db", db, .. args]);

        Assert.True(run.ExitCode == exit, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Timeline_NoDatabase_ExitOneNamingThePath()
    {
        var run = await Atlas.RunAsync("--db", _temp.Combine("none.db"), "timeline");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("no database at", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("none.db")));
    }

    [Fact]
    public async Task DueDoneUndone_MarkKeptAcrossReingest()
    {
        var seed = RepoPaths.Seed("003");
        var db = await IngestAsync(seed);
        var clock = new FixedClock(new DateTimeOffset(2024, 11, 15, 2, 0, 0, TimeSpan.Zero));

        var due = await Atlas.RunAsync(clock, "--db", db, "due", "--json");
        using var json = JsonDocument.Parse(due.Out);
        Assert.Equal("2024-11-15", json.RootElement.GetProperty("as_of").GetString());
        var fy = json.RootElement.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("due_written").GetString() == "FY2021");
        Assert.Equal("2021-09-30", fy.GetProperty("due_by").GetString());
        Assert.Equal("overdue", fy.GetProperty("status").GetString());
        var id = fy.GetProperty("id").GetString()!;

        var done = await Atlas.RunAsync(clock, "--db", db, "done", id[..7], "--note", "สมัครแล้ว");
        Assert.True(done.ExitCode == AtlasCommand.Ok, done.ToString());
        Assert.StartsWith($"{id} marked done", done.Out, StringComparison.Ordinal);

        // Delete the document and ingest it again: the mark still applies.
        using (var connection = AtlasDatabase.Open(db, readOnly: false))
        {
            AtlasDatabase.Scalar(connection, "PRAGMA foreign_keys = ON; DELETE FROM documents;");
        }

        await IngestAsync(seed);
        var overdue = await Atlas.RunAsync(clock, "--db", db, "due");
        Assert.DoesNotContain(id, overdue.Out, StringComparison.Ordinal);
        var all = await Atlas.RunAsync(clock, "--db", db, "due", "--all");
        Assert.Contains($"{id}  done", all.Out, StringComparison.Ordinal);
        Assert.Contains("done 2024-11-15: สมัครแล้ว", all.Out, StringComparison.Ordinal);

        var undone = await Atlas.RunAsync(clock, "--db", db, "undone", id);
        Assert.StartsWith($"{id} is open again (event ", undone.Out.Trim(), StringComparison.Ordinal);
        Assert.Contains($"{id}  OVERDUE by 1142 d", (await Atlas.RunAsync(clock, "--db", db, "due")).Out, StringComparison.Ordinal);
    }
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
