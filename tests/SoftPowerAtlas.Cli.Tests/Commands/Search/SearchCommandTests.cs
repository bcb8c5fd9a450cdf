using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands.Search;

/// <summary><c>atlas search</c> and <c>atlas entities</c> over the samples and seeds, ingested by the real command.</summary>
public sealed class SearchCommandTests : IClassFixture<SearchCommandTests.Ingested>
{
    private readonly Ingested _db;

    public SearchCommandTests(Ingested db) => _db = db;

    [Fact]
    public async Task Search_ThaiQuery_PrintsCountTitleDateSourceAndMarkedSnippet()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "ภาพยนตร์เกาหลี");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.Equal("1 document match ภาพยนตร์เกาหลี (showing 1-1)", lines[0]);
        Assert.Matches(@"^  1\. #\d+  กรมการท่องเที่ยว จับมือ KOFIC เกาหลีใต้ เดินหน้าสร้างภาพยนตร์ร่วมทุนไทย-เกาหลี$", lines[2]);
        Assert.Matches(@"^     2024-07-16  score \d+\.\d\d  .*samples/th_blog_film_korea\.txt$", lines[3]);
        Assert.Contains("[ภาพยนตร์]ร่วมทุนไทย-[เกาหลี]", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Facets_PrintsCountsOverAllMatches()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "country:JP", "--facets", "--limit", "1");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains("(showing 1-1)", run.Out, StringComparison.Ordinal);
        var total = run.Out.Split(' ')[0];
        Assert.Contains($"Facets over all {total} matches:", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  country  Japan (JP) {total}", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  year     2024 \d+", run.Out);
    }

    [Fact]
    public async Task Search_Json_HitsFacetsAndHighlightOffsets()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "Ishikawa", "--json");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var snippet = hit.GetProperty("snippet");
        var highlight = snippet.GetProperty("highlights")[0];
        Assert.Equal("Ishikawa", snippet.GetProperty("text").GetString()!.Substring(highlight.GetProperty("start").GetInt32(), highlight.GetProperty("length").GetInt32()));
        Assert.Equal("JP", json.RootElement.GetProperty("facets").GetProperty("country")[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("ภาพยนตร์\uFFFE")]
    [InlineData("\uFFFE")]
    [InlineData("\"film\uFDD0\"")]
    [InlineData("เกาหลี\uFFFF*")]
    public async Task Search_Noncharacter_AnsweredWithoutAStackTrace(string query)
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", query);

        Assert.True(run.ExitCode is AtlasCommand.Ok or AtlasCommand.SomeInputsFailed, run.ToString());
        Assert.DoesNotContain("Unhandled", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SecondPage_ContinuesTheNumbering()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "ไทย", "--limit", "2", "--page", "2");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains("(showing 3-4)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  3\. #\d+", run.Out);
        Assert.Matches(@"(?m)^  4\. #\d+", run.Out);
    }

    [Fact]
    public async Task Search_NothingFound_SaysSoAndExits1()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "Narnia");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Equal("No documents match Narnia\n", run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Search_ConceptWords_ListsWhatTheyAlsoMatchedAndExactTurnsItOff()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "France", "film");
        var exact = await Atlas.RunAsync("--db", _db.Path, "search", "France", "film", "--exact");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var lines = run.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("France also matched: ฝรั่งเศส, ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(country:FR; --exact to search only the words as written)", lines[0], StringComparison.Ordinal);
        Assert.Equal("film also matched: ภาพยนตร์ (sector:film; --exact to search only the words as written)", lines[1]);
        Assert.Matches(@"^\d+ documents? match France film \(showing 1-\d+\)$", lines[2]);
        Assert.Contains("[ฝรั่งเศส]", run.Out, StringComparison.Ordinal);
        Assert.Equal(AtlasCommand.SomeInputsFailed, exact.ExitCode);
        Assert.Equal("No documents match France film\n", exact.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("ภาพยนต์", "ภาพยนตร์")]
    [InlineData("cultral", "cultural")]
    public async Task Search_MisspeltWord_PrintsDidYouMeanAndJsonHasIt(string typed, string suggestion)
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", typed);
        var json = await Atlas.RunAsync("--db", _db.Path, "search", typed, "--json");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Equal($"Did you mean: {suggestion}\nNo documents match {typed}\n", run.Out.ReplaceLineEndings("\n"));
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(suggestion, document.RootElement.GetProperty("suggestion").GetString());
    }

    [Theory]
    [InlineData("film \"creative", "the quote at character 6 is never closed", 7)]
    [InlineData("film - music", "'-' at character 6", 7)]
    [InlineData("ภาพยนตร์ colour:red", "unknown field 'colour' at character 10", 10)]
    [InlineData("from:2023-02-31", "2023-02 has 28 days", 2)]
    [InlineData("country:Narnia", "no country 'Narnia'", 2)]
    public async Task Search_MalformedQuery_Exits2WithMessageAndCaret(string query, string message, int caretColumn)
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", query);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var lines = run.Error.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("atlas: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.Equal("  " + query, lines[1]);
        Assert.Equal(caretColumn, lines[2].IndexOf('^', StringComparison.Ordinal) + 1 - 2 + 1);
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "500")]
    [InlineData("--page", "0")]
    public async Task Search_BadPaging_Exits2(string option, string value)
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "film", option, value);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("--limit must be 1 to 200", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoDatabase_Exits1NamingIt()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");

        var run = await Atlas.RunAsync("--db", missing, "search", "film");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains($"no database at {missing}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Search_UnknownAgency_NoteOnStandardError()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "search", "agency:Narnia");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("atlas: note: agency:Narnia at character 1: no agency, organisation or person is known by that name", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_ThaiAbbreviation_PrintsKindKeyNameCountAndAliases()
    {
        var run = await Atlas.RunAsync("--db", _db.Path, "entities", "อพท");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.Equal("agency  agency:dasta  องค์การบริหารการพัฒนาพื้นที่พิเศษเพื่อการท่องเที่ยวอย่างยั่งยืน (องค์การมหาชน)  [TH]  1 document", lines[0]);
        Assert.Contains("อพท.", lines[1], StringComparison.Ordinal);
        Assert.Contains("Designated Areas for Sustainable Tourism Administration", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_Json_AndNothingFound()
    {
        var found = await Atlas.RunAsync("--db", _db.Path, "entities", "supaporn", "--json");
        var none = await Atlas.RunAsync("--db", _db.Path, "entities", "zzzz");

        Assert.True(found.ExitCode == AtlasCommand.Ok, found.ToString());
        using var json = JsonDocument.Parse(found.Out);
        Assert.Equal("person", json.RootElement[0].GetProperty("kind").GetString());
        Assert.Equal(AtlasCommand.SomeInputsFailed, none.ExitCode);
        Assert.Contains("No agency, organisation or person is known by a name containing 'zzzz'", none.Out, StringComparison.Ordinal);
    }

    /// <summary>One database with the samples and seeds, ingested once by <c>atlas ingest</c>.</summary>
    public sealed class Ingested : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Ingested()
        {
            var run = Atlas.RunAsync("--db", _temp.Db, "ingest", RepoPaths.Samples, RepoPaths.Seeds).GetAwaiter().GetResult();
            if (run.ExitCode != AtlasCommand.Ok)
            {
                throw new InvalidOperationException(run.ToString());
            }
        }

        public string Path => _temp.Db;

        public void Dispose() => _temp.Dispose();
    }
}
