using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

public class SpanCoverTests
{
    private static readonly SpanCover Cover = new([new TextSpan(10, 20), new TextSpan(30, 35), new TextSpan(30, 40), new TextSpan(50, 55)]);

    [Theory]
    [InlineData(12, 18, true)]  // inside 10..20
    [InlineData(10, 20, false)] // only itself
    [InlineData(10, 15, true)]  // same start, a longer span
    [InlineData(30, 35, true)]  // 30..40 covers it
    [InlineData(30, 40, false)] // nothing longer
    [InlineData(18, 25, false)] // runs past 10..20
    [InlineData(0, 5, false)]   // before every span
    [InlineData(52, 60, false)] // past the end of 50..55
    public void CoversOtherThan_Spans_AsTheWholeListWould(int start, int end, bool expected)
    {
        Assert.Equal(expected, Cover.CoversOtherThan(new TextSpan(start, end)));
    }

    [Fact]
    public void CoversOtherThan_NoSpans_Never()
    {
        Assert.False(new SpanCover([]).CoversOtherThan(new TextSpan(0, 1)));
    }
}
