using System.Net;
using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Storage.Tests.Collection;

/// <summary>
/// Collection refuses this machine and private networks (SSRF) by default, whatever way the address
/// is written, after DNS resolution and at every redirect; the fixture server on 127.0.0.1 proves the
/// request never arrives.
/// </summary>
public sealed class AddressGuardTests : IAsyncLifetime
{
    private readonly SkippingClock _clock = new();
    private FixtureServer _server = null!; // Set in InitializeAsync.

    public async Task InitializeAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.MapText("/secret.html", "<p>internal admin page</p>");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.0.9", "a loopback address")]
    [InlineData("10.20.30.40", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("100.100.100.200", "a shared (carrier-grade NAT) address")]
    [InlineData("0.0.0.0", "the unspecified (this-network) address")]
    [InlineData("224.0.0.251", "a multicast address")]
    [InlineData("239.255.255.250", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved or broadcast address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "the unspecified address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00:ec2::254", "a private address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("::ffff:192.168.0.10", "a private address")]
    [InlineData("::127.0.0.1", "a loopback address")]
    [InlineData("64:ff9b::a9fe:a9fe", "a link-local address")]
    public void Blocked_InternalAddress_SaysWhich(string address, string why)
    {
        Assert.Equal(why, AddressGuard.Blocked(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("203.150.1.10")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:203.150.1.10")]
    [InlineData("64:ff9b::808:808")]
    public void Blocked_PublicAddress_IsNull(string address)
    {
        Assert.Null(AddressGuard.Blocked(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/secret.html", "127.0.0.1 is a loopback address")]
    [InlineData("http://2130706433:{port}/secret.html", "is a loopback address")]
    [InlineData("http://0177.0.0.1:{port}/secret.html", "is a loopback address")]
    [InlineData("http://0x7f.0.0.1:{port}/secret.html", "is a loopback address")]
    [InlineData("http://127.1:{port}/secret.html", "is a loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/secret.html", "is a loopback address")]
    [InlineData("http://[::1]:{port}/secret.html", "::1 is a loopback address")]
    [InlineData("http://localhost:{port}/secret.html", "localhost resolves to")]
    public async Task FetchAsync_LoopbackWrittenAnyWay_RefusedAndNeverRequested(string address, string reason)
    {
        using var fetcher = new WebFetcher(new FetchPolicy(), _clock);

        var result = await fetcher.FetchAsync(new Uri(Expand(address)));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; collection fetches only public addresses (atlas collect --allow-private for an intranet)", result.Reason, StringComparison.Ordinal);
        Assert.StartsWith("not fetched: ", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_DnsNameResolvingToLoopback_Refused()
    {
        using var fetcher = Guarded(new Dictionary<string, IPAddress> { ["intranet.example.go.th"] = IPAddress.Loopback });

        var result = await fetcher.FetchAsync(new Uri(Expand("http://intranet.example.go.th:{port}/secret.html")));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal("not fetched: intranet.example.go.th resolves to 127.0.0.1, a loopback address; collection fetches only public addresses (atlas collect --allow-private for an intranet)", result.Reason);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_NameWithOnePrivateAddressAmongPublicOnes_Refused()
    {
        using var fetcher = Guarded([]);

        var result = await fetcher.FetchAsync(new Uri("http://news.example.go.th/feed.xml"));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("news.example.go.th resolves to 10.0.0.7, a private address", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://internal.example.go.th:{port}/secret.html", "internal.example.go.th resolves to 169.254.169.254, a link-local address")]
    [InlineData("http://0xA9FEA9FE:{port}/latest/meta-data/", "169.254.169.254 is a link-local address")]
    public async Task FetchAsync_RedirectToInternalAddress_RefusedAtTheRedirect(string location, string reason)
    {
        // The feed's own host passes (a public site, here exempted); where it redirects to does not.
        _server.Map("/go", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = Expand(location);
            return Task.CompletedTask;
        });
        using var fetcher = Guarded(new Dictionary<string, IPAddress> { ["internal.example.go.th"] = IPAddress.Parse("169.254.169.254") }, exempt: IPAddress.Loopback);

        var result = await fetcher.FetchAsync(new Uri(Expand("http://public.example.go.th:{port}/go")));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(new Uri(Expand(location)).Host, result.Final.Host);
        Assert.Equal(["/robots.txt", "/go"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task FetchAsync_AllowPrivate_FetchesTheIntranet()
    {
        using var fetcher = new WebFetcher(new FetchPolicy { AllowPrivateAddresses = true }, _clock);

        var result = await fetcher.FetchAsync(_server.Url("/secret.html"));

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(1, _server.Count("/secret.html"));
    }

    /// <summary>A fetcher whose resolver knows <paramref name="names"/> (and 127.0.0.1 for public.example.go.th), with <paramref name="exempt"/> treated as public.</summary>
    private WebFetcher Guarded(Dictionary<string, IPAddress> names, IPAddress? exempt = null)
    {
        names["public.example.go.th"] = IPAddress.Loopback;
        var connector = new GuardedConnector(
            (host, _) => Task.FromResult(names.TryGetValue(host, out var address) ? [address] : new[] { IPAddress.Parse("203.150.1.10"), IPAddress.Parse("10.0.0.7") }),
            exempt is null ? null : new HashSet<IPAddress> { exempt });
        return new WebFetcher(new FetchPolicy(), _clock, connector);
    }

    private string Expand(string address) => address.Replace("{port}", _server.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
