using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Storage.Tests.Collection;

/// <summary>The fetcher against a real Kestrel server on 127.0.0.1 (so with private addresses allowed); waits are skipped by the clock, not slept.</summary>
public sealed class WebFetcherTests : IAsyncLifetime
{
    private readonly SkippingClock _clock = new();
    private readonly List<FetchWait> _waits = [];
    private FixtureServer _server = null!; // Set in InitializeAsync.

    public async Task InitializeAsync() => _server = await FixtureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_Page_SendsUserAgentAndReadsHeaders()
    {
        _server.MapText("/a.html", "<p>สวัสดี</p>", "text/html; charset=UTF-8", etag: "\"v1\"");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/a.html"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("<p>สวัสดี</p>", Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("text/html", result.MediaType);
        Assert.Equal("UTF-8", result.Charset);
        Assert.Equal("\"v1\"", result.ETag);
        var seen = _server.Requests.Single(r => r.Path == "/a.html");
        Assert.Matches(@"^SoftPowerAtlas/[0-9][^ ]* \(\+https://example\.org/atlas-contact\)$", seen.UserAgent);

        // robots.txt was asked for first (a 404 here: no rules).
        Assert.Equal(["/robots.txt", "/a.html"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task FetchAsync_SecondTimeWithETag_NotModified()
    {
        _server.MapText("/a.html", "<p>one</p>", etag: "\"v1\"");
        using var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(_server.Url("/a.html"));

        var second = await fetcher.FetchAsync(_server.Url("/a.html"), first.Validators);

        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Equal(304, second.HttpStatus);
        Assert.True(second.Body.IsEmpty);
        Assert.Equal("\"v1\"", second.ETag);
        Assert.Equal([null, "\"v1\""], _server.Requests.Where(r => r.Path == "/a.html").Select(r => r.IfNoneMatch));
    }

    [Fact]
    public async Task FetchAsync_LastModified_SentAsIfModifiedSince()
    {
        const string stamp = "Tue, 14 May 2024 02:00:00 GMT";
        _server.Map("/lm.html", async context =>
        {
            if (context.Request.Headers.IfModifiedSince == stamp)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.LastModified = stamp;
            await context.Response.WriteAsync("<p>text</p>");
        });
        using var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(_server.Url("/lm.html"));
        var second = await fetcher.FetchAsync(_server.Url("/lm.html"), first.Validators);

        Assert.Equal(stamp, first.LastModified);
        Assert.Equal(FetchStatus.NotModified, second.Status);
    }

    [Fact]
    public async Task FetchAsync_RobotsDisallows_RefusedWithoutRequestingThePage()
    {
        _server.MapFixture("/robots.txt", "robots.txt", "text/plain");
        _server.MapText("/private/secret.html", "<p>secret</p>");
        _server.MapText("/private/open.html", "<p>open</p>");
        using var fetcher = Fetcher();

        var refused = await fetcher.FetchAsync(_server.Url("/private/secret.html"));
        var allowed = await fetcher.FetchAsync(_server.Url("/private/open.html"));

        Assert.Equal(FetchStatus.Refused, refused.Status);
        Assert.Equal($"robots.txt of {_server.BaseUri.Authority} disallows /private/secret.html for SoftPowerAtlas", refused.Reason);
        Assert.Equal(0, _server.Count("/private/secret.html"));
        Assert.Equal(FetchStatus.Ok, allowed.Status);
        Assert.Equal(1, _server.Count("/robots.txt")); // read once per host
    }

    [Fact]
    public async Task FetchAsync_RobotsServerError_StaysAwayFromHost()
    {
        _server.Map("/robots.txt", context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        _server.MapText("/a.html", "<p>a</p>");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/a.html"));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal(0, _server.Count("/a.html"));
    }

    [Fact]
    public async Task FetchAsync_CrawlDelay_PacesRequestsToTheHost()
    {
        _server.MapText("/robots.txt", "User-agent: *\nCrawl-delay: 5\n", "text/plain");
        _server.MapText("/a.html", "<p>a</p>");
        using var fetcher = Fetcher();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(_server.Url("/a.html"))).Status);
        }

        // The first page waits the default second after robots.txt; each later one the crawl delay.
        var paces = _waits.Where(w => w.Kind == FetchWaitKind.Pace).Select(w => (w.Uri.AbsolutePath, w.Delay.TotalSeconds)).ToList();
        Assert.Equal([("/a.html", 1.0), ("/a.html", 5.0), ("/a.html", 5.0)], paces);
    }

    [Fact]
    public async Task FetchAsync_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var calls = 0;
        _server.Map("/busy.html", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "7";
                return;
            }

            await context.Response.WriteAsync("<p>ok</p>");
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/busy.html"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(_waits, w => w.Kind == FetchWaitKind.BackOff).Delay);
    }

