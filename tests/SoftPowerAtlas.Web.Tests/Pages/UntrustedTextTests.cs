using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Pages;

/// <summary>Document text is untrusted: whatever it holds must reach the page as text, through the real ingest.</summary>
public sealed class UntrustedTextTests : IAsyncLifetime
{
    private const string Hostile = """
        ---
        title: "Soft power <script>alert('title')</script> release"
        source_url: "javascript:alert('source')"
        date: 2024-05-01
        ---
        The Ministry of Culture met the Embassy of France in Bangkok on May 1, 2024, to discuss film cooperation.
        <script>alert('body')</script> and <img src=x onerror=alert('img')> appear in the text.
        [Click for details](javascript:alert('link')) and <a href="javascript:alert('raw')">raw link</a>.
        The two sides agreed to sign an MOU on film co-production by December 2024.
        """;

    private TestDatabase _db = null!; // Set in InitializeAsync.
    private AtlasWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(withSamples: false, ("hostile.md", Hostile));
        _factory = new AtlasWebFactory(_db.Path);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task DocumentPage_ScriptsAndJavascriptLinks_ShowAsTextOnly()
    {
        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/documents/1");
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(&#x27;source&#x27;)", html, StringComparison.Ordinal); // The source address, shown as text.
        Assert.Contains("data-kind=\"date\"", html, StringComparison.Ordinal); // Facts are still highlighted around the hostile text.

        var list = await client.GetStringAsync("/documents");
        Assert.DoesNotContain("<script>alert", list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Soft power &lt;script&gt;", list, StringComparison.Ordinal);
    }
}
