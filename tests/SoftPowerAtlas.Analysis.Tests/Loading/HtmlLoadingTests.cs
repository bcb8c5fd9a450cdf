using System.Text;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

public class HtmlLoadingTests
{
    private const string NewsPage = """
        <!DOCTYPE html>
        <html lang="th"><head>
        <meta charset="utf-8">
        <title>ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์ | ข่าวตัวอย่าง</title>
        <meta property="og:title" content="ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์">
        <meta property="article:published_time" content="2024-05-29T10:00:00+07:00">
        <link rel="canonical" href="https://example.go.th/news/1?a=1&amp;b=2">
        <script>var tracking = "<p>not text</p>"; window.dataLayer = [];</script>
        <style>.x { color: red }</style>
        </head><body>
        <header class="site-header"><nav class="main-menu"><a href="/">หน้าแรก</a> <a href="/news">ข่าว</a></nav></header>
        <div class="ad-slot">โฆษณา</div>
        <div id="sidebar-left"><ul><li><a href="/a">ข่าวอื่น 1</a></li><li><a href="/b">ข่าวอื่น 2</a></li></ul></div>
        <article>
          <h1>ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์</h1>
          <div class="shadow-box"><p>เมื่อวันที่ 29 พ.ค. 2567 คณะกรรมการ&nbsp;ฯ พบผู้แทนสถานทูตฝรั่งเศส เพื่อหารือความร่วมมือด้านภาพยนตร์ &amp; ดนตรี</p></div>
          <p>ทั้งสองฝ่าย<b>ตกลง</b>จัด<!-- note -->สัมมนาร่วมกัน
             ในปี 2568 &#3585;&#x0E02; R&amp;D</p>
          <div class="post-share-bar"><a href="#">แชร์</a><a href="#">Tweet</a></div>
          <iframe src="https://ads.example/x"></iframe>
        </article>
        <section id="comments"><p>ความคิดเห็นที่ 1: ดีมากครับ ขอให้สำเร็จนะครับ ยาวพอจะเป็นย่อหน้าได้</p></section>
        <footer>© 2024 ข่าวตัวอย่าง</footer>
        <div class="cookie-banner">เว็บไซต์นี้ใช้คุกกี้</div>
        </body></html>
        """;

