using Microsoft.AspNetCore.Http;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Watches;

namespace SoftPowerAtlas.Web.Tests.Watches;

/// <summary>What the search page's button watches, and how the watch pages write a moment.</summary>
public sealed class WatchButtonTests
{
    [Theory]
    [InlineData("sector:film", WatchKind.Sector, "film", "sector film")]
    [InlineData("country:ญี่ปุ่น", WatchKind.Country, "JP", "country JP")]
    [InlineData("  country:fr ", WatchKind.Country, "FR", "country FR")]
    [InlineData("ภาพยนตร์ country:FR", WatchKind.Search, "ภาพยนตร์ country:FR", "ภาพยนตร์ country:FR")]
    [InlineData("-sector:film", WatchKind.Search, "-sector:film", "-sector:film")]
    [InlineData("country:FR,JP", WatchKind.Search, "country:FR,JP", "country:FR,JP")]
    [InlineData("sector:film year:2024", WatchKind.Search, "sector:film year:2024", "sector:film year:2024")]
    [InlineData("agency:อพท.", WatchKind.Search, "agency:อพท.", "agency:อพท.")]
    public void ForSearch_OneCountryOrSectorFilterAlone_FollowsItElseSavesTheSearch(string text, WatchKind kind, string target, string name)
    {
        var query = SearchQuery.Parse(text).Query!;

        var button = WatchButton.ForSearch(query, text.Trim(), exact: false, (k, v) => k.Text() + " " + v);

        Assert.Equal(new WatchButton(kind, target, name), button);
    }

    [Fact]
    public void ForSearch_ExactSearch_KeepsExact()
    {
        var button = WatchButton.ForSearch(SearchQuery.Parse("โขน").Query!, "โขน", exact: true, (_, v) => v);

        Assert.Equal(new WatchButton(WatchKind.Search, "โขน", "โขน", Exact: true), button);
    }

    [Theory]
    [InlineData("th", "2024-05-29T07:05:00Z", "29 พ.ค. 2567 14:05 น.")]
    [InlineData("en", "2024-05-29T07:05:00Z", "29 May 2024 14:05")]
    [InlineData("th", "2024-12-31T17:30:00Z", "1 ม.ค. 2568 00:30 น.")] // already the next day in Bangkok
    public void Moment_UtcInstant_BangkokDayAndTimeInTheReadersLanguage(string language, string utc, string expected)
    {
        var context = new DefaultHttpContext();
        context.Items[LanguageMiddleware.ItemKey] = language;
        var text = new UiText(UiLabels.Default, new HttpContextAccessor { HttpContext = context });

        Assert.Equal(expected, WatchText.Moment(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), text));
    }
}
