using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Tests.Search;

public sealed class FieldWordCompatibilityTests
{
    [Theory]
    [InlineData("ซอฟต์พาวเวอร์", "ซอฟต์ พา ว เวอร์", true)] // one word: its earlier pieces as a phrase
    [InlineData("นโยบายซอฟต์พาวเวอร์", "นโยบาย ซอฟต์ พา ว เวอร์", false)] // a run: the same run, cut as before
    [InlineData("\"อินฟลูเอนเซอร์ไทย\"", "อิน ฟลู เอน เซอร์ ไทย", true)] // a quoted phrase stays one
    public void Apply_TermTheLexiconKeepsWhole_AlsoSearchesItsEarlierCut(string typed, string before, bool quoted)
    {
        var query = SearchQuery.Parse(typed).Query!;

        var alternatives = Assert.Single(FieldWordCompatibility.Apply(query, TestText.Search).Clauses).Alternatives;

        Assert.Equal(2, alternatives.Count);
        Assert.Same(query.Clauses[0].Alternatives[0], alternatives[0]);
        Assert.Equal(before, alternatives[1].Text);
        Assert.Equal(quoted, alternatives[1].Quoted);
        Assert.Equal(query.Clauses[0].Alternatives[0].Position, alternatives[1].Position);
    }

    [Fact]
    public void Apply_ExcludedLexiconWord_ExcludesItsEarlierCutToo()
    {
        var applied = FieldWordCompatibility.Apply(SearchQuery.Parse("ภาพยนตร์ -ซอฟต์พาวเวอร์").Query!, TestText.Search);

        Assert.Equal(["ซอฟต์พาวเวอร์", "ซอฟต์ พา ว เวอร์"], applied.Excluded.Select(t => t.Text));
        Assert.Single(Assert.Single(applied.Clauses).Alternatives);
    }

    [Theory]
    [InlineData("ภาพยนตร์ เกาหลี")]
    [InlineData("soft power country:FR")]
    [InlineData("ซอฟต์พาว*")] // a prefix is not segmented
    [InlineData("year:2024")]
    public void Apply_NothingTheLexiconChanged_SameQuery(string typed)
    {
        var query = SearchQuery.Parse(typed).Query!;

        Assert.Same(query, FieldWordCompatibility.Apply(query, TestText.Search));
    }
}
