using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>The text snippets are marked with: prefixes spelled out as the words of the page that they begin.</summary>
public class Fts5MatchTests
{
    [Theory]
    [InlineData("festiv*", "(\"festival\" OR \"festive\")")]
    [InlineData("FESTIV*", "(\"festival\" OR \"festive\")")]
    [InlineData("film festiv*", "\"film\" AND (\"festival\" OR \"festive\")")]
    [InlineData("เกาหลี*", "(\"เกาหลีใต้\")")]
    [InlineData("festiv* -film", "(\"festival\" OR \"festive\")")]
    [InlineData("xyz*", "\"xyz\"*")]
    [InlineData("\"Thai festiv\"*", "\"Thai festiv\"*")]
    [InlineData("film", "\"film\"")]
    public void Marking_PrefixTerms_BecomeTheWordsTheyBegin(string text, string expected)
    {
        var query = SearchQuery.Parse(text).Query!;

        var marking = Fts5Match.Marking(query, ["Festival", "festive", "film", "fest", "เกาหลีใต้", "festival"], TestText.Search);

        Assert.Equal(expected, marking);
    }

    [Fact]
    public void Marking_PrefixBeginningTooManyWords_LeftAsItIs()
    {
        var query = SearchQuery.Parse("a*").Query!;
        var words = Enumerable.Range(0, Fts5Match.MarkingWords + 1).Select(i => "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal("\"a\"*", Fts5Match.Marking(query, words, TestText.Search));
        Assert.StartsWith("(\"a0\" OR", Fts5Match.Marking(query, words.Take(Fts5Match.MarkingWords), TestText.Search), StringComparison.Ordinal);
    }

    [Fact]
    public void Marking_WordWithAQuote_QuotedForFts5()
    {
        var marking = Fts5Match.Marking(SearchQuery.Parse("o*").Query!, ["o\"neil"], TestText.Search);

        Assert.Equal("(\"o\"\"neil\")", marking);
    }

    [Fact]
    public void Tokens_SplitWhereTheTokenizerDoes_MarksStayInTheirThaiWords()
    {
        Assert.Equal(["Festival", "s", "ภาพยนตร์", "เกาหลี", "2024"], Fts5Match.Tokens("Festival's ภาพยนตร์ เกาหลี, (2024)!").ToList());
    }
}
