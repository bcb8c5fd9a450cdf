using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands.Search;

/// <summary><c>atlas search --db postgres://…</c>: the same verb, options and output over a PostgreSQL store.</summary>
public sealed class PostgresSearchCommandTests : IClassFixture<PostgresSearchCommandTests.Ingested>
{
    private readonly Ingested _db;

    public PostgresSearchCommandTests(Ingested db) => _db = db;

    [Fact]
    public async Task Search_ThaiRun_PrintsTheHitWithMarkedSnippet()
    {
        var run = await Atlas.RunAsync("--db", _db.Url, "search", "ภาพยนตร์เกาหลี");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.Equal("1 document match ภาพยนตร์เกาหลี (showing 1-1)", lines[0]);
        Assert.Matches(@"^     2024-07-16  score \d+\.\d\d  .*samples/th_blog_film_korea\.txt$", lines[3]);
        Assert.Contains("[ภาพยนตร์]ร่วมทุนไทย-[เกาหลี]", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Facets_CountsOverAllMatches()
    {
        var run = await Atlas.RunAsync("--db", _db.Url, "search", "country:JP", "--facets", "--limit", "1");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var total = run.Out.Split(' ')[0];
        Assert.Contains($"Facets over all {total} matches:", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  country  Japan (JP) {total}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Json_SameHitsAsSqlite()
    {
        var postgres = await Atlas.RunAsync("--db", _db.Url, "search", "\"Thai Food Festival\" OR Ishikawa", "--json");
        var sqlite = await Atlas.RunAsync("--db", _db.SqlitePath, "search", "\"Thai Food Festival\" OR Ishikawa", "--json");

        Assert.True(postgres.ExitCode == AtlasCommand.Ok, postgres.ToString());
        Assert.Equal(Sources(sqlite.Out), Sources(postgres.Out));
        using var json = JsonDocument.Parse(postgres.Out);
        var snippet = json.RootElement.GetProperty("hits")[0].GetProperty("snippet");
        var highlight = snippet.GetProperty("highlights")[0];
        var marked = snippet.GetProperty("text").GetString()!.Substring(highlight.GetProperty("start").GetInt32(), highlight.GetProperty("length").GetInt32());
        Assert.Contains(marked, new[] { "Thai Food Festival", "Thai", "Ishikawa" });
    }

    [Fact]
    public async Task Search_QuotesAndOperators_SearchedAsWordsNotSyntax()
    {
        var run = await Atlas.RunAsync("--db", _db.Url, "search", "Ishikawa's & !(x) | ':*");

        Assert.True(run.ExitCode is AtlasCommand.Ok or AtlasCommand.SomeInputsFailed, run.ToString());
        Assert.DoesNotContain("syntax", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("failed", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Sources(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("hits").EnumerateArray().Select(h => Path.GetFileName(h.GetProperty("source").GetString()!)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The samples and seeds ingested by <c>atlas ingest</c> into a PostgreSQL database and, for comparison, a SQLite file.</summary>
    public sealed class Ingested : IDisposable
    {
        private readonly TestPostgres _postgres = new("atlas_search_");
        private readonly TempFolder _temp = new();

        public Ingested()
        {
            foreach (var db in new[] { Url, SqlitePath })
            {
                var run = Atlas.RunAsync("--db", db, "ingest", "-q", RepoPaths.Samples, RepoPaths.Seeds).GetAwaiter().GetResult();
                if (run.ExitCode != AtlasCommand.Ok)
                {
                    throw new InvalidOperationException(run.ToString());
                }
            }
        }

        public string Url => _postgres.Url;

        public string SqlitePath => _temp.Db;

        public void Dispose()
        {
            _postgres.Dispose();
            _temp.Dispose();
        }
    }
}
