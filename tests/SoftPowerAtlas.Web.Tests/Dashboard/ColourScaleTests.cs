using SoftPowerAtlas.Web.Dashboard;

namespace SoftPowerAtlas.Web.Tests.Dashboard;

public class ColourScaleTests
{
    [Theory]
    [InlineData(new long[] { }, "")]
    [InlineData(new long[] { 0, 0 }, "")]
    [InlineData(new long[] { 4 }, "1-4:4")]
    [InlineData(new long[] { 1, 1, 2 }, "1-1:0 2-2:4")]
    [InlineData(new long[] { 3, 1, 2, 2 }, "1-1:0 2-2:2 3-3:4")]
    [InlineData(new long[] { 1, 2, 5, 9, 10, 40, 100 }, "1-2:0 3-5:1 6-10:2 11-40:3 41-100:4")] // one large count keeps the others apart
    [InlineData(new long[] { 120, 3, 3, 3, 1 }, "1-1:0 2-3:2 4-120:4")]
    public void Steps_Counts_CoverOneToTheLargestInAtMostFiveSteps(long[] counts, string expected)
    {
        var steps = ColourScale.Steps(counts, ColourScale.Purples);
        var written = string.Join(" ", steps.Select(s => $"{s.From}-{s.To}:{IndexOf(s.Colour)}"));
        Assert.Equal(expected, written);
        Assert.All(counts.Where(c => c > 0), c => Assert.Single(steps, s => c >= s.From && c <= s.To));
    }

    private static int IndexOf(string colour) => ColourScale.Purples.ToList().IndexOf(colour);
}
