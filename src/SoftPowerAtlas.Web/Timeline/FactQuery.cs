using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Web.Timeline;

/// <summary>
/// The fact filters of the timeline, the engagement and commitment exports and their API, as a query
/// string carries them: each of country, sector, agency and type repeated or comma-separated, names
/// as a user writes them (<c>ฝรั่งเศส</c>, <c>อพท.</c>), and a period <c>from</c>/<c>to</c>.
/// </summary>
public sealed record FactQuery(
    [FromQuery(Name = "country")] string[]? Country,
    [FromQuery(Name = "sector")] string[]? Sector,
    [FromQuery(Name = "agency")] string[]? Agency,
    [FromQuery(Name = "type")] string[]? Type,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To)
{
    /// <summary>Most values one filter takes.</summary>
    public const int MaxValues = 20;

    public static FactQuery None { get; } = new(null, null, null, null, null, null);

    public FilterRequest ToRequest() => new()
    {
        Countries = Values(Country),
        Sectors = Values(Sector),
        Agencies = Values(Agency),
        Types = Values(Type),
        From = Blank(From),
        To = Blank(To),
    };

    /// <summary>Resolves names to codes and keys, checking every value; too many values is a usage error.</summary>
    public FilterResult Resolve(SubjectResolver resolver)
    {
        var request = ToRequest();
        foreach (var (name, values) in new[] { ("country", request.Countries), ("sector", request.Sectors), ("agency", request.Agencies), ("type", request.Types) })
        {
            if (values.Count > MaxValues)
            {
                return FilterResult.Usage(string.Create(CultureInfo.InvariantCulture, $"{name}: at most {MaxValues} values"));
            }
        }

        var resolved = FactFilters.Resolve(request, resolver);
        // FactFilters words its errors for the command line (--from); the web names query parameters.
        return resolved.Error is { } error ? resolved with { Error = error.Replace("--", string.Empty, StringComparison.Ordinal) } : resolved;
    }

    /// <summary>The query string of this filter (normalised: comma-joined values), for links and exports.</summary>
    public string ToQueryString()
    {
        var request = ToRequest();
        var builder = new QueryBuilder();
        void Add(string key, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                builder.Add(key, string.Join(',', values));
            }
        }

        Add("country", request.Countries);
        Add("sector", request.Sectors);
        Add("agency", request.Agencies);
        Add("type", request.Types);
        if (request.From is not null)
        {
            builder.Add("from", request.From);
        }

        if (request.To is not null)
        {
            builder.Add("to", request.To);
        }

        return builder.ToQueryString().Value ?? string.Empty;
    }

    /// <summary>The same filter over a different period.</summary>
    public FactQuery WithPeriod(string? from, string? to) => this with { From = from, To = to };

    private static string[] Values(string[]? raw) =>
        raw is null ? [] : [.. raw.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
