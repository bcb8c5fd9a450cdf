using Microsoft.AspNetCore.Http;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary><c>atlas source</c> and <c>atlas collect</c> in process, against a real Kestrel server on 127.0.0.1.</summary>
public sealed class CollectCommandTests : IAsyncLifetime
{
    private const string ThaiPage = """
        <html lang="th"><head><meta charset="utf-8"><title>กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงปารีส</title></head>
        <body><ul class="menu"><li><a href="/">หน้าแรก</a></li><li><a href="/news">ข่าว</a></li></ul>
        <div class="x"><p>เมื่อวันที่ 28 มิถุนายน 2567 กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงปารีส ประเทศฝรั่งเศส มีผู้เข้าร่วมงานกว่าสามพันคน</p>
        <p>ภายในงานมีการสาธิตการทำอาหารไทยภาคใต้และการแสดงนาฏศิลป์ไทย</p></div>
        <div class="footer">ติดต่อเรา โทร 0 2247 0028</div></body></html>
        """;

    private const string EnglishPage = """
        <html lang="en"><head><meta charset="utf-8"><title>Thai silk week in Kyoto</title></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Thai silk week in Kyoto</h1>
        <p>The Queen Sirikit Museum of Textiles opened Thai Silk Week in Kyoto on 2 July 2024 with weaving demonstrations from Surin province.</p>
        </article><footer>All rights reserved.</footer></body></html>
        """;

