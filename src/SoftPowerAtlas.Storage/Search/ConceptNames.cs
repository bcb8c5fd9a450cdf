using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// The names the reference data gives one concept: a country (its English and Thai names, formal
/// names, demonyms), a sector (its id and its head words, the first Thai and English trigger of
/// <c>sectors.tsv</c>) or a Thai or foreign body (every alias). A name marked <c>^</c> (also an everyday
/// word) never names a concept here; one marked <c>=</c> only when typed exactly as written.
/// </summary>
internal sealed class ConceptNames
{
    private readonly FrozenDictionary<string, IReadOnlyList<Concept>> _byName;
    private readonly FrozenDictionary<string, IReadOnlyList<Concept>> _byExactName;

    private readonly SearchText _text;

    /// <summary>The concepts of <paramref name="data"/>, their names looked up by the words of <paramref name="text"/>.</summary>
    internal ConceptNames(ReferenceData data, SearchText text)
    {
        _text = text;
        var byName = new Dictionary<string, List<Concept>>(StringComparer.OrdinalIgnoreCase);
        var byExact = new Dictionary<string, List<Concept>>(StringComparer.Ordinal);
        void Add(Concept concept, IEnumerable<NameForm> names)
        {
            foreach (var name in names)
            {
                var target = name.Match switch
                {
                    NameMatch.Normal => byName,
                    NameMatch.Exact => byExact,
                    _ => null,
                };
                if (target is null)
                {
                    continue;
                }

                foreach (var key in Keys(name.Text).Where(k => k.Length >= 2))
                {
                    if (!target.TryGetValue(key, out var list))
                    {
                        target[key] = list = [];
                    }

                    if (!list.Contains(concept))
                    {
                        list.Add(concept);
                    }
                }
            }
        }

        foreach (var country in data.Countries.Where(c => !TooBroad("country:" + c.Code)))
        {
            var names = country.Names.Concat(country.Demonyms).ToList();
            Add(new Concept("country:" + country.Code, Searchable(names)), names);
        }

        // "other" is an everyday word, not a sector's name.
        foreach (var sector in data.Sectors.Where(s => s.Sector != "other"))
        {
            // Head words only: a narrower trigger (สารคดี, documentary) names part of the sector, not all of it.
            var heads = new List<NameForm> { new(sector.Sector.Replace('_', ' '), NameMatch.Normal) };
            heads.AddRange(sector.Thai.Take(1));
            heads.AddRange(sector.English.Take(1));
            Add(new Concept("sector:" + sector.Sector, Searchable(heads)), heads);
        }

        foreach (var agency in data.Agencies)
        {
            Add(new Concept("agency:" + agency.Id, Searchable(agency.Names)), agency.Names);
        }

        foreach (var body in data.ForeignBodies)
        {
            Add(new Concept("body:" + body.Id, Searchable(body.Names)), body.Names);
        }

        _byName = byName.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<Concept>)p.Value, StringComparer.OrdinalIgnoreCase);
        _byExactName = byExact.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<Concept>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The concepts <paramref name="text"/> names (any case; a final dot and extra spaces ignored), none when it names none.</summary>
    public IReadOnlyList<Concept> Named(string text)
    {
        foreach (var key in Keys(text))
        {
            var exact = _byExactName.GetValueOrDefault(key) ?? [];
            var normal = _byName.GetValueOrDefault(key) ?? [];
            if (exact.Count + normal.Count > 0)
            {
                return exact.Count == 0 ? normal : normal.Count == 0 ? exact : [.. exact.Union(normal)];
            }
        }

        return [];
    }

    /// <summary>Whether a concept is left unexpanded: Thailand, which nearly every document names (ไทย), so its names would match them all.</summary>
    internal static bool TooBroad(string key) => string.Equals(key, "country:TH", StringComparison.Ordinal);

    /// <summary>A name as looked up: single spaces, no final dot.</summary>
    internal static string Key(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    /// <summary>
    /// The forms a name is looked up by: as written (<see cref="Key"/>), then its searchable words joined by
    /// spaces, so that <c>'Japan'</c> or <c>!เกาหลี</c> name what <c>Japan</c> and <c>เกาหลี</c> name.
    /// </summary>
    internal IEnumerable<string> Keys(string text)
    {
        var written = Key(text);
        yield return written;
        var words = string.Join(' ', _text.Words(text).Where(Fts5Match.Indexable));
        if (words.Length > 0 && !string.Equals(words, written, StringComparison.Ordinal))
        {
            yield return words;
        }
    }

    private static IReadOnlyList<string> Searchable(IEnumerable<NameForm> names) =>
        [.. names.Where(n => n.Match != NameMatch.Contextual).Select(n => n.Text).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>A concept of the reference data or the store: its key (<c>country:FR</c>, <c>agency:dasta</c>) and every name to search it by.</summary>
internal sealed record Concept(string Key, IReadOnlyList<string> Names)
{
    public bool Equals(Concept? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
