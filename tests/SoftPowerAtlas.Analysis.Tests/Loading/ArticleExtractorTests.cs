using System.Text;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

/// <summary>The article of a full page found by content density, and a site's selector taking precedence.</summary>
public sealed class ArticleExtractorTests
{
    // No article/main markup and no chrome class names: only density can tell the story from the rest.
    private const string PlainDivPage = """
        <html><head><meta charset="utf-8"><title>ข่าว</title></head><body>
        <div class="a1"><a href="/">หน้าแรก</a> <a href="/news">ข่าวประชาสัมพันธ์</a> <a href="/contact">ติดต่อเรา</a></div>
        <div class="a2">
          <div class="a3">
            <div>กระทรวงวัฒนธรรมจัดงานมหกรรมศิลปะการแสดงนานาชาติที่จังหวัดขอนแก่นระหว่างวันที่ 5 ถึง 7 กรกฎาคม 2567 โดยมีคณะนักแสดงจากห้าประเทศเข้าร่วม</div>
            <div>ปลัดกระทรวงวัฒนธรรมกล่าวว่าการจัดงานครั้งนี้จะช่วยส่งเสริมเศรษฐกิจสร้างสรรค์ของภาคตะวันออกเฉียงเหนือ</div>
          </div>
          <div class="a4">
            <div><a href="/n/1">กระทรวงวัฒนธรรมเปิดตัวโครงการหนึ่งตำบลหนึ่งซอฟต์พาวเวอร์ระยะที่สอง</a></div>
            <div><a href="/n/2">ประกาศผลการประกวดเพลงพื้นบ้านภาคอีสานประจำปี 2567 ทั้งสิบรางวัล</a></div>
            <div><a href="/n/3">เชิญชวนร่วมงานวันภาษาไทยแห่งชาติ ณ หอศิลป์กรุงเทพมหานคร</a></div>
          </div>
        </div>
        <div class="a5">กระทรวงวัฒนธรรม ถนนเทียมร่วมมิตร กรุงเทพมหานคร</div>
        </body></html>
        """;

    [Fact]
    public void LoadText_PlainDivPage_TakesTheDenseBlockNotLinksOrFooter()
    {
        var document = Load(PlainDivPage);

        Assert.Equal(
            "กระทรวงวัฒนธรรมจัดงานมหกรรมศิลปะการแสดงนานาชาติที่จังหวัดขอนแก่นระหว่างวันที่ 5 ถึง 7 กรกฎาคม 2567 โดยมีคณะนักแสดงจากห้าประเทศเข้าร่วม\n"
            + "ปลัดกระทรวงวัฒนธรรมกล่าวว่าการจัดงานครั้งนี้จะช่วยส่งเสริมเศรษฐกิจสร้างสรรค์ของภาคตะวันออกเฉียงเหนือ",
            document.Body.Text.Trim());
    }

    [Fact]
    public void LoadText_PlainDivPage_EveryBodyCharacterMapsIntoThePage()
    {
        var document = Load(PlainDivPage);
        var sentence = "ปลัดกระทรวงวัฒนธรรมกล่าวว่า";
        var at = document.Body.Text.IndexOf(sentence, StringComparison.Ordinal);

        var original = document.Body.ToOriginal(new Analysis.Text.TextSpan(at, at + sentence.Length));

        Assert.Equal(PlainDivPage.IndexOf(sentence, StringComparison.Ordinal), original.Start);
        Assert.Equal(sentence, PlainDivPage[original.Start..original.End]);
    }

