using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

public sealed partial class TimelineApiTests : WebTest
{
    /// <summary>10 April 2024, 20:00 in Bangkok: the samples' commitments fall before and after it.</summary>
    private static readonly DateTimeOffset Now = new(2024, 4, 10, 13, 0, 0, TimeSpan.Zero);

    protected override TimeProvider? Clock => new FixedClock(Now);

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Timeline_ThaiCountryName_OnlyThatPartnerInDateOrder()
    {
        var page = await GetJson("/api/timeline?country=" + Uri.EscapeDataString("ญี่ปุ่น") + "&limit=200");
        var items = Items(page);
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("JP", i.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
        var starts = items.Where(i => i.GetProperty("date").ValueKind != JsonValueKind.Null).Select(i => i.GetProperty("date").GetProperty("start").GetString()).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.Equal(items.Count, page.GetProperty("total").GetInt64());
        Assert.All(items, i => Assert.True(i.GetProperty("source").GetProperty("end").GetInt32() > i.GetProperty("source").GetProperty("start").GetInt32()));
    }

    [Fact]
    public async Task Timeline_Paged_SlicesOfOneOrder()
    {
        var all = Items(await GetJson("/api/timeline?limit=200"));
        var first = await GetJson("/api/timeline?limit=7");
        var second = await GetJson("/api/timeline?limit=7&offset=7");
        Assert.Equal(7, first.GetProperty("nextOffset").GetInt32());
        Assert.Equal(all.Skip(7).Take(7).Select(Key), Items(second).Select(Key));
        Assert.Equal(all.Count, first.GetProperty("engagements").GetInt32() + first.GetProperty("commitments").GetInt32());
        Assert.Equal(all.Count(i => i.GetProperty("date").ValueKind != JsonValueKind.Null), first.GetProperty("years").EnumerateArray().Sum(y => y.GetProperty("count").GetInt32()));
    }

    [Fact]
    public void TimelineService_NewestFirstPages_SlicesOfTheReversedDatedKeysThenUndated()
    {
        var timeline = Factory.Services.GetRequiredService<SoftPowerAtlas.Web.Timeline.TimelineService>();
        var filter = new SoftPowerAtlas.Storage.Facts.FactFilter();
        var oldest = timeline.Slice(filter, 0, 1000);
        var dated = oldest.Items.Where(i => i.Entry.Date is { HasYear: true }).ToList();
        var expected = dated.AsEnumerable().Reverse().Concat(oldest.Items.Where(i => i.Entry.Date is not { HasYear: true })).Select(i => (i.Entry.Kind, i.Entry.Id)).ToList();
        Assert.True(expected.Count > 10, $"{expected.Count} entries");
        var newest = new SoftPowerAtlas.Web.Timeline.TimelineView(NewestFirst: true, States: null);

        // Paged twice over (the second pass reads the order kept from the first), in pages of 7.
        for (var pass = 0; pass < 2; pass++)
        {
            var read = new List<(string, string)>();
            for (var offset = 0; offset < expected.Count; offset += 7)
            {
                var slice = timeline.Slice(filter, offset, 7, newest);
                Assert.Equal(expected.Count, slice.Total);
                Assert.Equal(dated.Count - oldest.TodayOffset, slice.TodayOffset);
                read.AddRange(slice.Items.Select(i => (i.Entry.Kind, i.Entry.Id)));
            }

            Assert.Equal(expected, read);
        }
    }

    [Fact]
    public async Task Timeline_FixedClock_FlagsEachCommitmentByItsDueDay()
    {
        var page = await GetJson("/api/timeline?type=commitment&limit=200");
        Assert.Equal("2024-04-10", page.GetProperty("today").GetString());
        var today = new DateOnly(2024, 4, 10);
        var dated = Items(page).Where(i => i.GetProperty("date").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(dated);
        foreach (var item in dated)
        {
            var dueBy = DateOnly.ParseExact(item.GetProperty("date").GetProperty("end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var days = dueBy.DayNumber - today.DayNumber;
            Assert.Equal(days, item.GetProperty("daysLeft").GetInt32());
            Assert.Equal(days < 0 ? "overdue" : days <= 30 ? "due_soon" : "open", item.GetProperty("status").GetString());
        }

        Assert.Contains(dated, i => i.GetProperty("status").GetString() == "due_soon"); // T-POP Night, 20 April 2024
        Assert.Contains(dated, i => i.GetProperty("status").GetString() == "open");
    }

    [Theory]
    [InlineData("country=Narnia", "no country 'Narnia'")]
    [InlineData("sector=cooking", "unknown sector 'cooking'")]
    [InlineData("from=2024-13", "from:")]
    [InlineData("from=2025&to=2024", "the period is empty")]
    public async Task Timeline_BadFilter_Returns400Problem(string query, string message)
    {
        using var response = await Client.GetAsync("/api/timeline?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkDone_OnTimelinePage_TimelineShowsItDoneThenUndoOpensIt()
    {
        var key = await FirstOpenCommitment();
        var (token, _) = await FormToken("/timeline?type=commitment");
        using var done = await Client.PostAsync("/timeline?handler=Done", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = key,
            ["note"] = "sent <b>on time</b>",
            ["returnUrl"] = "/timeline?type=commitment",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/timeline?type=commitment#c-" + key, done.Headers.Location?.OriginalString);

        var item = Items(await GetJson("/api/timeline?type=commitment&limit=200")).Single(i => i.GetProperty("id").GetString() == key);
        Assert.Equal("done", item.GetProperty("status").GetString());
        Assert.Equal("sent <b>on time</b>", item.GetProperty("doneNote").GetString());
        var html = await Client.GetStringAsync("/timeline?type=commitment");
        Assert.Matches(ItemWithStatus(key, "done"), html);
        Assert.Contains("sent &lt;b&gt;on time&lt;/b&gt;", html, StringComparison.Ordinal);

        (token, _) = await FormToken("/timeline?type=commitment");
        using var undone = await Client.PostAsync("/timeline?handler=Undone", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = key,
            ["returnUrl"] = "https://evil.example/",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal("/timeline#c-" + key, undone.Headers.Location?.OriginalString); // Never sent off the site.
        item = Items(await GetJson("/api/timeline?type=commitment&limit=200")).Single(i => i.GetProperty("id").GetString() == key);
        Assert.NotEqual("done", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MarkDone_WithoutAntiforgeryToken_Returns400AndMarksNothing()
    {
        var key = await FirstOpenCommitment();
        using var response = await Client.PostAsync("/timeline?handler=Done", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var item = Items(await GetJson("/api/timeline?type=commitment&limit=200")).Single(i => i.GetProperty("id").GetString() == key);
        Assert.NotEqual("done", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MarkDone_UnknownKey_Returns400()
    {
        var (token, _) = await FormToken("/timeline?type=commitment");
        using var response = await Client.PostAsync("/timeline?handler=Done", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = "ffffffffffff",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no fact 'ffffffffffff'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Key(JsonElement item) => item.GetProperty("kind").GetString() + ":" + item.GetProperty("id").GetString();

    private async Task<string> FirstOpenCommitment() =>
        Items(await GetJson("/api/timeline?type=commitment&limit=200"))
            .First(i => i.GetProperty("status").ValueKind == JsonValueKind.String && i.GetProperty("status").GetString() != "done")
            .GetProperty("id").GetString()!;

    /// <summary>The antiforgery token of a page's forms (its cookie stays in the client).</summary>
    private async Task<(string Token, string Html)> FormToken(string url)
    {
        var html = await Client.GetStringAsync(url);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "no antiforgery token on " + url);
        return (match.Groups[1].Value, html);
    }

    private static Regex ItemWithStatus(string key, string status) =>
        new($"id=\"c-{key}\" data-kind=\"commitment\" data-status=\"{status}\"", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
