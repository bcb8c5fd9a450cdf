using System.Net;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// DNS rebinding defence for the single-user laptop mode: a page on <c>evil.example</c> whose name
/// its owner points at 127.0.0.1 reaches this host as the same origin, and every caller on this
/// machine is admin. So while the host is open (<see cref="AccessMode.IsOpenHost"/>) a request must
/// be addressed to this machine by name (<c>Host</c>: <c>localhost</c>, a loopback IP, or a listen
/// address), and a request that changes data must not come from a page of another origin (<c>Origin</c>,
/// compared with scheme, host and port: another local web app on another port is another origin).
/// With users, sign-in protects every request and the host may sit behind a proxy under any name.
/// </summary>
internal static class LocalHostGuard
{
    public static async Task Check(HttpContext context, Func<Task> next)
    {
        var mode = context.RequestServices.GetRequiredService<AccessMode>();
        if (!mode.IsOpenHost())
        {
            await next();
            return;
        }

        var host = context.Request.Host;
        if (!host.HasValue || !mode.IsOwnHost(host.Host))
        {
            await AtlasAuth.Problem(
                context,
                StatusCodes.Status421MisdirectedRequest,
                "Not this machine's address",
                $"This atlas has no users, so it answers only requests addressed to this machine (localhost or 127.0.0.1), not to '{Escaped(host.Value ?? string.Empty)}'. "
                    + "To serve it under another name, add a user first (atlas user add NAME --role admin).");
            return;
        }

        if (!IsSafe(context.Request.Method) && context.Request.Headers.Origin is { Count: > 0 } origin && !IsOwnOrigin(context.Request, origin.ToString()))
        {
            await AtlasAuth.Problem(
                context,
                StatusCodes.Status403Forbidden,
                "Request from another site",
                $"A page from '{Escaped(origin.ToString())}' may not change this atlas; open it at http://localhost or 127.0.0.1.");
            return;
        }

        await next();
    }

    /// <summary>
    /// The page that sent the request is this host's own: same scheme, host and port. A browser writes
    /// <c>Origin: null</c> for a page whose referrer policy is <c>no-referrer</c> (ours), so then its
    /// <c>Sec-Fetch-Site</c>, which no page can set, must say <c>same-origin</c>.
    /// </summary>
    private static bool IsOwnOrigin(HttpRequest request, string origin)
    {
        if (origin == "null")
        {
            return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.Ordinal);
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && uri.Port == port;
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>A header as text fit for a message: control and format characters as <c>\uXXXX</c>, at most 100 characters.</summary>
    private static string Escaped(string value)
    {
        var text = value.Length > 100 ? value[..100] + "…" : value;
        return string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
            ? $"\\u{(int)c:X4}"
            : c.ToString()));
    }
}

/// <summary>Host names of this machine as <see cref="LocalHostGuard"/> accepts them.</summary>
internal static class OwnHosts
{
    /// <summary><c>localhost</c> (and names under it), loopback IPs, and the hosts of <paramref name="listen"/>.</summary>
    public static bool Contains(string host, IReadOnlyList<string> listen)
    {
        var bare = host.Trim('[', ']').TrimEnd('.');
        if (string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return true;
        }

        return listen.Any(url => string.Equals(AccessMode.HostOf(url), bare, StringComparison.OrdinalIgnoreCase));
    }
}
