using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// The verbs that read facts (timeline, due, done, undone, entities, report, export, source, serve)
/// with <c>--db</c> naming a PostgreSQL server. A laptop store copied by <c>atlas migrate</c> keeps its
/// ids, so each verb must print on the server exactly what it prints on the laptop.
/// </summary>
public sealed class PostgresFactCommandsTests : IDisposable
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2024, 11, 15, 2, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _temp = new();
    private readonly TestPostgres _db = new("atlas_cli_facts_");

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    /// <summary>Samples and seeds ingested into a SQLite file, then copied to the test's PostgreSQL database.</summary>
    private async Task<(string Sqlite, string Postgres)> LaptopAndServerAsync()
    {
        var ingest = await Atlas.RunAsync("--db", _temp.Db, "ingest", "-q", RepoPaths.Samples, RepoPaths.Seeds);
        Assert.True(ingest.ExitCode == AtlasCommand.Ok, ingest.ToString());
        var migrate = await Atlas.RunAsync("migrate", "--from", _temp.Db, "--to", _db.Url);
        Assert.True(migrate.ExitCode == AtlasCommand.Ok, migrate.ToString());
        return (_temp.Db, _db.Url);
    }

    [Theory]
    [InlineData("timeline", "--json")]
    [InlineData("timeline", "--country", "ฝรั่งเศส", "--from", "2024-01", "--to", "2024-12")]
    [InlineData("timeline", "--agency", "อพท.", "--type", "commitment")]
    [InlineData("due", "--all", "--json")]
    [InlineData("entities", "อพท")]
    [InlineData("entities", "dasta", "--json")]
    [InlineData("report", "agency", "DASTA")]
    [InlineData("report", "country", "FR", "--format", "html")]
    [InlineData("report", "agency", "DSATA")]
    [InlineData("export", "documents")]
    [InlineData("export", "entities", "--format", "csv")]
    [InlineData("export", "engagements", "--format", "csv")]
    [InlineData("export", "commitments")]
    [InlineData("export", "network")]
    public async Task Verb_OnMigratedServer_PrintsWhatItPrintsOnTheLaptop(params string[] verb)
    {
        var (sqlite, postgres) = await LaptopAndServerAsync();

        var laptop = await Atlas.RunAsync(Clock, ["--db", sqlite, .. verb]);
        var server = await Atlas.RunAsync(Clock, ["--db", postgres, .. verb]);

        Assert.True(laptop.Out.Length > 0 || laptop.ExitCode != AtlasCommand.Ok, laptop.ToString());
        Assert.Equal(laptop.ExitCode, server.ExitCode);
        Assert.Equal(laptop.Out, server.Out);
        Assert.Equal(laptop.Error, server.Error);
    }

    [Fact]
    public async Task TimelineAndDone_IngestedIntoPostgres_MarkShownKeptAndTakenOff()
    {
        var ingest = await Atlas.RunAsync("--db", _db.Url, "ingest", "-q", RepoPaths.Seed("003"));
        Assert.True(ingest.ExitCode == AtlasCommand.Ok, ingest.ToString());

        var timeline = await Atlas.RunAsync(Clock, "--db", _db.Url, "timeline", "--agency", "อพท.", "--from", "2019", "--to", "2021-12");
        Assert.True(timeline.ExitCode == AtlasCommand.Ok, timeline.ToString());
        Assert.Contains("003_accc265172f61bde.txt [1422..1929]", timeline.Out, StringComparison.Ordinal);
        Assert.Contains("1 engagements, 1 commitments.", timeline.Out, StringComparison.Ordinal);

        using var due = JsonDocument.Parse((await Atlas.RunAsync(Clock, "--db", _db.Url, "due", "--json")).Out);
        var fy = due.RootElement.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("due_written").GetString() == "FY2021");
        Assert.Equal("overdue", fy.GetProperty("status").GetString());
        var id = fy.GetProperty("id").GetString()!;

        var done = await Atlas.RunAsync(Clock, "--db", _db.Url, "done", id[..7], "--note", "สมัครแล้ว 'x'); DROP TABLE commitments; --");
        Assert.True(done.ExitCode == AtlasCommand.Ok, done.ToString());
        Assert.StartsWith($"{id} marked done", done.Out, StringComparison.Ordinal);
        Assert.Equal("1", _db.Text("SELECT count(*) FROM curation_events WHERE kind = 'commitment.status' AND after_json LIKE '%\"done\"%'"));
        Assert.Equal("2024-11-15 02:00:00+00", _db.Text("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM curation_events"));

        // Deleted and ingested again (new row ids): the mark still applies.
        _db.Execute("DELETE FROM documents");
        Assert.Equal(AtlasCommand.Ok, (await Atlas.RunAsync("--db", _db.Url, "ingest", "-q", RepoPaths.Seed("003"))).ExitCode);
        var all = await Atlas.RunAsync(Clock, "--db", _db.Url, "due", "--all");
        Assert.Contains($"{id}  done", all.Out, StringComparison.Ordinal);
        Assert.Contains("done 2024-11-15: สมัครแล้ว 'x'); DROP TABLE commitments; --", all.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(id, (await Atlas.RunAsync(Clock, "--db", _db.Url, "due")).Out, StringComparison.Ordinal);

        var undone = await Atlas.RunAsync(Clock, "--db", _db.Url, "undone", id);
        Assert.StartsWith($"{id} is open again (event ", undone.Out.Trim(), StringComparison.Ordinal);
        Assert.Contains($"{id}  OVERDUE by 1142 d", (await Atlas.RunAsync(Clock, "--db", _db.Url, "due")).Out, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"open\"", _db.Text("SELECT after_json FROM curation_events ORDER BY id DESC LIMIT 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_AddListRemoveOnPostgres_KeptOnTheServer()
    {
        var add = await Atlas.RunAsync("--db", _db.Url, "source", "add", "https://www.example.go.th/news/", "--link-pattern", @"/news/\d+$");
        var again = await Atlas.RunAsync("--db", _db.Url, "source", "add", "https://www.example.go.th/news/", "--link-pattern", @"/news/\d+$");
        var list = await Atlas.RunAsync("--db", _db.Url, "source", "list");

        Assert.True(add.ExitCode == AtlasCommand.Ok, add.ToString());
        Assert.Equal(AtlasCommand.SomeInputsFailed, again.ExitCode);
        Assert.Contains("already followed as source #1", again.Error, StringComparison.Ordinal);
        Assert.Contains(@"link pattern: /news/\d+$", list.Out, StringComparison.Ordinal);
        Assert.Equal("listing", _db.Text("SELECT kind FROM sources"));

        Assert.Equal(AtlasCommand.Ok, (await Atlas.RunAsync("--db", _db.Url, "source", "remove", "1")).ExitCode);
        Assert.Equal("0", _db.Text("SELECT count(*) FROM sources"));
    }

    [Fact]
    public async Task Serve_Postgres_AnswersPagesAndApiUntilCancelled()
    {
        Assert.Equal(AtlasCommand.Ok, (await Atlas.RunAsync("--db", _db.Url, "ingest", "-q", RepoPaths.Samples)).ExitCode);
        var port = FreePort();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = AtlasCommand.RunAsync(["--db", _db.Url, "serve", "--port", port.ToString(CultureInfo.InvariantCulture)], output, error, stop.Token, text: TestText.Shared);

        // A server store always asks who is calling: call as an admin with an API key.
        string key;
        using (var store = AtlasStores.Open(_db.Url, TestText.Shared))
        {
            var users = UserStore.For(store);
            Assert.Null(users.Add("tester", UserRole.Admin, "a long enough test password").Error);
            key = users.IssueKey("tester")!.Key;
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var anonymous = new HttpClient();
        using var refused = await RetryUntilListening(() => anonymous.GetAsync(new Uri($"http://127.0.0.1:{port}/api/overview")));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        string? body = null;
        for (var attempt = 0; attempt < 100 && body is null; attempt++)
        {
            try
            {
                body = await http.GetStringAsync("/api/overview");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(body is not null, error.ToString());
        Assert.Contains("\"documents\":10", body, StringComparison.Ordinal);
        var kofic = _db.Text("SELECT id FROM entities WHERE key = 'body:kofic'");
        var entityPage = await http.GetStringAsync($"/entities/{kofic}");
        Assert.Contains("Korean Film Council", entityPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/documents/1")).StatusCode);
        Assert.Contains($"Serving {_db.Url} on http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(AtlasCommand.Ok, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Serve_PostgresNotListening_ExitOneNamingAddressWithoutPassword()
    {
        var run = await Atlas.RunAsync("--db", "postgres://atlas:hunter2@127.0.0.1:1/atlas?Timeout=2", "serve", "--port", FreePort().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("postgres://atlas@127.0.0.1:1/atlas: the server cannot be reached", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Out + run.Error, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> RetryUntilListening(Func<Task<HttpResponseMessage>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
