using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// The global --db option naming a PostgreSQL server: the same ingest stores the same documents and
/// facts as into a SQLite file. The server is the one scripts/test.sh starts (ATLAS_TEST_POSTGRES).
/// </summary>
public sealed class PostgresIngestTests : IDisposable
{
    private const string FactCounts = """
        SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM entities) || ' ' ||
               (SELECT count(*) FROM entity_aliases) || ' ' || (SELECT count(*) FROM mentions) || ' ' ||
               (SELECT count(*) FROM engagements) || ' ' || (SELECT count(*) FROM engagement_parties) || ' ' ||
               (SELECT count(*) FROM engagement_countries) || ' ' || (SELECT count(*) FROM engagement_sectors) || ' ' ||
               (SELECT count(*) FROM commitments)
        """;

    private readonly TempFolder _temp = new();
    private readonly TestPostgres _db = new();

    private string Url => _db.Url;

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Ingest_SamplesIntoPostgresUrl_SameDocumentsAndFactsAsSqlite()
    {
        var sqlite = Path.Combine(_temp.Path, "atlas.db");

        var intoPostgres = await Atlas.RunAsync("--db", Url, "ingest", "-q", RepoPaths.Samples);
        var intoSqlite = await Atlas.RunAsync("--db", sqlite, "ingest", "-q", RepoPaths.Samples);

        Assert.True(intoPostgres.ExitCode == AtlasCommand.Ok, intoPostgres.ToString());
        Assert.True(intoSqlite.ExitCode == AtlasCommand.Ok, intoSqlite.ToString());
        Assert.Contains($"into {Url}.", intoPostgres.Out, StringComparison.Ordinal);
        var postgresCounts = PostgresScalar(FactCounts);
        Assert.Equal(AtlasDatabase.Text(sqlite, FactCounts), postgresCounts);
        Assert.StartsWith("10 ", postgresCounts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Twice_SecondRunStoresNothingNew()
    {
        await Atlas.RunAsync("--db", Url, "ingest", "-q", RepoPaths.Samples);
        var before = PostgresScalar(FactCounts);

        var again = await Atlas.RunAsync("--db", Url, "ingest", RepoPaths.Samples);

        Assert.True(again.ExitCode == AtlasCommand.Ok, again.ToString());
        Assert.Contains("Ingested 0 ", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, PostgresScalar(FactCounts));
    }

    [Fact]
    public async Task Show_DocumentFromPostgres_PrintsIt()
    {
        await Atlas.RunAsync("--db", Url, "ingest", "-q", RepoPaths.Samples);

        var run = await Atlas.RunAsync("--db", Url, "show", Path.Combine(RepoPaths.Samples, "th_blog_film_korea.txt"));

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains("KOFIC", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ServerNotListening_ExitOneNamingAddressWithoutPassword()
    {
        var run = await Atlas.RunAsync("--db", "postgres://atlas:hunter2@127.0.0.1:1/atlas?Timeout=2", "ingest", RepoPaths.Samples);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("postgres://atlas@127.0.0.1:1/atlas: the server cannot be reached", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Out + run.Error, StringComparison.Ordinal);
    }

    private string PostgresScalar(string sql) => _db.Text(sql);
}
