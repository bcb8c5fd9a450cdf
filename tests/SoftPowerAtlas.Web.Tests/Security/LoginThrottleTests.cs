using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SoftPowerAtlas.Web.Security;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>The sign-in throttle keyed on the name first, and which address it counts behind a proxy.</summary>
public sealed class LoginThrottleTests
{
    private readonly LoginThrottle _throttle = new(new FixedClock(new DateTimeOffset(2024, 11, 15, 9, 0, 0, TimeSpan.FromHours(7))));

    [Fact]
    public void RetryAfter_FiveFailuresForANameFromOneClient_ThatNameRefusedOthersNot()
    {
        Fail("203.0.113.9", "anna", LoginThrottle.MaxPerName);

        Assert.Equal(LoginThrottle.Window, _throttle.RetryAfter("203.0.113.9", "Anna"));
        Assert.Null(_throttle.RetryAfter("203.0.113.9", "ben"));
        Assert.Null(_throttle.RetryAfter("198.51.100.4", "anna"));
    }

    [Fact]
    public void RetryAfter_GuessesAtOneNameFromManyClients_ThatNameRefusedEverywhere()
    {
        for (var i = 0; i < LoginThrottle.MaxPerNameAnyClient; i++)
        {
            Fail($"198.51.100.{i}", "สมชาย", 1);
        }

        Assert.NotNull(_throttle.RetryAfter("203.0.113.200", "สมชาย"));
        Assert.Null(_throttle.RetryAfter("203.0.113.200", "somsri"));
    }

    [Fact]
    public void RetryAfter_TwentyNamesFromOneClient_ThatClientRefusedOthersNot()
    {
        for (var i = 0; i < LoginThrottle.MaxPerClient; i++)
        {
            Fail("203.0.113.9", $"user{i}", 1);
        }

        Assert.NotNull(_throttle.RetryAfter("203.0.113.9", "anna"));
        Assert.Null(_throttle.RetryAfter("198.51.100.4", "anna"));
    }

    [Fact]
    public void RetryAfter_TwentyNamesFromAnUnknownClientBehindAProxy_NobodyElseLockedOut()
    {
        for (var i = 0; i < LoginThrottle.MaxPerClient * 2; i++)
        {
            Fail(null, $"user{i}", 1);
        }

        Assert.Null(_throttle.RetryAfter(null, "anna"));
        Assert.Null(_throttle.RetryAfter("198.51.100.4", "anna"));
        Fail(null, "anna", LoginThrottle.MaxPerName);
        Assert.NotNull(_throttle.RetryAfter(null, "anna"));
    }

    [Theory]
    [InlineData("10.0.0.2", "10.0.0.2", null)]
    [InlineData("10.0.0.2", "::ffff:10.0.0.2", null)]
    [InlineData("10.0.0.2", "203.0.113.9", "203.0.113.9")]
    [InlineData("", "10.0.0.2", "10.0.0.2")]
    [InlineData("10.0.0.2; 10.0.0.3", "10.0.0.3", null)]
    public void ClientOf_ConnectionFromAConfiguredProxy_IsUnknown(string proxies, string remote, string? expected)
    {
        var trusted = Trusted(proxies);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Headers["X-Forwarded-For"] = "192.0.2.77";

        Assert.Null(trusted.SettingError);
        Assert.Equal(expected, trusted.ClientOf(context));
    }

    [Fact]
    public void Setting_NotAnAddress_SaysWhich()
    {
        Assert.Equal("Atlas:Proxies: 'proxy.example.go.th' is not an IP address (a proxy is named by its address)", Trusted("10.0.0.2;proxy.example.go.th").SettingError);
    }

    private static TrustedProxies Trusted(string setting) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TrustedProxies.Setting] = setting }).Build());

    private void Fail(string? client, string name, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.Failed(client, name);
        }
    }
}
