using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Resolution;

namespace SoftPowerAtlas.Storage.Tests.Resolution;

public sealed class ReportMatchTests
{
    [Fact]
    public void Matches_SharedBodyOnTheDayAfter_Same()
    {
        var signing = Sketch("2025-03-12", "mou_signing", parties: ["agency:cea"]);
        var dateline = Sketch("2025-03-13", "announcement", parties: ["agency:cea", "org:kanazawa"]);

        Assert.True(Same(signing, dateline));
    }

    [Fact]
    public void Matches_TwoDaysApart_NotSame()
    {
        Assert.False(Same(Sketch("2025-03-12", "mou_signing", parties: ["agency:cea"]), Sketch("2025-03-14", "mou_signing", parties: ["agency:cea"])));
    }

    [Fact]
    public void Matches_SameDayNoPartyOnlyTheType_NotSame()
    {
        Assert.False(Same(Sketch("2025-03-12", "meeting", countries: ["JP"]), Sketch("2025-03-12", "meeting", countries: ["KR"])));
    }

    [Fact]
    public void Matches_SameBodyMeetingTwoCountriesOnOneDay_NotSame()
    {
        Assert.False(Same(Sketch("2025-03-12", "meeting", parties: ["agency:cea"], countries: ["JP"]), Sketch("2025-03-12", "meeting", parties: ["agency:cea"], countries: ["KR"])));
    }

    [Fact]
    public void Matches_SameDayAndTypeOnly_NotSame()
    {
        Assert.False(Same(Sketch("2025-03-12", "meeting", sectors: ["film"]), Sketch("2025-03-12", "meeting", sectors: ["food"])));
    }

    [Fact]
    public void Matches_SameDayCountryAndSectorWithoutParty_Same()
    {
        // The Thai and English reports name the embassy differently; the country, the sector and the day agree.
        var thai = Sketch("2021-12-03", "other", countries: ["VN"], sectors: ["art"], parties: ["org:สถานเอกอัครราชทูตณกรุงฮานอย"]);
        var english = Sketch("2021-12-03", "forum_or_exhibition", countries: ["VN"], sectors: ["art", "tourism"], parties: ["org:royalthaiembassyinhanoi"]);

        Assert.True(Same(thai, english));
    }

    [Fact]
    public void Matches_BothOnlyAMonth_NotSame()
    {
        Assert.False(Same(Sketch("2025-03", "meeting", parties: ["agency:cea"]), Sketch("2025-03", "meeting", parties: ["agency:cea"])));
    }

    [Theory]
    [InlineData("2024", null)]             // a year: too long to tell engagements apart
    [InlineData("2024-01-10/2024-12-20", null)]
    [InlineData("--10-14", null)]          // no year: no day on a calendar
    [InlineData("2024-10", false)]
    [InlineData("2024-10-21/2024-11-12", true)]
    [InlineData("2024-10-21T09:30", true)]
    public void DaysOf_UsableSpansOnly(string date, bool? exact)
    {
        var parts = date.Split('/');
        var days = ReportSketch.DaysOf(FactDate.FromColumns(parts[0], parts.Length > 1 ? parts[1] : null));

        Assert.Equal(exact, days?.Exact);
    }

    private static bool Same(ReportSketch a, ReportSketch b) => ReportMatch.Matches(a, Candidate.Of(b, a)) && ReportMatch.Matches(b, Candidate.Of(a, b));

    private static ReportSketch Sketch(string date, string type, string[]? parties = null, string[]? countries = null, string[]? sectors = null)
    {
        var days = ReportSketch.DaysOf(FactDate.FromColumns(date, null))!.Value;
        var sketch = new ReportSketch(1, 1, type, days.From, days.To, days.Exact);
        sketch.Parties.UnionWith(parties ?? []);
        sketch.Countries.UnionWith(countries ?? []);
        sketch.Sectors.UnionWith(sectors ?? []);
        return sketch;
    }
}
