using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Turns what a user writes after <c>country:</c>, <c>sector:</c> and <c>type:</c> into the ids the
/// fact tables hold, from the reference data: ISO codes or country names in Thai or English, sector
/// ids or their trigger words, engagement types or a unique part of one (<c>mou</c>).
/// </summary>
internal sealed class FieldValues
{
    private static readonly Lazy<FieldValues> LazyDefault = new(() => new FieldValues(ReferenceData.Default));

    private readonly FrozenDictionary<string, string> _countries;
    private readonly FrozenDictionary<string, string> _sectors;
    private readonly IReadOnlyList<string> _sectorIds;
    private readonly IReadOnlyList<string> _types;

    private FieldValues(ReferenceData data)
    {
        var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in data.Countries)
        {
            countries[country.Code] = country.Code;
            foreach (var name in country.Names.Concat(country.Demonyms))
            {
                countries.TryAdd(Key(name.Text), country.Code);
            }
        }

        _countries = countries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _sectorIds = [.. data.Sectors.Select(s => s.Sector).Distinct(StringComparer.Ordinal)];
        var sectors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in _sectorIds)
        {
            sectors[id] = id;
            sectors[id.Replace('_', ' ')] = id;
        }

        // A trigger word names a sector only when no other sector uses it.
        var ambiguous = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in data.Sectors)
        {
            foreach (var word in s.Thai.Concat(s.English).Select(n => Key(n.Text)))
            {
                if (sectors.TryGetValue(word, out var other) && !string.Equals(other, s.Sector, StringComparison.Ordinal) && !_sectorIds.Contains(word))
                {
                    ambiguous.Add(word);
                }
                else
                {
                    sectors.TryAdd(word, s.Sector);
                }
            }
        }

        foreach (var word in ambiguous)
        {
            sectors.Remove(word);
        }

        _sectors = sectors.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _types = [.. Enum.GetValues<EngagementType>().Select(t => t.ToContract())];
    }

    public static FieldValues Default => LazyDefault.Value;

    public string? Country(string value) => _countries.GetValueOrDefault(Key(value));

    public string? Sector(string value) => _sectors.GetValueOrDefault(Key(value));

    public string SectorList => string.Join(", ", _sectorIds);

    public string TypeList => string.Join(", ", _types);

    /// <summary>The type named exactly, or the only one containing the value as a part (<c>mou</c>, <c>forum</c>).</summary>
    public string? Type(string value)
    {
        var key = Key(value).Replace(' ', '_').Replace('-', '_');
        var exact = _types.FirstOrDefault(t => string.Equals(t, key, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var partial = _types.Where(t => t.Split('_').Contains(key, StringComparer.OrdinalIgnoreCase) || t.StartsWith(key, StringComparison.OrdinalIgnoreCase)).ToList();
        return key.Length >= 3 && partial.Count == 1 ? partial[0] : null;
    }

    private static string Key(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.');
}
