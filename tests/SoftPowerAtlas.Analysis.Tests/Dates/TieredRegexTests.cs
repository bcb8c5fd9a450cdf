using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public sealed class TieredRegexTests
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A Thai weekday or an English one on word boundaries, as the date patterns write them.
    private const string WeekdayPattern = "(?<![A-Za-z])(?<wd>Monday|Friday)(?![A-Za-z])|วัน(?<wd>จันทร์|ศุกร์)";

    [Fact]
    public void Next_BeforeThreshold_Interpreted()
    {
        var regex = new TieredRegex(WeekdayPattern, Options, compileAfter: 3);

        var first = regex.Next();
        var second = regex.Next();

        Assert.False(regex.IsCompiled);
        Assert.Equal(RegexOptions.None, first.Options & RegexOptions.Compiled);
        Assert.Same(first, second);
    }

    [Fact]
    public void Next_ThresholdReached_ReturnsCompiledFromThenOn()
    {
        var regex = new TieredRegex(WeekdayPattern, Options, compileAfter: 2);

        var interpreted = regex.Next();
        var compiled = regex.Next();

        Assert.True(regex.IsCompiled);
        Assert.NotSame(interpreted, compiled);
        Assert.Equal(Options | RegexOptions.Compiled, compiled.Options);
        Assert.Same(compiled, regex.Next());
    }

    [Fact]
    public void Constructor_CompiledOptionGiven_StillStartsInterpreted()
    {
        var regex = new TieredRegex(WeekdayPattern, Options | RegexOptions.Compiled, compileAfter: 5);

        Assert.False(regex.IsCompiled);
        Assert.Equal(Options, regex.Next().Options);
    }

    [Fact]
    public void Constructor_ZeroThreshold_CompiledAtOnce()
    {
        var regex = new TieredRegex(WeekdayPattern, Options, compileAfter: 0);

        Assert.True(regex.IsCompiled);
    }

    [Theory]
    [InlineData("เมื่อวันศุกร์ที่ผ่านมา ท่านทูตได้พบกับคณะผู้แทน", "ศุกร์", 8)]
    [InlineData("The delegation arrived on Friday, 7 June, and left Monday.", "Friday", 26)]
    [InlineData("Fridays are quiet; the fair opens on Monday.", "Monday", 37)]
    [InlineData("การประชุมจะจัดขึ้นในวันจันทร์หน้า (Monday next week)", "จันทร์", 23)]
    public void Next_BothForms_SameFirstMatchAndOffsets(string text, string weekday, int index)
    {
        var regex = new TieredRegex(WeekdayPattern, Options, compileAfter: 2);

        var before = regex.Next().Match(text);
        var after = regex.Next().Match(text);

        Assert.True(regex.IsCompiled);
        Assert.Equal(weekday, before.Groups["wd"].Value);
        Assert.Equal(index, before.Groups["wd"].Index);
        Assert.Equal(
            before.Groups["wd"].Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + before.Value,
            after.Groups["wd"].Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + after.Value);
    }

    [Fact]
    public void Constructor_NegativeThreshold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TieredRegex(WeekdayPattern, Options, compileAfter: -1));
    }
}
