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
}