    private readonly TempFolder _temp = new();
    private LocalServer _server = null!; // Set in InitializeAsync.
    private int _feedRequests;
    private string? _robots;

    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync(Serve);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Source_AddListRemove_RoundTrip()
    {
        var feed = await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));
        var listing = await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/news/"), "--link-pattern", @"/news/\d+\.html$", "--selector", "div.x");
        var twice = await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));
        var list = await Atlas.RunAsync("--db", _temp.Db, "source", "list");
        var removed = await Atlas.RunAsync("--db", _temp.Db, "source", "remove", "#1");
        var again = await Atlas.RunAsync("--db", _temp.Db, "source", "remove", "1");
        var after = await Atlas.RunAsync("--db", _temp.Db, "source", "list");

        Assert.Equal(0, feed.ExitCode);
        Assert.Equal($"Added source #1 (feed) {Url("/feed.xml")}. Run 'atlas collect' to fetch it.\n", feed.Out);
        Assert.Equal(0, listing.ExitCode);
        Assert.Contains("Added source #2 (listing)", listing.Out, StringComparison.Ordinal);
        Assert.Equal(1, twice.ExitCode);
        Assert.Equal($"atlas: {Url("/feed.xml")} is already followed as source #1\n", twice.Error);
        Assert.Contains($"#1  feed     {Url("/feed.xml")}", list.Out, StringComparison.Ordinal);
        Assert.Contains(@"link pattern: /news/\d+\.html$", list.Out, StringComparison.Ordinal);
        Assert.Contains("selector:     div.x", list.Out, StringComparison.Ordinal);
        Assert.Contains("checked never; 0 items, 0 stored, 0 failed", list.Out, StringComparison.Ordinal);
        Assert.Equal("Removed source #1.\n", removed.Out);
        Assert.Equal((1, "atlas: no source #1\n"), (again.ExitCode, again.Error));
        Assert.DoesNotContain("#1  feed", after.Out, StringComparison.Ordinal);
        Assert.Contains("#2  listing", after.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-url", "atlas: 'not-a-url' is not an http or https address")]
    [InlineData("ftp://127.0.0.1/feed.xml", "atlas: 'ftp://127.0.0.1/feed.xml' is not an http or https address")]
    [InlineData("http://127.0.0.1/news/ --kind listing", "atlas: a listing page needs --link-pattern")]
    [InlineData("http://127.0.0.1/news/ --link-pattern (unclosed", "atlas: --link-pattern '(unclosed' is not a valid regular expression")]
    [InlineData("http://127.0.0.1/feed.xml --selector div[", "atlas: --selector 'div[' is not a valid CSS selector")]
    public async Task SourceAdd_BadInput_UsageErrorNamingIt(string args, string error)
    {
        var run = await Atlas.RunAsync(["--db", _temp.Db, "source", "add", .. Split(args)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Db));
    }

    [Fact]
    public async Task Collect_FeedTwice_StoresThenFindsNothingNew()
    {
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));

        var first = await Atlas.RunAsync("--db", _temp.Db, "collect", "--allow-private", "--delay", "0");
        var second = await Atlas.RunAsync("--db", _temp.Db, "collect", "--allow-private", "--delay", "0");
        var show = await Atlas.RunAsync("--db", _temp.Db, "show", Url("/news/1.html"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"stored +#[12]  http://127\.0\.0\.1:\d+/news/1\.html", first.Out); // ids in the order fetches finish
        Assert.Matches(@"stored +#[12]  http://127\.0\.0\.1:\d+/news/2\.html", first.Out);
        Assert.Contains("Collected from 1 sources (0 failed): 2 new (0 changed pages), 0 unchanged, 0 failed or refused", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Collected from 1 sources (0 failed): 0 new (0 changed pages), 0 unchanged, 0 failed or refused", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, _feedRequests);
        Assert.Contains("กรมส่งเสริมวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงปารีส", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ติดต่อเรา", show.Out, StringComparison.Ordinal);
        Assert.Equal(2, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM fetched_items WHERE status = 'new' AND document_id IS NOT NULL"));
    }

    [Fact]
    public async Task Collect_FeedOnThisMachineWithoutAllowPrivate_RefusedNothingFetched()
    {
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));

        var run = await Atlas.RunAsync("--db", _temp.Db, "collect", "--delay", "0", "--quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  source #1 refused: not fetched: 127.0.0.1 is a loopback address; collection fetches only public addresses (atlas collect --allow-private for an intranet)", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _feedRequests);
        Assert.Equal(0, AtlasDatabase.CountDocuments(_temp.Db));
    }

    [Fact]
    public async Task Collect_LongCrawlDelay_SaysItIsWaiting()
    {
        _robots = "User-agent: *\nCrawl-delay: 5\n";
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));

        var run = await Atlas.RunAsync("--db", _temp.Db, "collect", "--allow-private", "--delay", "0", "--max-items", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"  waiting [45] s before the next request to {System.Text.RegularExpressions.Regex.Escape(_server.Base.Authority)} \(its robots.txt Crawl-delay, or --delay\)", run.Error);
        Assert.Contains("1 new (0 changed pages)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_FailingArticle_ReportedWithReasonAndExitOne()
    {
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed-with-gone.xml"));

        var run = await Atlas.RunAsync("--db", _temp.Db, "collect", "--allow-private", "--delay", "0", "--quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  failed: {Url("/news/gone.html")}: HTTP 404 Not Found at {Url("/news/gone.html")}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("stored", run.Out, StringComparison.Ordinal); // --quiet
        Assert.Contains("1 new (0 changed pages), 0 unchanged, 1 failed or refused", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--every soon", "atlas: --every 'soon' is not a duration like 30m, 2h or 1d")]
    [InlineData("--max-items 0", "atlas: --max-items must be at least 1")]
    [InlineData("--delay fast", "atlas: --delay 'fast' is not a duration")]
    public async Task Collect_BadOption_UsageError(string args, string error)
    {
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));

        var run = await Atlas.RunAsync(["--db", _temp.Db, "collect", .. Split(args)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _feedRequests);
    }

    [Fact]
    public async Task Collect_NoSources_SaysHowToAddOne()
    {
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", Url("/feed.xml"));
        await Atlas.RunAsync("--db", _temp.Db, "source", "remove", "1");

        var run = await Atlas.RunAsync("--db", _temp.Db, "collect");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"atlas: no sources in {_temp.Db}; add one with 'atlas source add URL'\n", run.Error);
    }

    private static string[] Split(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string Url(string path) => _server.Url(path);

    private Task Serve(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path == "/robots.txt" && _robots is not null)
        {
            return context.Response.WriteAsync(_robots);
        }

        var feed = path switch
        {
            "/feed.xml" => $"""<rss version="2.0"><channel><item><link>{Url("/news/1.html")}</link></item><item><link>{Url("/news/2.html")}</link></item></channel></rss>""",
            "/feed-with-gone.xml" => $"""<rss version="2.0"><channel><item><link>{Url("/news/1.html")}</link></item><item><link>{Url("/news/gone.html")}</link></item></channel></rss>""",
            _ => null,
        };
        if (feed is not null)
        {
            Interlocked.Increment(ref _feedRequests);
            context.Response.Headers.ETag = "\"feed\"";
            if (context.Request.Headers.IfNoneMatch == "\"feed\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "application/rss+xml";
            return context.Response.WriteAsync(feed);
        }

        var page = path switch
        {
            "/news/1.html" => ThaiPage,
            "/news/2.html" => EnglishPage,
            _ => null,
        };
        if (page is null)
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(page);
    }
}
