using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>A filter as a user types it (command line, query string): names, not codes or keys.</summary>
public sealed record FilterRequest
{
    /// <summary>ISO codes or country names in English or Thai.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>Agency or organisation names, abbreviations or keys.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];

    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD: the period starts on its first day.</summary>
    public string? From { get; init; }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD: the period ends on its last day.</summary>
    public string? To { get; init; }
}

/// <summary>A resolved filter, or what was wrong with the request.</summary>
/// <remarks>NotFound: True when a named country or agency does not exist (not a malformed request).</remarks>
public sealed record FilterResult(FactFilter? Filter, string? Error, bool NotFound, IReadOnlyList<string> Suggestions)
{
    public static FilterResult Usage(string error) => new(null, error, false, []);
}

/// <summary>Turns a <see cref="FilterRequest"/> into a <see cref="FactFilter"/>, checking every value.</summary>
public static class FactFilters
{
    /// <summary>Sector ids of the contract, from the reference data.</summary>
    public static IReadOnlyList<string> Sectors { get; } =
        [.. ReferenceData.Default.Sectors.Select(s => s.Sector).Where(s => s != "sector").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static FilterResult Resolve(FilterRequest request, SubjectResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(resolver);

        foreach (var type in request.Types)
        {
            if (!FactTypes.All.Contains(type))
            {
                return FilterResult.Usage($"unknown type '{type}'; one of {string.Join(", ", FactTypes.All)}");
            }
        }

        foreach (var sector in request.Sectors)
        {
            if (!Sectors.Contains(sector))
            {
                return FilterResult.Usage($"unknown sector '{sector}'; one of {string.Join(", ", Sectors)}");
            }
        }

        DateOnly? from = null, to = null;
        if (request.From is not null)
        {
            var parsed = FactDate.Parse(request.From);
            if (parsed.Error is not null)
            {
                return FilterResult.Usage($"--from: {parsed.Error}");
            }

            from = parsed.Value.Start;
        }

        if (request.To is not null)
        {
            var parsed = FactDate.Parse(request.To);
            if (parsed.Error is not null)
            {
                return FilterResult.Usage($"--to: {parsed.Error}");
            }

            to = parsed.Value.End;
        }

        if (from > to)
        {
            return FilterResult.Usage($"the period is empty: --from {request.From} is after --to {request.To}");
        }

        var countries = new List<string>();
        foreach (var name in request.Countries)
        {
            var found = resolver.Country(name);
            if (found.Subject is null)
            {
                return new FilterResult(null, found.Error, true, found.Suggestions);
            }

            countries.Add(found.Subject.Key);
        }

        var entities = new List<string>();
        foreach (var name in request.Agencies)
        {
            var found = resolver.Entity(name);
            if (found.Subject is null)
            {
                return new FilterResult(null, found.Error, true, found.Suggestions);
            }

            entities.Add(found.Subject.Key);
        }

        return new FilterResult(
            new FactFilter
            {
                Countries = countries,
                Sectors = [.. request.Sectors],
                Entities = entities,
                Types = [.. request.Types],
                From = from,
                To = to,
            },
            null,
            false,
            []);
    }
}
