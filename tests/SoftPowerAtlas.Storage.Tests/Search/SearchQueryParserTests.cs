using FsCheck;
using FsCheck.Fluent;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Tests.Search;

public class SearchQueryParserTests
{
    [Fact]
    public void Parse_WordsPhraseAndExclusion_BuildsClauses()
    {
        var query = Parse("film \"creative economy\" -otop ภาพยนตร์เกาหลี");

        Assert.Equal(["film", "creative economy", "ภาพยนตร์เกาหลี"], query.Clauses.Select(c => c.Alternatives.Single().Text));
        Assert.True(query.Clauses[1].Alternatives[0].Quoted);
        Assert.Equal(5, query.Clauses[1].Alternatives[0].Position);
        var excluded = Assert.Single(query.Excluded);
        Assert.Equal(("otop", 24), (excluded.Text, excluded.Position));
    }

    [Fact]
    public void Parse_Or_JoinsNeighboursIntoOneClause()
    {
        var query = Parse("film OR music OR ดนตรี japan");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(["film", "music", "ดนตรี"], query.Clauses[0].Alternatives.Select(t => t.Text));
        Assert.Equal("japan", query.Clauses[1].Alternatives.Single().Text);
    }

    [Fact]
    public void Parse_LowerCaseOr_IsAWord()
    {
        var query = Parse("film or music");

        Assert.Equal(3, query.Clauses.Count);
    }

    [Theory]
    [InlineData("country:FR", "FR")]
    [InlineData("country:fr", "FR")]
    [InlineData("country:France", "FR")]
    [InlineData("country:ฝรั่งเศส", "FR")]
    [InlineData("country:ญี่ปุ่น", "JP")]
    [InlineData("country:\"South Korea\"", "KR")]
    [InlineData("Country:JP", "JP")]
    public void Parse_Country_ResolvesToIsoCode(string text, string code)
    {
        var filter = Assert.Single(Parse(text).Filters);

        Assert.Equal((SearchField.Country, code), (filter.Field, filter.Values.Single()));
    }

    [Theory]
    [InlineData("sector:film", "film")]
    [InlineData("sector:FILM", "film")]
    [InlineData("sector:series_drama", "series_drama")]
    [InlineData("type:mou_signing", "mou_signing")]
    [InlineData("type:mou", "mou_signing")]
    [InlineData("type:forum", "forum_or_exhibition")]
    [InlineData("year:2024", "2024")]
    [InlineData("year:2567", "2024")]
    public void Parse_FieldValue_Normalised(string text, string value)
    {
        Assert.Equal(value, Assert.Single(Parse(text).Filters).Values.Single());
    }

    [Fact]
    public void Parse_SeveralValuesAndNegation_KeptPerFilter()
    {
        var query = Parse("soft power country:FR,JP -sector:food agency:อพท.");

        var country = query.Including(SearchField.Country).Single();
        Assert.Equal(["FR", "JP"], country.Values);
        Assert.True(query.Excluding(SearchField.Sector).Single().Negated);
        Assert.Equal("อพท.", query.Including(SearchField.Agency).Single().Values.Single());
    }

    [Theory]
    [InlineData("from:2023-01 to:2023-12", "2023-01", "2023-12", "2024-01")]
    [InlineData("from:2023", null, null, null)]
    [InlineData("to:2024-02-29", null, "2024-02-29", "2024-03-01")]
    [InlineData("from:2566-05-01", "2023-05-01", null, null)]
    [InlineData("from:2023-12 to:2023-12-31", "2023-12", "2023-12-31", "2024-01-01")]
    public void Parse_DateBounds_NormalisedWithExclusiveEnd(string text, string? from, string? to, string? toExclusive)
    {
        var dates = Parse(text).Dates!;

        if (from is not null)
        {
            Assert.Equal(from, dates.From);
        }

        Assert.Equal(to, dates.To);
        Assert.Equal(toExclusive, dates.ToExclusive);
    }

    [Fact]
    public void Parse_PrefixStar_MarksTerm()
    {
        var term = Parse("creat*").Clauses.Single().Alternatives.Single();

        Assert.Equal(("creat", true), (term.Text, term.Prefix));
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("film \"creative", 5, "character 6 is never closed")]
    [InlineData("film - music", 5, "'-' at character 6")]
    [InlineData("film -", 5, "'-' at character 6")]
    [InlineData("foo:bar", 0, "unknown field 'foo' at character 1")]
    [InlineData("film colour:red", 5, "unknown field 'colour'")]
    [InlineData("from:2023-02-31", 0, "2023-02 has 28 days")]
    [InlineData("from:2024-13", 0, "no month 13")]
    [InlineData("to:yesterday", 0, "'yesterday' is not a date")]
    [InlineData("from:2024 to:2023", 0, "after to:2023")]
    [InlineData("year:24", 0, "'24' is not a year")]
    [InlineData("year:1066", 0, "outside 1900-2100")]
    [InlineData("country:Narnia", 0, "no country 'Narnia'")]
    [InlineData("sector:knitting", 0, "sectors are")]
    [InlineData("type:party", 0, "types are")]
    [InlineData("country:", 0, "has no value")]
    [InlineData("OR film", 0, "OR at character 1")]
    [InlineData("film OR", 5, "OR at character 6")]
    [InlineData("film OR -music", 5, "OR at character 6")]
    [InlineData("-film", 0, "cannot only exclude")]
    [InlineData("film \"\"", 5, "hold nothing")]
    [InlineData("*", 0, "no letters before the *")]
    [InlineData("from:2023 from:2024", 10, "given twice")]
    [InlineData("-from:2023", 0, "cannot be excluded")]
    public void Parse_Malformed_ErrorNamesProblemAndPosition(string text, int position, string message)
    {
        var result = SearchQuery.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(position, result.Error!.Position);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_Refused()
    {
        var result = SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1));

        Assert.Contains("at most 1000", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyWords_Refused()
    {
        var result = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("film", SearchQuery.MaxParts + 1)));

        Assert.Contains("more than 64", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Url_IsAWordNotAField()
    {
        var query = Parse("https://www.mculture.go.th");

        Assert.Equal("https://www.mculture.go.th", query.Clauses.Single().Alternatives.Single().Text);
    }

    [Fact]
    public void Parse_AnyString_NeverThrowsAndAlwaysAnswers()
    {
        var alphabet = "ab ก่า\"-:*ORcountry:from:2023-to year:25 \u0E31\uD83D\uDE00\uD83D\t,.()\\'%_".ToCharArray();
        var strings = Gen.Elements(alphabet).ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(Arb.From(strings), text =>
        {
            var result = SearchQuery.Parse(text);
            return (result.Query is null) != (result.Error is null)
                && (result.Error is null || (result.Error.Position >= 0 && result.Error.Position <= text.Length && result.Error.Message.Length > 0));
        }).QuickCheckThrowOnFailure();

        Prop.ForAll<string>(text => SearchQuery.Parse(text) is { } r && (r.Query is null) != (r.Error is null)).QuickCheckThrowOnFailure();
    }

    private static SearchQuery Parse(string text)
    {
        var result = SearchQuery.Parse(text);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Query!;
    }
}