    [Fact]
    public void LoadText_NewsPage_KeepsArticleAndDropsChrome()
    {
        var document = Load(NewsPage);
        var body = document.Body.Text;

        Assert.StartsWith("ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์\n", body, StringComparison.Ordinal);
        Assert.Contains("ด้านภาพยนตร์ & ดนตรี", body, StringComparison.Ordinal);
        Assert.Contains("ทั้งสองฝ่ายตกลงจัดสัมมนาร่วมกัน ในปี 2568 กข R&D", body, StringComparison.Ordinal);
        foreach (var chrome in new[] { "หน้าแรก", "โฆษณา", "ข่าวอื่น", "แชร์", "Tweet", "ความคิดเห็นที่ 1", "คุกกี้", "©", "tracking", "color" })
        {
            Assert.DoesNotContain(chrome, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LoadText_NewsPage_ReadsHeadMetadataWithSpans()
    {
        var document = Load(NewsPage);
        var metadata = document.Metadata;

        Assert.Equal("ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์", metadata.Title);
        Assert.Equal("2024-05-29T10:00:00+07:00", metadata.PublishedAsWritten);
        Assert.Equal("2024-05-29T10:00:00+07:00", Slice(document.Original, metadata.PublishedSpan!.Value));
        Assert.Equal("https://example.go.th/news/1?a=1&b=2", metadata.SourceUrl);
        Assert.Equal("ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์", Slice(document.Original, metadata.TitleSpan!.Value));
    }

    [Theory]
    [InlineData("เมื่อวันที่ 29 พ.ค. 2567 คณะกรรมการ")]
    [InlineData("ทั้งสองฝ่าย")]
    [InlineData("พบผู้แทนสถานทูตฝรั่งเศส")]
    [InlineData("ไทย-ฝรั่งเศส หารือซอฟต์พาวเวอร์")]
    public void LoadText_BodySpan_MapsToTheSameTextInTheSource(string sample)
    {
        var document = Load(NewsPage);
        var at = document.Body.Text.IndexOf(sample, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{sample}' missing from body");

        var original = document.Body.ToOriginal(at, at + sample.Length);

        Assert.Equal(sample, Slice(document.Original, original));
    }

    [Theory]
    [InlineData("&", "&amp;")]
    [InlineData("ก", "&#3585;")]
    [InlineData("ข", "&#x0E02;")]
    [InlineData("\u00A0", "&nbsp;")]
    public void LoadText_EntityCharacter_MapsToTheWholeReference(string character, string reference)
    {
        var document = Load(NewsPage);
        var body = document.Body;
        var found = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body.Text[i] == character[0])
            {
                var span = body.ToOriginal(i, i + 1);
                if (Slice(document.Original, span) == reference)
                {
                    found = true;
                }
            }
        }

        Assert.True(found, $"no body '{character}' maps to {reference}");
    }

    [Fact]
    public void LoadText_InlineMarkupAndComment_MapAcrossTags()
    {
        var document = Load(NewsPage);
        var at = document.Body.Text.IndexOf("ตกลงจัดสัมมนา", StringComparison.Ordinal);

        var span = document.Body.ToOriginal(at, at + "ตกลงจัดสัมมนา".Length);

        Assert.Equal("ตกลง</b>จัด<!-- note -->สัมมนา", Slice(document.Original, span));
    }

    [Fact]
    public void LoadText_TextMisplacedInTable_EveryCharacterStillMapsToItself()
    {
        const string page = "<html><body><article><p>ย่อหน้าแรกของข่าวที่ยาวพอจะเป็นบทความได้จริง</p>"
            + "<table><tr><td>ตารางหนึ่ง</td></tr>ข้อความหลงทาง<tr><td>ตารางสอง</td></tr></table><p>ย่อหน้าสุดท้าย</p></article></body></html>";
        var document = Load(page);
        var body = document.Body;

        for (var i = 0; i < body.Length; i++)
        {
            if (body.Text[i] != '\n' && body.Text[i] != ' ')
            {
                Assert.Equal(body.Text[i].ToString(), Slice(document.Original, body.ToOriginal(i, i + 1)));
            }
        }

        Assert.Contains("ข้อความหลงทาง", body.Text, StringComparison.Ordinal);
        Assert.Contains("ตารางสอง", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Windows874BytesWithMetaCharset_DecodesThai()
    {
        var thai = Thai();
        var html = "<html><head><meta charset=\"windows-874\"><title>ข่าว</title></head><body><article><p>"
            + "กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงปารีส ร่วมกับสถานทูตฝรั่งเศส เพื่อส่งเสริมซอฟต์พาวเวอร์"
            + "</p></article></body></html>";
        using var stream = new MemoryStream(thai.GetBytes(html));

        var result = new DocumentLoader().Load(stream, "page.html");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("windows-874", result.Document.Metadata.Encoding);
        Assert.Contains("กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทย", result.Document.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_PageWithoutArticle_ChoosesDenseBlockOverLinkList()
    {
        const string page = """
            <html><body>
            <div class="links"><a href="/1">ลิงก์ยาวมากหนึ่ง ลิงก์ยาวมากหนึ่ง ลิงก์ยาวมากหนึ่ง</a><br><a href="/2">ลิงก์ยาวมากสอง ลิงก์ยาวมากสอง ลิงก์ยาวมากสอง</a></div>
            <div class="content"><p>ย่อหน้าแรกของข่าวนี้มีเนื้อหายาวพอที่จะเป็นบทความจริง ไม่ใช่รายการลิงก์</p><p>ย่อหน้าที่สองเล่าต่อถึงความร่วมมือระหว่างสองประเทศในด้านวัฒนธรรม</p></div>
            </body></html>
            """;

        var body = Load(page).Body.Text;

        Assert.Equal("ย่อหน้าแรกของข่าวนี้มีเนื้อหายาวพอที่จะเป็นบทความจริง ไม่ใช่รายการลิงก์\nย่อหน้าที่สองเล่าต่อถึงความร่วมมือระหว่างสองประเทศในด้านวัฒนธรรม", body);
    }

    [Theory]
    [InlineData("post-share-bar", true)]
    [InlineData("ad", true)]
    [InlineData("top_ads", true)]
    [InlineData("adsbygoogle", true)]
    [InlineData("comments-area", true)]
    [InlineData("entry-content shadow", false)]
    [InlineData("headline", false)]
    [InlineData("download", false)]
    [InlineData("", false)]
    public void LooksLikeChrome_ClassTokens_MatchesWholePartsOnly(string classes, bool chrome)
    {
        Assert.Equal(chrome, HtmlReader.LooksLikeChrome(classes));
    }

    [Fact]
    public void LoadText_MostlyScript_IsAnError()
    {
        var page = "<html><head><script>" + new string('x', 5000) + "</script></head><body><div id=app></div><noscript>JS</noscript></body></html>";

        var result = new DocumentLoader().LoadText(page, "app.html", DocumentFormat.Html);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.MostlyScript, result.Error.Reason);
        Assert.Contains("app.html", result.Error.Message, StringComparison.Ordinal);
    }

    private static SourceDocument Load(string html)
    {
        var result = new DocumentLoader().LoadText(html, "page.html", DocumentFormat.Html);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Document;
    }

    private static string Slice(string original, TextSpan span) => original[span.Start..span.End];

    internal static Encoding Thai()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(874);
    }
}
