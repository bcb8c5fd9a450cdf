using System.Text;
using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Storage.Tests.Collection;

public sealed class FeedParserTests
{
    private static readonly Uri Base = new("http://127.0.0.1:8080/feeds/news.xml");

    private static FeedReadResult Parse(string fixtureOrXml, bool fixture = true)
    {
        var xml = fixture ? FixtureServer.ReadFixture(fixtureOrXml).Replace("{base}", "http://127.0.0.1:8080", StringComparison.Ordinal) : fixtureOrXml;
        return FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Base);
    }

    [Fact]
    public void Parse_Rss2_ItemsWithAbsoluteLinksTitlesAndDates()
    {
        var result = Parse("feed-rss.xml");

        Assert.Null(result.Error);
        Assert.Equal(2, result.Items.Count);
        Assert.Equal("http://127.0.0.1:8080/news/th-silk.html", result.Items[0].Link.AbsoluteUri);
        Assert.Equal("กรมส่งเสริมวัฒนธรรมนำผ้าไหมไทยร่วมงานแสดงสินค้าที่กรุงโตเกียว", result.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 0, 0, TimeSpan.FromHours(7)), result.Items[0].Published);

        // A relative link is resolved against the feed; the fragment is dropped.
        Assert.Equal("http://127.0.0.1:8080/news/en-film.html", result.Items[1].Link.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2024, 6, 3, 10, 30, 0, TimeSpan.Zero), result.Items[1].Published);
    }

    [Fact]
    public void Parse_Rss1Rdf_ItemsWithDublinCoreDates()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="http://127.0.0.1:8080/"><title>News</title><link>http://127.0.0.1:8080/</link><description>News</description></channel>
              <item rdf:about="http://127.0.0.1:8080/a"><title>Khon masks on show</title><link>http://127.0.0.1:8080/a</link><dc:date>2024-04-02T10:00:00+07:00</dc:date></item>
            </rdf:RDF>
            """;

        var item = Assert.Single(Parse(xml, fixture: false).Items);

        Assert.Equal("http://127.0.0.1:8080/a", item.Link.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 10, 0, 0, TimeSpan.FromHours(7)), item.Published);
    }

    [Fact]
    public void Parse_DateNoStandardReads_ItemKeptWithoutDateAndTheRestRead()
    {
        // Thai provincial CMSs write "14/05/2567"; a date is a hint, so one unreadable date loses only itself, not the feed.
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>ข่าว</title><link>http://127.0.0.1:8080/</link><description>ข่าว</description>
              <item><title>ผู้ว่าราชการจังหวัดต้อนรับคณะทูต</title><link>/news/102</link><pubDate>14/05/2567</pubDate></item>
              <item><title>เปิดตลาดผ้าไหมชุมชน</title><link>/news/103</link><pubDate>Tue, 14 May 2024 16:00:00 +0700</pubDate></item>
            </channel></rss>
            """;

        var result = Parse(xml, fixture: false);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Items.Count);
        Assert.Null(result.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 16, 0, 0, TimeSpan.FromHours(7)), result.Items[1].Published);
    }

    [Fact]
    public void Parse_Atom_AlternateLinkPreferredToEnclosure()
    {
        var result = Parse("feed-atom.xml");

        Assert.Null(result.Error);
        Assert.Equal(
            ["http://127.0.0.1:8080/atom/yi-peng.html", "http://127.0.0.1:8080/atom/film.html"],
            result.Items.Select(i => i.Link.AbsoluteUri));
        Assert.Equal("จังหวัดเชียงใหม่จัดงานเทศกาลโคมยี่เป็ง", result.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 1, 0, 0, TimeSpan.Zero), result.Items[0].Published?.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 6, 3, 10, 30, 0, TimeSpan.Zero), result.Items[1].Published);
    }

    [Fact]
    public void Parse_MalformedXml_FailsWithLineAndReason()
    {
        var result = Parse("broken-feed.xml");

        Assert.Empty(result.Items);
        Assert.NotNull(result.Error);
        Assert.StartsWith("malformed XML at line 6,", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the feed is empty (0 bytes)")]
    [InlineData("<html><body>Not found</body></html>", "not an RSS or Atom feed (the root element is <html>)")]
    [InlineData("<feed><entry/></feed>", "not an RSS or Atom feed (the root element is <feed>)")] // Atom needs its namespace
    public void Parse_NotAFeed_SaysWhy(string xml, string error)
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Base);

        Assert.Empty(result.Items);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Parse_ItemsWithoutUsableLinks_AreSkippedAndDuplicatesMerged()
    {
        var result = Parse(
            """
            <rss version="2.0"><channel>
              <item><title>no link</title></item>
              <item><link>javascript:alert(1)</link></item>
              <item><link>mailto:pr@example.org</link></item>
              <item><guid isPermaLink="false">tag:1</guid></item>
              <item><guid>http://127.0.0.1:8080/a.html</guid></item>
              <item><link>http://127.0.0.1:8080/a.html#comments</link></item>
              <item><link> /b.html </link></item>
            </channel></rss>
            """,
            fixture: false);

        Assert.Null(result.Error);
        Assert.Equal(["http://127.0.0.1:8080/a.html", "http://127.0.0.1:8080/b.html"], result.Items.Select(i => i.Link.AbsoluteUri));
    }

    [Fact]
    public void Parse_DoctypeWithEntity_IsNotExpanded()
    {
        var result = Parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY big "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">]>
            <rss version="2.0"><channel><item><title>&big;</title><link>http://127.0.0.1:8080/x.html</link></item></channel></rss>
            """,
            fixture: false);

        // With the DTD ignored the entity is undeclared: a clear failure, not an expansion.
        Assert.Empty(result.Items);
        Assert.Contains("malformed XML", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Tis620DeclaredFeed_DecodesThaiTitles()
    {
        var thai = CodePagesEncodingProvider.Instance.GetEncoding(874)!;
        var xml = """<?xml version="1.0" encoding="windows-874"?><rss version="2.0"><channel><item><title>ข่าวโคมยี่เป็ง</title><link>/y.html</link></item></channel></rss>""";

        var result = FeedParser.Parse(thai.GetBytes(xml), Base);

        Assert.Null(result.Error);
        Assert.Equal("ข่าวโคมยี่เป็ง", Assert.Single(result.Items).Title);
    }
}
