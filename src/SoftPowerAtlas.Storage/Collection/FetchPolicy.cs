using System.Reflection;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// How politely and how patiently <see cref="WebFetcher"/> fetches: who it says it is, how often and
/// how many at once per host, how long it waits, how often it retries, how much it reads.
/// </summary>
public sealed record FetchPolicy
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string ProductToken = "SoftPowerAtlas";

    /// <summary>Where a site owner can learn about the crawler or reach its operator, shown in the User-Agent.</summary>
    public string Contact { get; init; } = "https://github.com/SoftPowerAtlas";

    /// <summary><c>SoftPowerAtlas/&lt;version&gt; (+contact)</c>.</summary>
    public string UserAgent => $"{ProductToken}/{Version} (+{Contact})";

    /// <summary>Longest wait for one response, headers and body together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies larger than this are refused; a larger body is never read whole.</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Redirects followed for one address before giving up.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Tries per address on 429, 5xx, timeouts and network errors (the first try included).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off delay; doubled each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A server asking to wait longer than this (Retry-After) is given up on for this run.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Least time between two requests to one host; a longer robots.txt Crawl-delay wins.</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Crawl-delay honoured; a site asking for more is fetched at this pace.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests in flight to one host at once.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Requests in flight at once over all hosts.</summary>
    public int GlobalConcurrency { get; init; } = 8;

    /// <summary>
    /// Whether loopback, private, link-local and multicast addresses may be fetched (an intranet's
    /// feeds; <c>atlas collect --allow-private</c>). Off by default: see <see cref="AddressGuard"/>.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Whether robots.txt is read and obeyed (always, except in a test of the rule itself).</summary>
    public bool RespectRobots { get; init; } = true;

    private static string Version =>
        typeof(FetchPolicy).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1";
}
