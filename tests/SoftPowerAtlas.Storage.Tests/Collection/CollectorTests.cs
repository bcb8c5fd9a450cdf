using System.Text;
using Microsoft.AspNetCore.Http;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage.Collection;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Collection;

/// <summary>Whole runs: sources in a real SQLite file, pages from a real Kestrel server, the real pipeline.</summary>
public sealed class CollectorTests : IAsyncLifetime
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => AtlasPipeline.CreateDefault(TestText.Shared));

    private readonly SqliteStoreFixture _db = new();
    private readonly SkippingClock _clock = new();
    private FixtureServer _server = null!; // Set in InitializeAsync.
    private SqliteAtlasStore _store = null!;
    private SourceStore _sources = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureServer.StartAsync();
        _store = SqliteAtlasStore.Open(_db.DatabasePath, TestText.Shared, _clock);
        _sources = new SourceStore(_store, _clock);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _store.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task RunAsync_RssFeed_StoresEachArticleWithItsAddressAndOnlyTheArticleText()
    {
        ServeNews();
        var feed = AddFeed("/feed.xml");

        var summary = await RunAsync();

        Assert.Equal("ok", Assert.Single(summary.Sources).Status);
        Assert.Equal(2, summary.New);
        Assert.Equal(0, summary.Failed);

        var thai = StoredFrom("/news/th-silk.html");
        Assert.Equal(FixtureServer.ReadFixture("article-th.html"), thai.OriginalText); // the whole page, as fetched
        Assert.Equal("th", thai.Language);
        Assert.Equal("2024-05-14", thai.Published);
        Assert.Contains("นำคณะผู้ประกอบการผ้าไหมจากจังหวัดสุรินทร์", thai.CleanText, StringComparison.Ordinal);
        Assert.Contains("ภายในเดือนกันยายน 2567", thai.CleanText, StringComparison.Ordinal);
        foreach (var chrome in (string[])["ติดต่อเรา", "แชร์", "ความคิดเห็น", "อยากไปชมงานครั้งหน้า", "ข่าวที่น่าสนใจ", "สัปดาห์หนังสือแห่งชาติ", "ถนนเทียมร่วมมิตร"])
        {
            Assert.DoesNotContain(chrome, thai.CleanText, StringComparison.Ordinal);
        }

        var english = StoredFrom("/news/en-film.html");
        Assert.Equal("en", english.Language);
        Assert.Contains("screening twelve Thai feature films", english.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on Facebook", english.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Related stories", english.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("hope it comes to Daegu", english.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", english.CleanText, StringComparison.Ordinal);

        var items = _sources.AllItems(feed.Id);
        Assert.Equal([_server.Url("/news/en-film.html").AbsoluteUri, _server.Url("/news/th-silk.html").AbsoluteUri], items.Select(i => i.Url));
        Assert.All(items, i => Assert.Equal(ItemStatus.New, i.Status));
        Assert.All(items, i => Assert.Equal(_clock.GetUtcNow(), i.FetchedAt));
        Assert.Equal([english.Id, thai.Id], items.Select(i => i.DocumentId!.Value));
        Assert.Equal("\"silk-1\"", items[1].ETag);
    }

    [Fact]
    public async Task RunAsync_FactOffsets_PointIntoTheFetchedPage()
    {
        ServeNews();
        AddFeed("/feed.xml");

        await RunAsync();

        var thai = StoredFrom("/news/th-silk.html");
        var facts = FactsJson.Read(thai.FactsJson!);
        Assert.True(facts.IsSuccess, facts.Error);
        Assert.NotEmpty(facts.Facts.Dates);
        foreach (var date in facts.Facts.Dates)
        {
            Assert.Equal(date.Text, thai.OriginalText[date.Start..date.End]);
        }

        Assert.Contains(facts.Facts.Dates, d => d.Normalized == "2024-05-14");
    }

    [Fact]
    public async Task RunAsync_SecondRunWithETags_UnchangedAndNotStoredAgain()
    {
        ServeNews();
        AddFeed("/feed.xml");
        await RunAsync();
        var documents = _store.GetStats().Documents;

        var second = await RunAsync();

        Assert.Equal("unchanged", Assert.Single(second.Sources).Status); // the feed answered 304
        Assert.Empty(second.Items); // nothing failed before, so no article was asked for again
        Assert.Equal(documents, _store.GetStats().Documents);
        Assert.Equal(["\"feed-1\""], _server.Requests.Where(r => r.Path == "/feed.xml").Skip(1).Select(r => r.IfNoneMatch));
    }

    [Fact]
    public async Task RunAsync_PageChangedOnSecondRun_StoredAsNewVersion()
    {
        var version = 1;
        _server.MapFixture("/feed.xml", "feed-rss.xml", "application/rss+xml"); // no ETag: listed again each run
        _server.Map("/news/th-silk.html", context =>
        {
            var page = FixtureServer.ReadFixture("article-th.html");
            if (Volatile.Read(ref version) == 2)
            {
                page = page.Replace("ภายในเดือนกันยายน 2567", "ภายในเดือนตุลาคม 2567 และจะจัดงานซ้ำในปีหน้า", StringComparison.Ordinal);
            }

            return FixtureServer.WriteAsync(context, Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8");
        });
        _server.MapFixture("/news/en-film.html", "article-en.html", etag: "\"film-1\"");
        AddFeed("/feed.xml");
        await RunAsync();
        var first = StoredFrom("/news/th-silk.html");

        Volatile.Write(ref version, 2);
        var second = await RunAsync();

        var outcomes = second.Items.ToDictionary(i => new Uri(i.Url).AbsolutePath, i => i.Status);
        Assert.Equal(ItemStatus.Updated, outcomes["/news/th-silk.html"]);
        Assert.Equal(ItemStatus.Unchanged, outcomes["/news/en-film.html"]); // 304 on its ETag
        var latest = StoredFrom("/news/th-silk.html");
        Assert.NotEqual(first.Id, latest.Id);
        Assert.Contains("ภายในเดือนตุลาคม 2567", latest.CleanText, StringComparison.Ordinal);
        Assert.NotNull(_store.GetDocument(first.Id)); // the old version stays
        Assert.Equal(latest.Id, _sources.GetItem(_server.Url("/news/th-silk.html").AbsoluteUri)!.DocumentId);

        // A third run with the same bytes: unchanged by content hash, nothing stored.
        var third = await RunAsync();
        Assert.Equal(ItemStatus.Unchanged, third.Items.Single(i => i.Url.EndsWith("th-silk.html", StringComparison.Ordinal)).Status);
        Assert.Equal(3, _store.GetStats().Documents);
    }

    [Fact]
    public async Task RunAsync_BrokenFeed_FailsClearlyAndOtherSourcesContinue()
    {
        ServeNews();
        _server.MapFixture("/broken.xml", "broken-feed.xml", "application/rss+xml");
        var broken = AddFeed("/broken.xml");
        AddFeed("/feed.xml");

        var summary = await RunAsync();

        var check = summary.Sources.Single(s => s.Source.Id == broken.Id);
        Assert.Equal("failed", check.Status);
        Assert.StartsWith($"{_server.Url("/broken.xml")}: malformed XML at line 6,", check.Reason, StringComparison.Ordinal);
        Assert.Equal(2, summary.New);
        Assert.Equal("failed", _sources.Get(broken.Id)!.LastStatus);
        Assert.Equal(check.Reason, _sources.Get(broken.Id)!.LastReason);
    }

    [Fact]
    public async Task RunAsync_AtomFeedWithTis620PageAndWrongHeader_DecodesThai()
    {
        _server.MapFixture("/atom.xml", "feed-atom.xml", "application/atom+xml");
        var thai = CodePagesEncodingProvider.Instance.GetEncoding(874)!;

        // The server claims Latin-1; the page's meta and its bytes say TIS-620.
        _server.Map("/atom/yi-peng.html", context =>
            FixtureServer.WriteAsync(context, thai.GetBytes(FixtureServer.ReadFixture("article-th-tis620.html")), "text/html; charset=iso-8859-1"));
        _server.Map("/atom/film.html", context =>
            FixtureServer.WriteAsync(context, Encoding.UTF8.GetBytes(FixtureServer.ReadFixture("article-en.html")), "text/html"));
        AddFeed("/atom.xml");

        var summary = await RunAsync();

        Assert.Equal(2, summary.New);
        var page = StoredFrom("/atom/yi-peng.html");
        Assert.Equal("windows-874", page.Encoding);
        Assert.Equal(FixtureServer.ReadFixture("article-th-tis620.html"), page.OriginalText);
        Assert.Contains("จังหวัดเชียงใหม่ร่วมกับการท่องเที่ยวแห่งประเทศไทย", page.CleanText, StringComparison.Ordinal);
        Assert.Equal("utf-8", StoredFrom("/atom/film.html").Encoding);
    }

    [Fact]
    public async Task RunAsync_ListingPage_FollowsOnlyLinksMatchingThePattern()
    {
        _server.MapFixture("/news/index.html", "listing.html");
        _server.MapFixture("/news/2024/0514-silk.html", "article-th.html");
        _server.MapFixture("/news/2024/0603-film.html", "article-en.html");
        var listing = _sources.Add(_server.Url("/news/index.html"), SourceKind.Listing, @"/news/\d{4}/[^/]+\.html$", null).Source!;

        var summary = await RunAsync();

        Assert.Equal(2, Assert.Single(summary.Sources).ItemsListed);
        Assert.Equal(
            [_server.Url("/news/2024/0514-silk.html").AbsoluteUri, _server.Url("/news/2024/0603-film.html").AbsoluteUri],
            summary.Items.Select(i => i.Url));
        Assert.All(summary.Items, i => Assert.Equal(ItemStatus.New, i.Status));
        Assert.Equal(0, _server.Count("/news/category/culture"));
        Assert.Equal(2, _sources.AllItems(listing.Id).Count);
    }

    [Fact]
    public async Task RunAsync_SiteSelector_TakesTheConfiguredElement()
    {
        _server.MapText("/feed.xml", """<rss version="2.0"><channel><item><link>{base}/news/th-silk.html</link></item></channel></rss>""", "application/rss+xml");
        _server.MapFixture("/news/th-silk.html", "article-th.html");
        _sources.Add(_server.Url("/feed.xml"), SourceKind.Feed, null, "div.c7");

        await RunAsync();

        // The selector names the sidebar on purpose: configuration wins over the general rules.
        var page = StoredFrom("/news/th-silk.html");
        Assert.Contains("สัปดาห์หนังสือแห่งชาติ", page.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("จังหวัดสุรินทร์", page.CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RefusedAndFailedItems_ReportedWithReasonsWhileTheRestIsStored()
    {
        _server.MapFixture("/robots.txt", "robots.txt", "text/plain");
        _server.MapText(
            "/feed.xml",
            """
            <rss version="2.0"><channel>
              <item><link>{base}/news/th-silk.html</link></item>
              <item><link>{base}/private/secret.html</link></item>
              <item><link>{base}/news/huge.html</link></item>
              <item><link>{base}/news/gone.html</link></item>
              <item><link>{base}/loop/a</link></item>
              <item><link>{base}/news/empty.html</link></item>
            </channel></rss>
            """,
            "application/rss+xml");
        _server.MapFixture("/news/th-silk.html", "article-th.html");
        _server.MapText("/private/secret.html", "<p>secret</p>");
        _server.Map("/news/huge.html", context =>
        {
            context.Response.ContentLength = 50L * 1024 * 1024;
            return context.Response.WriteAsync("<html>");
        });
        _server.Map("/loop/a", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "/loop/a";
            return Task.CompletedTask;
        });
        _server.MapText("/news/empty.html", "<html><body><div>   </div></body></html>");
        AddFeed("/feed.xml");

        var summary = await RunAsync();

        Assert.Equal(1, summary.New);
        Assert.Equal(5, summary.Failed);
        var byPath = summary.Items.ToDictionary(i => new Uri(i.Url).AbsolutePath);
        Assert.Equal(ItemStatus.Refused, byPath["/private/secret.html"].Status);
        Assert.Contains("robots.txt", byPath["/private/secret.html"].Reason, StringComparison.Ordinal);
        Assert.Equal(ItemStatus.Refused, byPath["/news/huge.html"].Status);
        Assert.StartsWith("too large: the server announces 52,428,800 bytes", byPath["/news/huge.html"].Reason, StringComparison.Ordinal);
        Assert.Equal(ItemStatus.Failed, byPath["/news/gone.html"].Status);
        Assert.StartsWith("HTTP 404", byPath["/news/gone.html"].Reason, StringComparison.Ordinal);
        Assert.StartsWith("redirect loop:", byPath["/loop/a"].Reason, StringComparison.Ordinal);
        Assert.Equal(ItemStatus.Failed, byPath["/news/empty.html"].Status);
        Assert.Contains("no visible text", byPath["/news/empty.html"].Reason, StringComparison.Ordinal);
        Assert.Equal(0, _server.Count("/private/secret.html"));

        // In the database, with the same reasons; the next run asks again only for what failed.
        var stored = _sources.AllItems().ToDictionary(i => new Uri(i.Url).AbsolutePath);
        Assert.Equal(byPath["/news/gone.html"].Reason, stored["/news/gone.html"].Reason);
        Assert.Equal(404, stored["/news/gone.html"].HttpStatus);
        Assert.Equal(1, _store.GetStats().Documents);
    }

    [Fact]
    public async Task RunAsync_MaxItems_DefersTheRestToTheNextRun()
    {
        ServeNews();
        _server.MapFixture("/feed.xml", "feed-rss.xml", "application/rss+xml"); // no ETag, so run two lists it again
        AddFeed("/feed.xml");

        var first = await RunAsync(maxItems: 1);
        var second = await RunAsync(maxItems: 1);

        Assert.Equal((1, 1), (first.New, first.Deferred));
        Assert.Equal((1, 1), (second.New, second.Deferred)); // the new item first; the re-check of the other waits
        Assert.NotEqual(first.Items.Single().Url, second.Items.Single().Url);
        Assert.Equal(2, _store.GetStats().Documents);
        Assert.Equal(1, _server.Count("/news/th-silk.html"));
        Assert.Equal(1, _server.Count("/news/en-film.html"));
    }

    [Fact]
    public async Task RunAsync_SameTextAtTwoAddresses_StoredOnceWithBothSources()
    {
        _server.MapText(
            "/feed.xml",
            """<rss version="2.0"><channel><item><link>{base}/a.html</link></item><item><link>{base}/b.html</link></item></channel></rss>""",
            "application/rss+xml");
        _server.MapFixture("/a.html", "article-en.html");
        _server.MapFixture("/b.html", "article-en.html");
        AddFeed("/feed.xml");

        var summary = await RunAsync(concurrency: 1);

        Assert.Equal([ItemStatus.New, ItemStatus.Duplicate], summary.Items.Select(i => i.Status));
        var document = Assert.Single(_store.ListDocuments(10, 0));
        Assert.Equal([_server.Url("/a.html").AbsoluteUri, _server.Url("/b.html").AbsoluteUri], document.Sources);
    }

    [Fact]
    public async Task RunAsync_RestartedProcess_ContinuesFromTheDatabase()
    {
        ServeNews();
        AddFeed("/feed.xml");
        await RunAsync(maxItems: 1);
        _store.Dispose();

        // A new store object on the same file, as after a restart.
        _store = SqliteAtlasStore.Open(_db.DatabasePath, TestText.Shared, _clock);
        _sources = new SourceStore(_store, _clock);
        var resumed = await RunAsync();

        // The feed is listed again (the first run did not finish its list, so it kept no ETag for it);
        // the item left over is stored, the one already held only re-checked on its ETag.
        Assert.Equal("ok", Assert.Single(resumed.Sources).Status);
        Assert.Equal([ItemStatus.New, ItemStatus.Unchanged], resumed.Items.Select(i => i.Status));
        Assert.Equal(2, _store.GetStats().Documents);
        Assert.Equal([null, "\"silk-1\""], _server.Requests.Where(r => r.Path == "/news/th-silk.html").Select(r => r.IfNoneMatch));
        Assert.Equal(1, _server.Count("/news/en-film.html"));
        Assert.Equal("\"feed-1\"", _sources.List().Single().Validators.ETag);
    }

    [Fact]
    public async Task Schedule_Every30Minutes_RunsAgainUntilCancelled()
    {
        ServeNews();
        AddFeed("/feed.xml");
        using var stop = new CancellationTokenSource();
        var summaries = new List<CollectSummary>();

        var runs = await CollectSchedule.RunAsync(
            async cancel =>
            {
                summaries.Add(await RunAsync(cancel: cancel));
                if (summaries.Count == 3)
                {
                    await stop.CancelAsync();
                }
            },
            TimeSpan.FromMinutes(30),
            _clock,
            stop.Token);

        Assert.Equal(3, runs);
        Assert.Equal([2, 0, 0], summaries.Select(s => s.New));
        Assert.Equal(2, _clock.Waits.Count(w => w == TimeSpan.FromMinutes(30)));
    }

    [Theory]
    [InlineData("30m", 30 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("90s", 90)]
    [InlineData("1d", 86400)]
    [InlineData("1.5h", 5400)]
    [InlineData("00:45:00", 45 * 60)]
    public void ParseInterval_Forms_Read(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), CollectSchedule.ParseInterval(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("30x")]
    [InlineData("m")]
    public void ParseInterval_Nonsense_Null(string text) => Assert.Null(CollectSchedule.ParseInterval(text));

    private void ServeNews()
    {
        _server.MapFixture("/feed.xml", "feed-rss.xml", "application/rss+xml", etag: "\"feed-1\"");
        _server.MapFixture("/news/th-silk.html", "article-th.html", etag: "\"silk-1\"");
        _server.MapFixture("/news/en-film.html", "article-en.html");
    }

    private Source AddFeed(string path)
    {
        var added = _sources.Add(_server.Url(path), SourceKind.Feed, null, null);
        Assert.Null(added.Error);
        return added.Source!;
    }

    private StoredDocument StoredFrom(string path) =>
        _store.FindBySource(_server.Url(path).AbsoluteUri) ?? throw new Xunit.Sdk.XunitException($"nothing stored from {path}");

    private async Task<CollectSummary> RunAsync(int? maxItems = null, int concurrency = 4, CancellationToken cancel = default)
    {
        using var fetcher = new WebFetcher(new FetchPolicy { GlobalConcurrency = concurrency, AllowPrivateAddresses = true }, _clock);
        var collector = new Collector(_store, _sources, Pipeline.Value, fetcher, _clock) { MaxItems = maxItems };
        return await collector.RunAsync(null, cancel);
    }
}