    [Fact]
    public void LoadText_SelectorConfigured_WinsOverDensity()
    {
        var document = Load(PlainDivPage, "div.a4");

        Assert.StartsWith("กระทรวงวัฒนธรรมเปิดตัวโครงการ", document.Body.Text.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("ขอนแก่น", document.Body.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div.nothing-here")]
    [InlineData("div[")] // not a selector at all
    public void LoadText_SelectorMatchingNothing_FallsBackToTheGeneralRules(string selector)
    {
        var document = Load(PlainDivPage, selector);

        Assert.StartsWith("กระทรวงวัฒนธรรมจัดงานมหกรรม", document.Body.Text.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_ArticleSplitOverSiblingBlocks_GathersThemAll()
    {
        const string page = """
            <html><body><div class="menu-x"><a href="/">Home</a> <a href="/a">About</a></div>
            <div class="story">
              <div class="lead"><p>The Thai pavilion at the Frankfurt Book Fair opened on 16 October 2024 with forty publishers.</p></div>
              <div class="rest"><p>Translation grants for Thai novels into German were announced by the Ministry of Culture.</p>
              <p>A second round of grants is planned for fiscal year 2026.</p></div>
            </div>
            <div class="more"><a href="/1">Older story one about a book fair</a> <a href="/2">Older story two about a festival</a></div>
            </body></html>
            """;

        var text = Load(page).Body.Text;

        Assert.Contains("forty publishers", text, StringComparison.Ordinal);
        Assert.Contains("fiscal year 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Older story", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso-8859-1")] // a Western header on Thai bytes: the meta and the bytes win
    [InlineData("windows-1252")]
    [InlineData("utf-8")] // claims UTF-8 but the bytes are not
    [InlineData("tis-620")]
    [InlineData(null)]
    public void LoadPage_Tis620Bytes_DecodedAsThaiWhateverTheHeaderSays(string? header)
    {
        const string page = "<html><head><meta charset=\"tis-620\"></head><body><p>จังหวัดเชียงใหม่จัดงานเทศกาลโคมยี่เป็งที่ข่วงประตูท่าแพ</p></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(874)!.GetBytes(page);

        var result = new DocumentLoader().LoadPage(bytes, "http://127.0.0.1/p.html", header);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("windows-874", result.Document.Metadata.Encoding);
        Assert.Equal(page, result.Document.Original);
    }

    [Fact]
    public void LoadPage_HeaderNamesLatin1AndBytesAgree_TrustsTheHeader()
    {
        const string page = "<html><body><p>Café culture: the Thai–French exchange week opens in Lyon with fifty chefs.</p></body></html>";
        var bytes = Encoding.Latin1.GetBytes(page.Replace('–', '-'));

        var result = new DocumentLoader().LoadPage(bytes, "http://127.0.0.1/p.html", "ISO-8859-1");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("iso-8859-1", result.Document.Metadata.Encoding);
        Assert.Contains("Café culture", result.Document.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPage_Utf8BytesUnderLatin1Header_ReadAsUtf8()
    {
        const string page = "<html><body><p>กรมศิลปากรเปิดนิทรรศการโบราณวัตถุที่กรุงโซล</p></body></html>";

        var result = new DocumentLoader().LoadPage(Encoding.UTF8.GetBytes(page), "http://127.0.0.1/p.html", "iso-8859-1");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("utf-8", result.Document.Metadata.Encoding);
        Assert.Equal(page, result.Document.Original);
    }

    [Theory]
    [InlineData("utf-7", "")]
    [InlineData("UTF-7", "<meta charset=\"utf-7\">")]
    [InlineData(null, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-7\">")]
    [InlineData("x-no-such-charset", "<meta charset=\"klingon\">")]
    public void LoadPage_Utf7OrUnknownCharset_IgnoredAndTheBytesSniffed(string? header, string meta)
    {
        var page = "<html><head>" + meta + "</head><body><p>กรมศิลปากรเปิดนิทรรศการโบราณวัตถุที่กรุงโซล +ADw-script+AD4-</p></body></html>";

        var result = new DocumentLoader().LoadPage(Encoding.UTF8.GetBytes(page), "http://127.0.0.1/p.html", header);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("utf-8", result.Document.Metadata.Encoding);
        Assert.Equal(page, result.Document.Original);
        Assert.Contains("+ADw-script+AD4-", result.Document.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPage_OverTheCap_RefusedWithSize()
    {
        var result = new DocumentLoader { MaxBytes = 100 }.LoadPage(new byte[101], "http://127.0.0.1/big.html", null);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.TooLarge, result.Error.Reason);
        Assert.Equal("http://127.0.0.1/big.html is too large (101 bytes; the limit is 100)", result.Error.Message);
    }

    private static SourceDocument Load(string html, string? selector = null)
    {
        var result = new DocumentLoader { ArticleSelector = selector }.LoadText(html, "page.html", DocumentFormat.Html);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Document;
    }
}
