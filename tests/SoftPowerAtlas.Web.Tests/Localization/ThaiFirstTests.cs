using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Localization;

/// <summary>
/// Thai first: a new visitor reads Thai unless the browser ranks English higher; ?lang= and the cookie
/// still win; and no English label of labels.tsv is left on a page shown in Thai.
/// </summary>
public sealed partial class ThaiFirstTests : WebTest
{
    /// <summary>The main pages a user walks through, and the forms they fill in.</summary>
    public static TheoryData<string> MainPages { get; } = new()
    {
        "/", "/documents", "/documents/1", "/documents/4", "/search?q=ภาพยนตร์", "/search?q=film+country:KR",
        "/engagements", "/timeline", "/timeline?status=done", "/due", "/due?status=open,done",
        "/entities", "/entities/1", "/countries/JP", "/provinces/TH-10", "/network", "/ingest",
        "/api-docs", "/admin/users", "/login", "/no-such-page", "/search?q=country:",
    };

    [Theory]
    [InlineData(null, "th")]
    [InlineData("", "th")]
    [InlineData("th", "th")]
    [InlineData("th-TH,th;q=0.9,en;q=0.8", "th")]
    [InlineData("en-US,en;q=0.9,th;q=0.8", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("EN", "en")]
    [InlineData("fr-FR,fr;q=0.9", "th")]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5", "en")]
    [InlineData("en;q=0.5,th;q=0.9", "th")]
    [InlineData("th;q=0.7,en;q=0.7", "th")]
    [InlineData("en;q=0", "th")]
    [InlineData("ja,*;q=0.5", "th")]
    [InlineData(";;;q=x,,", "th")]
    public void FromAcceptLanguage_Header_ThaiUnlessEnglishRanksHigher(string? header, string expected) =>
        Assert.Equal(expected, LanguageMiddleware.FromAcceptLanguage(header));

    [Theory]
    [InlineData(null, "th", "ภาพรวม")]
    [InlineData("en-US,en;q=0.9", "en", "Dashboard")]
    [InlineData("de-DE,de;q=0.9", "th", "ภาพรวม")]
    public async Task Get_NewVisitor_ThaiUnlessTheBrowserPrefersEnglish(string? acceptLanguage, string lang, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_QueryThenCookie_WinOverTheBrowsersPreference()
    {
        using var asked = new HttpRequestMessage(HttpMethod.Get, "/?lang=en");
        asked.Headers.AcceptLanguage.ParseAdd("th-TH");
        using var english = await Client.SendAsync(asked);
        Assert.Contains("<h1>Dashboard</h1>", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cookie = english.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(LanguageMiddleware.CookieName, StringComparison.Ordinal)).Split(';')[0];

        using var later = new HttpRequestMessage(HttpMethod.Get, "/documents");
        later.Headers.AcceptLanguage.ParseAdd("th-TH");
        later.Headers.Add("Cookie", cookie);
        using var next = await Client.SendAsync(later);
        var html = await next.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Documents</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Get_MainPageInThai_HasNoEnglishLabelLeft(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("th", document.DocumentElement.GetAttribute("lang"));

        var left = Chrome(document).Where(IsEnglishLabel).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(left.Count == 0, $"{url} shows English labels in Thai: {string.Join(" | ", left)}");
        Assert.DoesNotMatch(MissingLabel(), document.Body?.TextContent ?? string.Empty);
    }

    [Theory]
    [InlineData("/", "Dashboard")]
    [InlineData("/due", "Due")]
    [InlineData("/no-such-page", "Page not found")]
    public async Task Get_MainPageInEnglish_TheSameCheckFindsItsLabels(string url, string label)
    {
        // The check above must be able to fail: on the English page it finds the English labels.
        using var response = await Client.GetAsync(url + "?lang=en");
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var found = Chrome(document).Where(IsEnglishLabel).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(label, found);
        Assert.True(found.Count >= 8, string.Join(" | ", found));
    }

    /// <summary>
    /// The interface's own words: text nodes and the attributes a person reads or hears, outside scripts,
    /// outside anything marked as another language (the language switch), and outside document text.
    /// </summary>
    private static IEnumerable<string> Chrome(IDocument document)
    {
        foreach (var element in document.All)
        {
            if (element.Closest("script, style, [lang]:not(html), #doc-text, .what, .sentence, .snippet, .source, code, pre, .entity-name, .doc-title") is not null)
            {
                continue;
            }

            foreach (var node in element.ChildNodes.OfType<IText>())
            {
                yield return Squash(node.Data);
            }

            foreach (var attribute in new[] { "placeholder", "aria-label", "title", "alt" })
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    yield return Squash(value);
                }
            }
        }
    }

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    private static bool IsEnglishLabel(string text) =>
        text.Length > 1 && (EnglishOnly.Value.Exact.Contains(text) || EnglishOnly.Value.Patterns.Any(p => p.IsMatch(text)));

    /// <summary>English labels that differ from their Thai (API, CSV… are the same in both): exact ones, and those with {0} as patterns.</summary>
    private static readonly Lazy<(HashSet<string> Exact, List<Regex> Patterns)> EnglishOnly = new(() =>
    {
        var labels = UiLabels.Default;
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var patterns = new List<Regex>();
        foreach (var key in labels.Keys)
        {
            var (en, th) = (labels.Get(key, "en").Trim(), labels.Get(key, "th").Trim());
            if (string.Equals(en, th, StringComparison.Ordinal) || !en.Any(char.IsAsciiLetter))
            {
                continue;
            }

            if (en.Contains('{', StringComparison.Ordinal))
            {
                var fixedPart = Placeholder().Replace(en, string.Empty);
                if (fixedPart.Count(char.IsAsciiLetter) >= 4)
                {
                    patterns.Add(new Regex("^" + string.Join(".+", Placeholder().Split(en).Select(Regex.Escape)) + "$", RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
                }
            }
            else
            {
                exact.Add(en);
            }
        }

        return (exact, patterns);
    });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("th-TH,th;q=0.9");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\[[a-z]+\.[a-z\-_.]+\]")]
    private static partial Regex MissingLabel();
}