    [Fact]
    public async Task FetchAsync_503Twice_BacksOffExponentiallyThenSucceeds()
    {
        var calls = 0;
        _server.Map("/flaky.html", async context =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await context.Response.WriteAsync("<p>ok</p>");
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/flaky.html"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(3, result.Attempts);
        var backOffs = _waits.Where(w => w.Kind == FetchWaitKind.BackOff).Select(w => w.Delay).ToList();
        Assert.Equal(2, backOffs.Count);

        // Base 2 s doubled each time, with jitter in [50 %, 100 %].
        Assert.InRange(backOffs[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(backOffs[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task FetchAsync_AlwaysFailing_GivesUpAfterMaxAttempts()
    {
        _server.Map("/down.html", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/down.html"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal("HTTP 503 Service Unavailable (gave up after 4 attempts)", result.Reason);
        Assert.Equal(4, _server.Count("/down.html"));
    }

    [Fact]
    public async Task FetchAsync_RetryAfterTooLong_FailsWithoutWaiting()
    {
        _server.Map("/later.html", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/later.html"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("HTTP 429 Too Many Requests; the server asks to retry after 3600 s, longer than the 120 s a run waits", result.Reason);
        Assert.DoesNotContain(_waits, w => w.Kind == FetchWaitKind.BackOff);
    }

    [Fact]
    public async Task FetchAsync_NotFound_FailsAtOnce()
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/missing.html"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"HTTP 404 Not Found at {_server.Url("/missing.html")}", result.Reason);
        Assert.Equal(1, _server.Count("/missing.html"));
    }

    [Fact]
    public async Task FetchAsync_SlowServer_TimesOut()
    {
        _server.Map("/slow.html", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await context.Response.WriteAsync("too late");
        });
        using var fetcher = Fetcher(new FetchPolicy { Contact = Contact, Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2, AllowPrivateAddresses = true });

        var result = await fetcher.FetchAsync(_server.Url("/slow.html"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"timed out after 0.3 s at {_server.Url("/slow.html")} (gave up after 2 attempts)", result.Reason);
        Assert.Equal(2, _server.Count("/slow.html"));
    }

    [Fact]
    public async Task FetchAsync_Redirects_FollowedToTheFinalAddress()
    {
        Redirect("/old", "/older");
        Redirect("/older", "/news/new.html");
        _server.MapText("/news/new.html", "<p>moved</p>");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/old"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(_server.Url("/news/new.html"), result.Final);
        Assert.Equal(_server.Url("/old"), result.Requested);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_DetectedAndNamed()
    {
        Redirect("/loop/a", "/loop/b");
        Redirect("/loop/b", "/loop/a");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/loop/a"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"redirect loop: {_server.Url("/loop/a")} → {_server.Url("/loop/b")} → {_server.Url("/loop/a")}", result.Reason);
        Assert.Equal(1, _server.Count("/loop/a"));
    }

    [Fact]
    public async Task FetchAsync_SixRedirects_GivesUpAfterFive()
    {
        for (var i = 0; i < 6; i++)
        {
            Redirect($"/hop/{i}", $"/hop/{i + 1}");
        }

        _server.MapText("/hop/6", "<p>end</p>");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/hop/0"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"more than 5 redirects (last to {_server.Url("/hop/6")})", result.Reason);
        Assert.Equal(0, _server.Count("/hop/6"));
    }

    [Fact]
    public async Task FetchAsync_AnnouncedFiftyMegabytes_RefusedBeforeReading()
    {
        var written = 0L;
        _server.Map("/huge-announced.html", context => ServeZerosAsync(context, 50L * 1024 * 1024, announce: true, n => written = n));
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/huge-announced.html"));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal("too large: the server announces 52,428,800 bytes, the limit is 10,485,760; not downloaded", result.Reason);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task FetchAsync_StreamedFiftyMegabytes_StopsReadingAtTheCap()
    {
        var written = 0L;
        _server.Map("/huge.html", context => ServeZerosAsync(context, 50L * 1024 * 1024, announce: false, n => Interlocked.Exchange(ref written, n)));
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/huge.html"));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal("too large: more than the limit of 10,485,760 bytes; stopped reading there", result.Reason);
        Assert.True(result.Body.IsEmpty);

        // The server wrote at least past the cap before the client hung up. How much more it handed to
        // the kernel's loopback buffers first is up to the scheduler (on a fresh clone it was all 50 MB),
        // so that is not asserted; the reason above is only given while streaming, past the cap.
        await WaitForAsync(() => Interlocked.Read(ref written) > 10L * 1024 * 1024);
        Assert.True(Interlocked.Read(ref written) > 10L * 1024 * 1024);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task FetchAsync_CompressedBody_Decompressed(string encoding)
    {
        const string page = "<html><body><p>ข่าวเทศกาลโคมยี่เป็ง จังหวัดเชียงใหม่</p></body></html>";
        _server.Map("/z.html", async context =>
        {
            var plain = Encoding.UTF8.GetBytes(page);
            using var packed = new MemoryStream();
            await using (Stream zip = encoding == "gzip" ? new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true) : new BrotliStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                await zip.WriteAsync(plain);
            }

            context.Response.Headers.ContentEncoding = encoding;
            await FixtureServer.WriteAsync(context, packed.ToArray(), "text/html; charset=utf-8");
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/z.html"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(page, Encoding.UTF8.GetString(result.Body.Span));
        Assert.Contains(encoding, _server.Requests.Single(r => r.Path == "/z.html").AcceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NotHttp_FailsWithReason()
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new Uri("ftp://127.0.0.1/news.xml"));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("ftp://127.0.0.1/news.xml: only http and https addresses are fetched", result.Reason);
    }

    private const string Contact = "https://example.org/atlas-contact";

    private WebFetcher Fetcher(FetchPolicy? policy = null) =>
        new(policy ?? new FetchPolicy { Contact = Contact, AllowPrivateAddresses = true }, _clock) { OnWait = w => { lock (_waits) { _waits.Add(w); } } };

    private void Redirect(string from, string to) => _server.Map(from, context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    });

    private static async Task ServeZerosAsync(HttpContext context, long total, bool announce, Action<long> progress)
    {
        context.Response.ContentType = "text/html";
        if (announce)
        {
            context.Response.ContentLength = total;
        }

        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'a');
        long sent = 0;
        try
        {
            // Kestrel accepts writes silently once the client has gone; the abort signal says it went.
            while (sent < total && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                sent += chunk.Length;
                progress(sent);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped reading: what this test wants.
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }
}
