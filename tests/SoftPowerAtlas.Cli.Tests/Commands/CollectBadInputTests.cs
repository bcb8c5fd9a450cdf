using Microsoft.AspNetCore.Http;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// <c>atlas collect</c> survives the bad-input corpus (issue 23): a feed on a real Kestrel server on
/// 127.0.0.1 lists every kind that is a file as a page, beside a good one; the run ends, every page is
/// accounted for (stored, a duplicate, or failed with a reason), the good page is stored, and nothing
/// is stored half.
/// </summary>
public sealed class CollectBadInputTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, byte[]> _pages = new(StringComparer.Ordinal);
    private LocalServer _server = null!; // Set in InitializeAsync.

    public async Task InitializeAsync()
    {
        var folder = _temp.Folder("kinds");
        var i = 0;
        foreach (var kind in BadInputCorpus.Kinds)
        {
            kind.Make(folder);
            var info = new FileInfo(Path.Combine(folder, kind.Name));
            if (info.Exists && info.LinkTarget is null && !kind.Name.Contains("fifo", StringComparison.Ordinal))
            {
                _pages[$"/bad/{i++}{Path.GetExtension(kind.Name)}"] = await File.ReadAllBytesAsync(info.FullName);
            }
        }

        _pages["/good.txt"] = System.Text.Encoding.UTF8.GetBytes(BadInputCorpus.Thai);
        _server = await LocalServer.StartAsync(Serve);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Collect_FeedOfEveryFileKind_RunEndsEveryPageAccountedGoodOneStored()
    {
        await Atlas.RunAsync("--db", _temp.Db, "source", "add", _server.Url("/feed.xml"));

        var run = await Atlas.RunAsync("--db", _temp.Db, "collect", "--allow-private", "--delay", "0");

        Assert.True(run.ExitCode is AtlasCommand.Ok or AtlasCommand.SomeInputsFailed, run.ToString());
        Assert.Equal(_pages.Count, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM fetched_items"));
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM fetched_items WHERE status NOT IN ('new', 'duplicate', 'unchanged', 'failed', 'refused')"));
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM fetched_items WHERE status IN ('failed', 'refused') AND (reason IS NULL OR reason = '')"));
        Assert.Equal(1, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM fetched_items WHERE url LIKE '%/good.txt' AND document_id IS NOT NULL"));
        Assert.True(AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM fetched_items WHERE status = 'failed'") >= 5, run.ToString());
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM documents d WHERE d.facts_packed IS NULL OR NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id)"));
    }

    private Task Serve(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/feed.xml")
        {
            context.Response.ContentType = "application/rss+xml";
            var items = string.Concat(_pages.Keys.Select(p => $"<item><link>{_server.Url(p)}</link></item>"));
            return context.Response.WriteAsync($"""<rss version="2.0"><channel>{items}</channel></rss>""");
        }

        if (!_pages.TryGetValue(path, out var body))
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }

        context.Response.ContentType = path.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
