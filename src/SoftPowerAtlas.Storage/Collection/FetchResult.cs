namespace SoftPowerAtlas.Storage.Collection;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>A 2xx response; the body was read whole.</summary>
    Ok,

    /// <summary>304: the copy we hold (by ETag or Last-Modified) is still current.</summary>
    NotModified,

    /// <summary>Not fetched on purpose: robots.txt forbids it, or the body is over the size cap.</summary>
    Refused,

    /// <summary>The server or the network failed (after retries), or the address led nowhere (4xx, redirect loop).</summary>
    Failed,
}

/// <summary>The validators of a copy held from an earlier fetch, sent as If-None-Match / If-Modified-Since.</summary>
public sealed record FetchValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>What one fetch of an address gave: the body and its headers, or why there is none.</summary>
public sealed record FetchResult
{
    /// <summary>The address asked for.</summary>
    public required Uri Requested { get; init; }

    /// <summary>The address the body came from, after redirects.</summary>
    public required Uri Final { get; init; }

    public required FetchStatus Status { get; init; }

    /// <summary>HTTP status of the last response, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The body as received after decompression (empty unless <see cref="FetchStatus.Ok"/>).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Media type from Content-Type (text/html, application/rss+xml...).</summary>
    public string? MediaType { get; init; }

    /// <summary>Charset parameter of Content-Type, as the server sent it.</summary>
    public string? Charset { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Why the fetch was refused or failed, in words that name the address or the limit.</summary>
    public string? Reason { get; init; }

    /// <summary>Requests sent for this address, retries and redirects included.</summary>
    public int Attempts { get; init; }

    public FetchValidators Validators => new(ETag, LastModified);
}

/// <summary>Why a fetcher waited before a request.</summary>
public enum FetchWaitKind
{
    /// <summary>The host's interval or Crawl-delay since the previous request.</summary>
    Pace,

    /// <summary>Back-off before a retry, or the server's Retry-After.</summary>
    BackOff,
}

/// <summary>A wait before a request to <paramref name="Uri"/>.</summary>
public sealed record FetchWait(Uri Uri, TimeSpan Delay, FetchWaitKind Kind);
