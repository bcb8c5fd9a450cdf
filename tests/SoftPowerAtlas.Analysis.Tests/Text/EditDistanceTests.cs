using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("Kunplome", "Kunplome", 2, 0)]
    [InlineData("Kunplome", "Kunplume", 2, 1)] // one letter replaced
    [InlineData("Kumamon", "Kumamong", 2, 1)] // one letter added
    [InlineData("ซอฟต์พาวเวอร์", "ซอฟท์พาวเวอร์", 2, 1)]
    [InlineData("culture", "cultural", 2, 2)]
    [InlineData("film", "festival", 2, 3)] // more than the limit: limit + 1
    [InlineData("", "abc", 5, 3)]
    [InlineData("Japan Foundation", "Korea Foundation", 1, 2)] // gives up past the limit
    public void Within_Pairs_DistanceOrLimitPlusOne(string a, string b, int limit, int expected)
    {
        Assert.Equal(expected, EditDistance.Within(a, b, limit));
        Assert.Equal(expected, EditDistance.Within(b, a, limit));
    }

    [Theory]
    [InlineData("ซอฟต์พาวเวอร์", "ซอฟท์พาวเวอร์", 2, 1)] // ต์ → ท์: one cluster, one edit
    [InlineData("ภาพยนตร์", "ภาพยนต์", 2, 2)] // ต → ต์ and ร์ dropped
    [InlineData("กระทรวง", "กะทรวง", 2, 1)]
    [InlineData("cultural", "cultral", 2, 1)]
    [InlineData("Jérémy", "Jeremy", 2, 2)] // precomposed é is one cluster
    [InlineData("e\u0301", "é", 1, 1)] // a decomposed é is one cluster too, but not the same string
    [InlineData("👍🏽 film", "👍 film", 1, 1)] // an emoji with its skin tone is one cluster
    [InlineData("ภาพยนตร์", "ดนตรี", 2, 3)] // past the limit: limit + 1
    [InlineData("", "เพลง", 5, 4)] // เ พ ล ง
    public void Graphemes_Pairs_DistanceInClustersOrLimitPlusOne(string a, string b, int limit, int expected)
    {
        a = System.Text.RegularExpressions.Regex.Unescape(a);
        Assert.Equal(expected, EditDistance.Graphemes(a, b, limit));
        Assert.Equal(expected, EditDistance.Graphemes(b, a, limit));
    }

    [Theory]
    [InlineData("ซอฟต์", new[] { "ซ", "อ", "ฟ", "ต์" })]
    [InlineData("ที่", new[] { "ที่" })]
    [InlineData("น้ำ", new[] { "น้ำ" })] // sara am is a spacing mark: it stays with its consonant
    [InlineData("a👍🏽", new[] { "a", "👍🏽" })]
    public void Elements_ThaiAndEmoji_ClustersInOrder(string text, string[] expected) =>
        Assert.Equal(expected, EditDistance.Elements(text));
}
