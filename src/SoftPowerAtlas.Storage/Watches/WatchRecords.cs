using System.Globalization;
using System.Text;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Watches;

/// <summary>What a watch follows.</summary>
public enum WatchKind
{
    /// <summary>A saved search: the documents its query matches.</summary>
    Search,

    /// <summary>An entity, by its stable key: the documents that mention it.</summary>
    Entity,

    /// <summary>A partner country, by ISO 3166-1 alpha-2 code: the documents with an engagement with it.</summary>
    Country,

    /// <summary>A soft-power sector, by its id: the documents with an engagement in it.</summary>
    Sector,
}

/// <summary>
/// One user's watch. <see cref="Target"/> is the query (with <see cref="Exact"/>), the entity key, the
/// country code or the sector id; <see cref="SeenAt"/> is when its owner last opened it (its creation at first).
/// </summary>
public sealed record Watch(long Id, long UserId, WatchKind Kind, string Target, bool Exact, string Name, DateTimeOffset CreatedAt, DateTimeOffset SeenAt, bool HasFeed);

/// <summary>The watch a change made or touched, or why nothing changed.</summary>
public sealed record WatchResult(Watch? Watch, string? Error)
{
    public bool IsSuccess => Watch is not null;

    public static WatchResult Fail(string error) => new(null, error);
}

/// <summary>What a user asks to watch, before it is checked.</summary>
public sealed record WatchRequest(WatchKind Kind, string Target, string? Name = null, bool Exact = false);

/// <summary>The words of a watch: its kind as stored, its target as stored, and its name.</summary>
public static class WatchRules
{
    public const int MaxNameLength = 200;

    /// <summary>Most watches one user keeps: each costs a search whenever the watchlist is opened.</summary>
    public const int MaxPerUser = 100;

    public static string Text(this WatchKind kind) => kind switch
    {
        WatchKind.Search => "search",
        WatchKind.Entity => "entity",
        WatchKind.Country => "country",
        WatchKind.Sector => "sector",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of watch"),
    };

    public static bool TryParseKind(string? text, out WatchKind kind)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "search": kind = WatchKind.Search; return true;
            case "entity": kind = WatchKind.Entity; return true;
            case "country": kind = WatchKind.Country; return true;
            case "sector": kind = WatchKind.Sector; return true;
            default: kind = WatchKind.Search; return false;
        }
    }

    /// <summary>
    /// The target as stored, or why it cannot be one: a query that parses (as the search page would
    /// take it), a known country code (any case), a sector id of the taxonomy, an entity key
    /// (<c>kind:name</c>; whether it exists is the store's to say).
    /// </summary>
    public static string? CheckTarget(WatchKind kind, string? target, out string? error)
    {
        var trimmed = UnicodeText.Replace((target ?? string.Empty).Trim()).Normalize(NormalizationForm.FormC);
        error = null;
        if (trimmed.Length == 0)
        {
            error = kind == WatchKind.Search ? "the search is empty" : "nothing to follow was named";
            return null;
        }

        switch (kind)
        {
            case WatchKind.Search:
                var parsed = SearchQuery.Parse(trimmed);
                error = parsed.Error?.Message;
                return parsed.Succeeded ? trimmed : null;
            case WatchKind.Country:
                var code = trimmed.ToUpperInvariant();
                error = ReferenceData.Default.CountriesByCode.ContainsKey(code) ? null : $"'{trimmed}' is not a country code (ISO 3166-1 alpha-2, e.g. FR)";
                return error is null ? code : null;
            case WatchKind.Sector:
                var sector = trimmed.ToLowerInvariant();
                error = ReferenceData.Default.Sectors.Any(s => string.Equals(s.Sector, sector, StringComparison.Ordinal)) ? null
                    : $"'{trimmed}' is not a sector id (one of {string.Join(", ", ReferenceData.Default.Sectors.Select(s => s.Sector))})";
                return error is null ? sector : null;
            default:
                error = trimmed.Contains(':', StringComparison.Ordinal) && trimmed.Length <= 300 ? null : $"'{trimmed}' is not an entity key (kind:name, e.g. agency:dasta)";
                return error is null ? trimmed : null;
        }
    }

    /// <summary>The name as stored (trimmed, NFC, control characters refused), else <paramref name="fallback"/> cut to the limit.</summary>
    public static string? CheckName(string? name, string fallback, out string? error)
    {
        var trimmed = UnicodeText.Replace((name ?? string.Empty).Trim()).Normalize(NormalizationForm.FormC);
        if (trimmed.Length == 0)
        {
            trimmed = fallback.Length > MaxNameLength ? fallback[..MaxNameLength] : fallback;
        }

        error = trimmed.Length > MaxNameLength ? string.Create(CultureInfo.InvariantCulture, $"the name is {trimmed.Length} characters long; at most {MaxNameLength}")
            : trimmed.Any(char.IsControl) ? "the name holds a control character"
            : null;
        return error is null ? trimmed : null;
    }
}
