using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands.Curation;

/// <summary>The curation verbs end to end on a database ingested from seed 003, on SQLite and on PostgreSQL.</summary>
public sealed class CurationCommandTests : IDisposable
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2024, 11, 15, 2, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FactSet_ReextractAndHistory_CorrectionHoldsAndLogNamesWhoAndWhat()
    {
        var db = await IngestAsync(_temp.Db);
        var id = await MouIdAsync(db);

        var set = await Atlas.RunAsync(Clock, "--db", db, "fact", "set", id[..8], "--type", "meeting", "--sectors=-tourism", "--as", "somchai");

        Assert.True(set.ExitCode == AtlasCommand.Ok, set.ToString());
        Assert.StartsWith($"event 1: fact.set on fact:{id} by somchai at 2024-11-15 02:00Z", set.Out, StringComparison.Ordinal);
        var reextract = await Atlas.RunAsync(Clock, "--db", db, "reextract", "--all");
        Assert.True(reextract.ExitCode == AtlasCommand.Ok, reextract.ToString());
        Assert.Contains("Extracted 1 documents again", reextract.Out, StringComparison.Ordinal);
        Assert.Contains("0 edits not applied", reextract.Out, StringComparison.Ordinal);

        var timeline = await Atlas.RunAsync(Clock, "--db", db, "timeline", "--json");
        var entry = JsonDocument.Parse(timeline.Out).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("meeting", entry.GetProperty("type").GetString());
        Assert.DoesNotContain("tourism", entry.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));

        var history = await Atlas.RunAsync(Clock, "--db", db, "history", "--target", id[..7], "--json");
        var e = JsonDocument.Parse(history.Out).RootElement.GetProperty("events")[0];
        Assert.Equal(("somchai", "fact.set", "mou_signing", "meeting"), (e.GetProperty("actor").GetString(), e.GetProperty("kind").GetString(),
            e.GetProperty("before").GetProperty("type").GetString(), e.GetProperty("after").GetProperty("type").GetString()));
        Assert.Equal("2024-11-15T02:00:00.000000Z", e.GetProperty("at").GetString());
    }

    [Fact]
    public async Task Undo_LaterEditBuildsOnIt_ExitOneNamingIt_ThenInOrder()
    {
        var db = await IngestAsync(_temp.Db);
        var id = await MouIdAsync(db);
        await Atlas.RunAsync(Clock, "--db", db, "fact", "set", id, "--type", "meeting");
        await Atlas.RunAsync(Clock, "--db", db, "note", id, "ตรวจสอบกับต้นฉบับแล้ว");
        await Atlas.RunAsync(Clock, "--db", db, "fact", "set", id, "--type", "visit");

        var refused = await Atlas.RunAsync(Clock, "--db", db, "undo", "1");

        Assert.Equal(AtlasCommand.SomeInputsFailed, refused.ExitCode);
        Assert.Contains($"later edits build on it: 3 (fact.set on fact:{id})", refused.Error, StringComparison.Ordinal);
        Assert.Equal(AtlasCommand.Ok, (await Atlas.RunAsync(Clock, "--db", db, "undo", "3")).ExitCode);
        var undone = await Atlas.RunAsync(Clock, "--db", db, "undo", "1");
        Assert.True(undone.ExitCode == AtlasCommand.Ok, undone.ToString());
        Assert.StartsWith("event 5: undo of event 1", undone.Out, StringComparison.Ordinal);
        var show = await Atlas.RunAsync(Clock, "--db", db, "fact", "show", id);
        Assert.Contains("\"type\":\"mou_signing\"", show.Out, StringComparison.Ordinal);
        Assert.Contains("note: ตรวจสอบกับต้นฉบับแล้ว", show.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AtlasCommand.UsageError, "is not a fact id", "fact", "set", "12", "--type", "meeting")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no fact 'abcdef'", "fact", "set", "abcdef", "--type", "meeting")]
    [InlineData(AtlasCommand.UsageError, "say what to change", "fact", "set", "abcdef")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no entity 'agency:nope'", "entity", "merge", "agency:nope", "agency:dasta")]
    [InlineData(AtlasCommand.UsageError, "is not an alias of agency:dasta", "entity", "split", "agency:dasta", "--aliases", "\"stray")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no event 999", "undo", "999")]
    [InlineData(AtlasCommand.UsageError, "a note is 1 to", "note", "agency:dasta", " ")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no document #77", "note", "doc:77", "x")]
    [InlineData(AtlasCommand.UsageError, "or --all, not both", "reextract")]
    [InlineData(AtlasCommand.UsageError, "or --all, not both", "reextract", "1", "--all")]
    [InlineData(AtlasCommand.UsageError, "'x1' is not a document id", "reextract", "x1")]
    [InlineData(AtlasCommand.UsageError, "--limit is 1 to 10000", "history", "--limit", "0")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no document '#77'", "delete", "#77")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no fact 'abcdef'", "fact", "separate", "abcdef")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no fact 'abcdef'", "fact", "join", "abcdef", "abcdef01")]
    [InlineData(AtlasCommand.SomeInputsFailed, "no fact 'abcdef'", "fact", "reject-outcome", "abcdef", "abcdef01")]
    public async Task BadInput_ClearMessageAndExitCode(int exit, string message, params string[] args)
    {
        var db = await IngestAsync(_temp.Db);

        var run = await Atlas.RunAsync(Clock, ["--db", db, .. args]);

        Assert.True(run.ExitCode == exit, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("fact", "set")]
    [InlineData("entity", "split")]
    [InlineData("undo")]
    [InlineData("reextract")]
    public async Task Help_EveryCurationVerb_DescribesItsOptions(params string[] verb)
    {
        var run = await Atlas.RunAsync([.. verb, "--help"]);

        Assert.Equal(AtlasCommand.Ok, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains(verb[0] == "reextract" ? "--all" : "--as", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Curation_OnPostgresServer_MergeDoneAndReextractHold()
    {
        using var server = new TestPostgres();
        var db = await IngestAsync(server.Url);

        Assert.Equal(AtlasCommand.Ok, (await Atlas.RunAsync(Clock, "--db", db, "entity", "merge", "body:uccn", "body:unesco", "--as", "malee")).ExitCode);
        var key = server.Text("SELECT fact_key FROM commitments WHERE due = 'FY2021'");
        Assert.Equal(AtlasCommand.Ok, (await Atlas.RunAsync(Clock, "--db", db, "done", key[..6], "--note", "ส่งแล้ว")).ExitCode);
        var reextract = await Atlas.RunAsync(Clock, "--db", db, "reextract", "--all");

        Assert.True(reextract.ExitCode == AtlasCommand.Ok, reextract.ToString());
        Assert.Equal(0, server.Scalar("SELECT count(*) FROM entities WHERE key = 'body:uccn'"));
        Assert.Equal("malee", server.Text("SELECT actor FROM curation_events WHERE kind = 'entity.merge'"));
        Assert.Contains("\"done\"", server.Text("SELECT after_json FROM curation_events WHERE kind = 'commitment.status'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_DocumentWithACorrection_GoneFromSearchAndTimelineBackWithItsCorrectionOnReingest()
    {
        var db = await IngestAsync(_temp.Db);
        var id = await MouIdAsync(db);
        await Atlas.RunAsync(Clock, "--db", db, "fact", "set", id, "--type", "meeting");
        Assert.Contains("1 document match", (await Atlas.RunAsync(Clock, "--db", db, "search", "ยูเนสโก")).Out, StringComparison.Ordinal);

        var delete = await Atlas.RunAsync(Clock, "--db", db, "delete", RepoPaths.Seed("003"), "--as", "malee");

        Assert.True(delete.ExitCode == AtlasCommand.Ok, delete.ToString());
        Assert.StartsWith("event 2: document.delete on document:", delete.Out, StringComparison.Ordinal);
        Assert.Contains("before: {\"id\":1,\"title\":\"", delete.Out, StringComparison.Ordinal); // what it was, kept in the event
        Assert.Equal("[]", (await Atlas.RunAsync(Clock, "--db", db, "timeline", "--json")).Out.Trim());
        Assert.Contains("No documents match", (await Atlas.RunAsync(Clock, "--db", db, "search", "ยูเนสโก")).Out, StringComparison.Ordinal);

        await IngestAsync(db);

        var entry = JsonDocument.Parse((await Atlas.RunAsync(Clock, "--db", db, "timeline", "--json")).Out).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("meeting", entry.GetProperty("type").GetString());
    }

    private static async Task<string> IngestAsync(string db)
    {
        var run = await Atlas.RunAsync(["--db", db, "ingest", "-q", RepoPaths.Seed("003")]);
        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        return db;
    }

    private static async Task<string> MouIdAsync(string db)
    {
        var timeline = await Atlas.RunAsync(Clock, "--db", db, "timeline", "--json");
        return JsonDocument.Parse(timeline.Out).RootElement.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "mou_signing").GetProperty("id").GetString()!;
    }
}
