using System.Net;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// Whether a request must sign in. A laptop's SQLite atlas with no users, served on a loopback address,
/// is single-user: every caller on this machine is its admin, as before users existed. Sign-in is
/// required when the database has users, when the store is PostgreSQL (a shared server), when the
/// host listens on any non-loopback address, or when <c>Atlas:Auth</c> is <c>required</c>
/// (<c>atlas serve --auth required</c>).
/// </summary>
public sealed class AccessMode
{
    /// <summary>Configuration key: <c>auto</c> (the rules above) or <c>required</c>.</summary>
    public const string AuthSetting = "Atlas:Auth";

    private readonly UserStore _users;

    public AccessMode(UserStore users, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(configuration);
        _users = users;
        var setting = configuration[AuthSetting];
        SettingError = setting is null or "" or "auto" or "required" ? null : $"{AuthSetting} is '{setting}'; it must be 'auto' or 'required'";
        Forced = string.Equals(setting, "required", StringComparison.Ordinal);
        ListenAddresses = ConfiguredAddresses(configuration);
        OnlyLoopback = ListenAddresses.All(IsLoopbackAddress);
    }

    /// <summary>Sign-in was asked for explicitly.</summary>
    public bool Forced { get; }

    public string? SettingError { get; }

    /// <summary>The addresses the host was told to listen on (Kestrel's default when none were given).</summary>
    public IReadOnlyList<string> ListenAddresses { get; }

    public bool OnlyLoopback { get; }

    /// <summary>True when sign-in is required whatever the database holds.</summary>
    public bool AlwaysSignIn => Forced || _users.IsServerStore || !OnlyLoopback;

    /// <summary>Whether this request is served without sign-in, its caller being the local admin.</summary>
    public bool IsOpen(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsOpenHost() && IsLocal(context.Connection) && IsOwnHost(context.Request.Host.Host);
    }

    /// <summary>The host serves without sign-in: a laptop atlas with no users (each request then checked by <see cref="LocalHostGuard"/>).</summary>
    public bool IsOpenHost() => !AlwaysSignIn && !_users.HasUsers();

    /// <summary>A <c>Host</c> name that addresses this machine: <c>localhost</c>, a loopback IP, or a listen address.</summary>
    public bool IsOwnHost(string host) => OwnHosts.Contains(host, ListenAddresses);

    /// <summary>The host part of a listen address (<c>http://[::1]:5080</c> gives <c>::1</c>).</summary>
    public static string HostOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? rest : rest[1..close];
        }

        var end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>The caller and the address it reached are both this machine (or an in-process test server, which has neither).</summary>
    public static bool IsLocal(ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return (connection.RemoteIpAddress is null || IPAddress.IsLoopback(connection.RemoteIpAddress))
            && (connection.LocalIpAddress is null || IPAddress.IsLoopback(connection.LocalIpAddress));
    }

    /// <summary>True for <c>localhost</c> and loopback IPs; false for wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>) and other hosts.</summary>
    public static bool IsLoopbackAddress(string url)
    {
        var host = HostOf(url);
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>What Kestrel will bind: <c>urls</c>, then <c>http_ports</c>/<c>https_ports</c> (every interface), then <c>Kestrel:Endpoints</c>.</summary>
    private static List<string> ConfiguredAddresses(IConfiguration configuration)
    {
        var addresses = new List<string>();
        addresses.AddRange(Split(configuration["urls"]));
        addresses.AddRange(Split(configuration["http_ports"]).Concat(Split(configuration["https_ports"])).Select(port => "http://*:" + port));
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return addresses.Count > 0 ? addresses : ["http://localhost:5000"];
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
