using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Duplicates;

public sealed class ContentNumbersTests
{
    [Fact]
    public void Of_CleanedThaiDigitsBuddhistYearAndSeparators_ReadAsTheEnglishVersionWritesThem()
    {
        var cleaned = ThaiNormalizer.Normalize(MappedText.Identity("ลงนามเมื่อ ๑๒ มีนาคม พ.ศ. ๒๕๖๘ มูลค่า ๑,๕๐๐ ล้านบาท สตูดิโอ 25 แห่ง")).Text;
        var thai = ContentNumbers.Of(cleaned);
        var english = ContentNumbers.Of("signed on 12 March 2025, worth 1,500 million baht, 25 studios.");

        Assert.Equal(["12", "2025", "1500", "25"], thai);
        Assert.Equal(thai, english);
    }

    [Theory]
    [InlineData("the term is 3 years.", new[] { "3" })] // a full stop ends the number
    [InlineData("growth of 1.50 per cent and 1.5 again", new[] { "1.5" })]
    [InlineData("room 007 and 7", new[] { "7" })]
    [InlineData("no numbers here", new string[0])]
    [InlineData("year 1999 and 2567", new[] { "1999", "2024" })]
    public void Of_Shapes_OneValueEach(string text, string[] expected) => Assert.Equal(expected, ContentNumbers.Of(text));

    [Fact]
    public void Of_VeryLongDigitRun_KeptByItsFirstDigits()
    {
        var numbers = ContentNumbers.Of(new string('9', 500));

        Assert.Equal([new string('9', 12)], numbers);
    }

    [Fact]
    public void Compare_SomeShared_CountAndShareOfAll()
    {
        var (shared, similarity) = ContentNumbers.Compare(["12", "2025", "3"], ["12", "2025", "8", "40"]);

        Assert.Equal(2, shared);
        Assert.Equal(0.4, similarity, 3);
    }

    [Fact]
    public void Compare_BothEmpty_NothingShared() => Assert.Equal((0, 0.0), ContentNumbers.Compare([], []));
}
