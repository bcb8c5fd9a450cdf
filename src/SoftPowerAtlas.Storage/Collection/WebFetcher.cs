using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// Fetches web pages politely and defensively: says who it is (User-Agent), obeys robots.txt, paces
/// each host (interval or Crawl-delay) and bounds requests per host and overall, asks conditionally,
/// retries 429/5xx/timeouts with exponential back-off and jitter (honouring Retry-After), follows at
/// most <see cref="FetchPolicy.MaxRedirects"/> redirects itself and detects loops, decompresses
/// gzip/brotli/deflate, stops reading a body at <see cref="FetchPolicy.MaxBytes"/>, and connects
/// only to public addresses unless <see cref="FetchPolicy.AllowPrivateAddresses"/> (<see cref="GuardedConnector"/>).
/// Pacing and back-off wait on the injected <see cref="TimeProvider"/> (tests skip them); request
/// timeouts are real time, as the network is. Thread-safe; robots.txt is read once per host per fetcher.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private const int MaxRobotsBytes = RobotsTxt.MaxChars;

    private readonly HttpClient _client;
    private readonly FetchPolicy _policy;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _global;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new(StringComparer.OrdinalIgnoreCase);

    public WebFetcher(FetchPolicy policy, TimeProvider time)
        : this(policy, time, new GuardedConnector())
    {
    }

    /// <summary>With the connector that checks addresses (a test's resolver and exempt addresses).</summary>
    internal WebFetcher(FetchPolicy policy, TimeProvider time, GuardedConnector connector)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _policy = policy;
        _time = time;
        _global = new SemaphoreSlim(policy.GlobalConcurrency, policy.GlobalConcurrency);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli | DecompressionMethods.Deflate,
            ConnectTimeout = policy.Timeout,
            MaxConnectionsPerServer = policy.PerHostConcurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,

            // A body abandoned at the size cap is not drained: the connection is dropped instead.
            MaxResponseDrainSize = 0,
        };
        if (!policy.AllowPrivateAddresses)
        {
            handler.ConnectCallback = connector.ConnectAsync;
        }

        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Told of every wait for pacing or back-off (what a test asserts instead of timing).</summary>
    public Action<FetchWait>? OnWait { get; init; }

    public FetchPolicy Policy => _policy;

    /// <summary>Fetches <paramref name="uri"/>, conditionally when <paramref name="validators"/> are given.</summary>
    public Task<FetchResult> FetchAsync(Uri uri, FetchValidators? validators = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return FetchCoreAsync(uri, validators, _policy.MaxBytes, checkRobots: _policy.RespectRobots, cancel);
    }

    public void Dispose()
    {
        _client.Dispose();
        _global.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Slots.Dispose();
        }
    }

    private async Task<FetchResult> FetchCoreAsync(Uri uri, FetchValidators? validators, long maxBytes, bool checkRobots, CancellationToken cancel)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return Ended(uri, uri, FetchStatus.Failed, $"{uri}: only http and https addresses are fetched", 0);
        }

        var current = uri;
        var chain = new List<Uri> { uri };
        var attempts = 0;
        while (true)
        {
            if (checkRobots)
            {
                var robots = await RobotsForAsync(current, cancel);
                if (!robots.IsAllowed(FetchPolicy.ProductToken, current.PathAndQuery))
                {
                    return Ended(uri, current, FetchStatus.Refused, $"robots.txt of {current.Authority} disallows {current.PathAndQuery} for {FetchPolicy.ProductToken}", attempts);
                }
            }

            var (result, redirect, tries) = await FetchWithRetriesAsync(uri, current, validators, maxBytes, cancel);
            attempts += tries;
            if (redirect is null)
            {
                return result! with { Attempts = attempts };
            }

            if (chain.Any(u => u.AbsoluteUri == redirect.AbsoluteUri))
            {
                chain.Add(redirect);
                return Ended(uri, current, FetchStatus.Failed, "redirect loop: " + string.Join(" → ", chain.Select(u => u.AbsoluteUri)), attempts);
            }

            if (chain.Count > _policy.MaxRedirects)
            {
                return Ended(uri, current, FetchStatus.Failed, string.Create(CultureInfo.InvariantCulture, $"more than {_policy.MaxRedirects} redirects (last to {redirect.AbsoluteUri})"), attempts);
            }

            chain.Add(redirect);
            current = redirect;
        }
    }

    /// <summary>One address, retried on 429/5xx/timeouts; a redirect ends it with the next address.</summary>
    private async Task<(FetchResult? Result, Uri? Redirect, int Attempts)> FetchWithRetriesAsync(
        Uri requested, Uri uri, FetchValidators? validators, long maxBytes, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(requested, uri, validators, maxBytes, cancel);
            if (outcome.Redirect is not null || outcome.RetryAfter is null)
            {
                return (outcome.Result, outcome.Redirect, attempt);
            }

            if (attempt >= _policy.MaxAttempts)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"{outcome.Problem} (gave up after {attempt} attempts)");
                return (Ended(requested, uri, FetchStatus.Failed, reason, attempt, outcome.Status), null, attempt);
            }

            var backOff = _policy.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.5 + (Random.Shared.NextDouble() / 2));
            var delay = outcome.RetryAfter.Value > TimeSpan.Zero ? outcome.RetryAfter.Value : backOff;
            if (delay > _policy.MaxRetryDelay)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"{outcome.Problem}; the server asks to retry after {delay.TotalSeconds:F0} s, longer than the {_policy.MaxRetryDelay.TotalSeconds:F0} s a run waits");
                return (Ended(requested, uri, FetchStatus.Failed, reason, attempt, outcome.Status), null, attempt);
            }

            OnWait?.Invoke(new FetchWait(uri, delay, FetchWaitKind.BackOff));
            await Task.Delay(delay, _time, cancel);
        }
    }

    private async Task<Outcome> SendOnceAsync(Uri requested, Uri uri, FetchValidators? validators, long maxBytes, CancellationToken cancel)
    {
        // Robots first, outside the host's slots: reading robots.txt takes a slot of the same host.
        var interval = await IntervalForAsync(uri, cancel);
        var gate = _hosts.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new HostGate(_policy.PerHostConcurrency));
        await gate.Slots.WaitAsync(cancel);
        try
        {
            var wait = gate.Reserve(_time.GetUtcNow(), interval);
            if (wait > TimeSpan.Zero)
            {
                OnWait?.Invoke(new FetchWait(uri, wait, FetchWaitKind.Pace));
                await Task.Delay(wait, _time, cancel);
            }

            await _global.WaitAsync(cancel);
            try
            {
                return await SendAsync(requested, uri, validators, maxBytes, cancel);
            }
            finally
            {
                _global.Release();
            }
        }
        finally
        {
            gate.Slots.Release();
        }
    }

    private async Task<Outcome> SendAsync(Uri requested, Uri uri, FetchValidators? validators, long maxBytes, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_policy.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", _policy.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.TryAddWithoutValidation("Accept-Language", "th,en;q=0.8");
        if (validators?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                return response.Headers.Location is { } location && FeedParser.Resolve(uri, location.OriginalString) is { } next
                    ? new Outcome(null, next, null, null, status)
                    : Final(Ended(requested, uri, FetchStatus.Failed, $"HTTP {status} redirect without a usable Location", 1, status));
            }

            if (status is 429 or 408 or 500 or 502 or 503 or 504)
            {
                return new Outcome(null, null, RetryAfter(response) ?? TimeSpan.Zero, $"HTTP {status} {response.ReasonPhrase}", status);
            }

            if (status == 304)
            {
                return Final(new FetchResult
                {
                    Requested = requested,
                    Final = uri,
                    Status = FetchStatus.NotModified,
                    HttpStatus = status,
                    ETag = response.Headers.ETag?.ToString() ?? validators?.ETag,
                    LastModified = LastModifiedOf(response) ?? validators?.LastModified,
                });
            }

            if (status is < 200 or > 299)
            {
                return Final(Ended(requested, uri, FetchStatus.Failed, $"HTTP {status} {response.ReasonPhrase} at {uri.AbsoluteUri}", 1, status));
            }

            if (response.Content.Headers.ContentLength is long announced && announced > maxBytes)
            {
                return Final(Ended(requested, uri, FetchStatus.Refused, string.Create(CultureInfo.InvariantCulture,
                    $"too large: the server announces {announced:N0} bytes, the limit is {maxBytes:N0}; not downloaded"), 1, status));
            }

            var (body, over) = await ReadCappedAsync(response, maxBytes, timeout.Token);
            if (over)
            {
                return Final(Ended(requested, uri, FetchStatus.Refused, string.Create(CultureInfo.InvariantCulture,
                    $"too large: more than the limit of {maxBytes:N0} bytes; stopped reading there"), 1, status));
            }

            var type = response.Content.Headers.ContentType;
            return Final(new FetchResult
            {
                Requested = requested,
                Final = uri,
                Status = FetchStatus.Ok,
                HttpStatus = status,
                Body = body,
                MediaType = type?.MediaType,
                Charset = type?.CharSet,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = LastModifiedOf(response),
            });
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new Outcome(null, null, TimeSpan.Zero, string.Create(CultureInfo.InvariantCulture, $"timed out after {_policy.Timeout.TotalSeconds:0.###} s at {uri.AbsoluteUri}"), null);
        }
        catch (HttpRequestException e) when (e.InnerException is BlockedAddressException blocked)
        {
            return Final(Ended(requested, uri, FetchStatus.Refused,
                $"not fetched: {blocked.Message}; collection fetches only public addresses (atlas collect --allow-private for an intranet)", 1));
        }
        catch (HttpRequestException e)
        {
            return new Outcome(null, null, TimeSpan.Zero, $"network error at {uri.AbsoluteUri}: {e.Message}", null);
        }
        catch (IOException e)
        {
            return new Outcome(null, null, TimeSpan.Zero, $"connection broken while reading {uri.AbsoluteUri}: {e.Message}", null);
        }
    }

    /// <summary>Reads the body in chunks and stops as soon as it passes the cap, so a huge page is never held whole.</summary>
    private static async Task<(byte[] Body, bool Over)> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancel)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancel);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retry)
        {
            return null;
        }

        if (retry.Delta is { } delta)
        {
            return delta;
        }

        if (retry.Date is not { } date)
        {
            return null;
        }

        var wait = date - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static string? LastModifiedOf(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;

    private async Task<TimeSpan> IntervalForAsync(Uri uri, CancellationToken cancel)
    {
        if (!_policy.RespectRobots || uri.AbsolutePath == "/robots.txt")
        {
            return _policy.PerHostInterval;
        }

        var delay = (await RobotsForAsync(uri, cancel)).CrawlDelay(FetchPolicy.ProductToken) ?? TimeSpan.Zero;
        delay = delay > _policy.MaxCrawlDelay ? _policy.MaxCrawlDelay : delay;
        return delay > _policy.PerHostInterval ? delay : _policy.PerHostInterval;
    }

    /// <summary>
    /// The host's robots.txt, read once: 2xx is parsed; 4xx means no rules; a 5xx, network failure or
    /// timeout means stay away this run (RFC 9309 2.3.1.4).
    /// </summary>
    private Task<RobotsTxt> RobotsForAsync(Uri uri, CancellationToken cancel)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        return _robots.GetOrAdd(origin, key => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(new Uri(key + "/robots.txt"), cancel))).Value;
    }

    private async Task<RobotsTxt> LoadRobotsAsync(Uri robotsUri, CancellationToken cancel)
    {
        var result = await FetchCoreAsync(robotsUri, null, MaxRobotsBytes, checkRobots: false, cancel);
        return result.Status switch
        {
            FetchStatus.Ok => RobotsTxt.Parse(DecodeRobots(result.Body.Span)),
            FetchStatus.Refused => RobotsTxt.AllowAll, // over 500 KiB: RFC 9309 allows ignoring the rest; we ignore it all.
            _ when result.HttpStatus is >= 400 and < 500 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
    }

    private static string DecodeRobots(ReadOnlySpan<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private static Outcome Final(FetchResult result) => new(result, null, null, null, result.HttpStatus);

    private static FetchResult Ended(Uri requested, Uri final, FetchStatus status, string reason, int attempts, int? httpStatus = null) => new()
    {
        Requested = requested,
        Final = final,
        Status = status,
        HttpStatus = httpStatus,
        Reason = reason,
        Attempts = attempts,
    };

    /// <summary>One response: a result, a redirect, or a retryable problem (<see cref="RetryAfter"/> set, zero meaning "back off").</summary>
    private readonly record struct Outcome(FetchResult? Result, Uri? Redirect, TimeSpan? RetryAfter, string? Problem, int? Status);

    /// <summary>A host's request slots and the earliest time its next request may start.</summary>
    private sealed class HostGate(int concurrency)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);

        /// <summary>Books the next start time; returns how long to wait for it.</summary>
        public TimeSpan Reserve(DateTimeOffset now, TimeSpan interval)
        {
            lock (_lock)
            {
                var start = _next > now ? _next : now;
                _next = start + interval;
                return start - now;
            }
        }
    }
}
