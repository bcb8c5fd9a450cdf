using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// The reverse proxies (<c>Atlas:Proxies</c>, <c>atlas serve --proxy</c>) whose <c>X-Forwarded-For</c>
/// and <c>X-Forwarded-Proto</c> are believed; from anyone else those headers are ignored, so a caller
/// cannot choose the address the login throttle and the laptop mode see.
/// </summary>
public sealed class TrustedProxies
{
    /// <summary>Configuration key: proxy IP addresses separated by <c>;</c> or <c>,</c>.</summary>
    public const string Setting = "Atlas:Proxies";

    public TrustedProxies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = new List<IPAddress>();
        var bad = new List<string>();
        foreach (var text in (configuration[Setting] ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPAddress.TryParse(text, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                bad.Add(text);
            }
        }

        Addresses = addresses;
        SettingError = bad.Count == 0 ? null : $"{Setting}: '{string.Join("', '", bad)}' is not an IP address (a proxy is named by its address)";
    }

    public IReadOnlyList<IPAddress> Addresses { get; }

    public string? SettingError { get; }

    /// <summary>Whether the connection comes from a configured proxy (after forwarding, only when it sent no client address).</summary>
    public bool IsProxy(IPAddress? address) =>
        address is not null && Addresses.Any(p => p.Equals(address) || (address.IsIPv4MappedToIPv6 && p.Equals(address.MapToIPv4())));

    /// <summary>The client the throttle counts: the connection's address, or null when it is a proxy that did not say for whom.</summary>
    public string? ClientOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        return IsProxy(remote) ? null : remote?.ToString() ?? "local";
    }

    /// <summary>Applies the forwarded headers of the configured proxies (none configured: nothing is read from them).</summary>
    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.Services.GetRequiredService<TrustedProxies>();
        if (proxies.Addresses.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var address in proxies.Addresses)
        {
            options.KnownProxies.Add(address);
        }

        app.UseForwardedHeaders(options);
    }
}
