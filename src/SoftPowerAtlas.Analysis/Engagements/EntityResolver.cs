using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Groups a document's mentions into entities: one reference id is one entity; names found by
/// pattern join when they differ only by filler words (จังหวัด, ประจำ) or by one letter in a
/// Latin name (Kumamong / Kumamon); a given name alone joins the full name it begins, and a Latin
/// name written alone (Mr Yeung, said Kunplome) the full name it is a word of; the embassies of one
/// country in one text ("Thai Embassy", "Royal Embassy of Thailand in Seoul", "สถานเอกอัครราชทูตฯ")
/// are one embassy unless they are in different places.
/// </summary>
internal static class EntityResolver
{
    private static readonly string[] FillerWords = ["จังหวัด", "ประจำ", "แห่ง", "คณะ", "the", "of"];

    public static IReadOnlyList<ResolvedEntity> Resolve(IReadOnlyList<EntityMention> mentions)
    {
        var named = mentions.Where(m => m.Kind is not (EntityKind.Division or EntityKind.Venue or EntityKind.Country or EntityKind.Province or EntityKind.ForeignPlace)).ToList();
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in named)
        {
            parent.TryAdd(m.Key, m.Key);
        }

        string Find(string k)
        {
            while (parent[k] != k)
            {
                k = parent[k] = parent[parent[k]];
            }

            return k;
        }

        void Union(string a, string b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                // Reference ids win as the representative.
                if (rb.StartsWith("org:", StringComparison.Ordinal) || rb.StartsWith("person:", StringComparison.Ordinal))
                {
                    parent[rb] = ra;
                }
                else
                {
                    parent[ra] = rb;
                }
            }
        }

        var keys = named.Select(m => (m.Key, m.Kind, m.Name, Core: Core(m.Name), m.GivenNameOnly)).DistinctBy(k => k.Key).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            for (var j = i + 1; j < keys.Count; j++)
            {
                var (a, b) = (keys[i], keys[j]);
                if ((a.Kind == EntityKind.Person) != (b.Kind == EntityKind.Person))
                {
                    continue;
                }

                if (a.Kind == EntityKind.Person)
                {
                    // A short form joins the one full name it belongs to; "Hung" beside two Hungs joins neither.
                    var (shortForm, full) = a.GivenNameOnly ? (a, b) : (b, a);
                    if (SameFirstName(shortForm.Name, shortForm.GivenNameOnly, full.Name)
                        && keys.Count(k => k.Kind == EntityKind.Person && !k.GivenNameOnly && SameFirstName(shortForm.Name, true, k.Name)) == 1)
                    {
                        Union(a.Key, b.Key);
                    }

                    continue;
                }

                if (a.Core.Length >= 4 && (a.Core == b.Core || (IsLatin(a.Core) && IsLatin(b.Core) && Math.Min(a.Core.Length, b.Core.Length) >= 8 && Text.EditDistance.Within(a.Core, b.Core, 1) <= 1)))
                {
                    Union(a.Key, b.Key);
                }
            }
        }

        JoinEmbassies(named, Union, Find);

        var result = new List<ResolvedEntity>();
        foreach (var group in named.GroupBy(m => Find(m.Key)))
        {
            var list = group.ToList();
            var person = list[0].Kind == EntityKind.Person;
            if (person && list.All(m => m.GivenNameOnly))
            {
                // "คุณ…" or "นาย…" with no surname and no full name to join: too weak to report.
                continue;
            }

            var reference = list.FirstOrDefault(m => m.Source == MentionSource.Reference);
            var name = reference?.Name
                ?? list.Where(m => !person || !m.GivenNameOnly).Select(m => m.Name).DefaultIfEmpty(list[0].Name).MaxBy(n => n.Length)!;
            var kind = reference?.Kind ?? KindOf(list);
            var country = list.Select(m => m.Country).FirstOrDefault(c => c is not null) ?? (IsOwnEmbassy(list) ? "TH" : null);
            var aliases = list.Select(m => m.Name).Append(name).Concat(list.Select(m => m.NameEn).OfType<string>())
                .Distinct(StringComparer.Ordinal).ToList();
            result.Add(new ResolvedEntity(group.Key, name, kind, country, aliases, list));
        }

        return result;
    }

    /// <summary>The mentions that say whose body it is decide (an embassy named once with its country, then "สถานเอกอัครราชทูตฯ"); else the most.</summary>
    private static EntityKind KindOf(List<EntityMention> list)
    {
        if (IsOwnEmbassy(list))
        {
            return EntityKind.ThaiOrganization;
        }

        var owned = list.Where(m => m.Country is not null).ToList();
        return (owned.Count > 0 ? owned : list).GroupBy(m => m.Kind).MaxBy(g => g.Count())!.Key;
    }

    /// <summary>
    /// "สถานเอกอัครราชทูตฯ", "สถานเอกอัครราชทูต" never named with a country in a Thai text: the writer's own, Thailand's
    /// (Thai writes a foreign mission with its country: สถานเอกอัครราชทูตญี่ปุ่น).
    /// </summary>
    private static bool IsOwnEmbassy(List<EntityMention> list) =>
        list.All(m => m.Country is null && m.Source == MentionSource.Pattern && BareMissions.Contains(m.Name.TrimEnd('ฯ')));

    /// <summary>The mission words alone, with nothing that says whose ("สถานเอกอัครราชทูตประเทศสมาชิกอาเซียน" says: not Thailand's).</summary>
    private static readonly HashSet<string> BareMissions = new(["สถานเอกอัครราชทูต", "สถานทูต", "สถานกงสุลใหญ่", "สถานกงสุล"], StringComparer.Ordinal);

    private static bool SameFirstName(string shortName, bool givenNameOnly, string fullName) =>
        givenNameOnly && (fullName.StartsWith(shortName + " ", StringComparison.Ordinal)
            || (IsLatin(shortName) && fullName.Split(' ').Contains(shortName, StringComparer.Ordinal)));

    private static readonly string[] EmbassyWords = ["Embassy", "Consulate", "สถานเอกอัครราชทูต", "สถานทูต", "สถานกงสุล"];
    private static readonly string[] PlaceMarkers = [" in ", " ณ ", "ประจำ"];

    /// <summary>Embassies of one country in one text are one, unless they name different places.</summary>
    private static void JoinEmbassies(List<EntityMention> named, Action<string, string> union, Func<string, string> find)
    {
        var embassies = named
            .Where(m => m.IsOrganization && m.Source == MentionSource.Pattern && EmbassyWords.Any(w => m.Name.Contains(w, StringComparison.Ordinal)))
            .DistinctBy(m => m.Key)
            .ToList();
        for (var i = 0; i < embassies.Count; i++)
        {
            for (var j = i + 1; j < embassies.Count; j++)
            {
                var (a, b) = (embassies[i], embassies[j]);
                var (pa, pb) = (Place(a.Name), Place(b.Name));
                if (a.Country is not null && a.Country == b.Country && IsConsulate(a.Name) == IsConsulate(b.Name) && (pa is null || pb is null || pa == pb))
                {
                    union(a.Key, b.Key);
                }
            }
        }

        // "สถานเอกอัครราชทูตฯ", "the Embassy": a short form with no country joins the one embassy the text names.
        // A mission named by something other than a country ("สถานเอกอัครราชทูตประเทศอาเซียน") is no short form.
        foreach (var bare in embassies.Where(e => e.Country is null && IsShortForm(e.Name)))
        {
            var others = embassies.Where(e => e.Country is not null && !IsConsulate(e.Name) == !IsConsulate(bare.Name)).Select(e => find(e.Key)).Distinct(StringComparer.Ordinal).ToList();
            if (others.Count == 1)
            {
                union(others[0], bare.Key);
            }
        }
    }

    private static bool IsShortForm(string name) =>
        BareMissions.Contains(name.TrimEnd('ฯ', '.', ' ')) || (IsLatin(name) && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2);

    private static bool IsConsulate(string name) => name.Contains("Consulate", StringComparison.Ordinal) || name.Contains("กงสุล", StringComparison.Ordinal);

    private static string? Place(string name)
    {
        foreach (var marker in PlaceMarkers)
        {
            var at = name.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return EntityFinder.NameKey(name[(at + marker.Length)..].Replace("ประเทศ", string.Empty, StringComparison.Ordinal).Replace("กรุง", string.Empty, StringComparison.Ordinal));
            }
        }

        return null;
    }

    private static string Core(string name)
    {
        var key = name;
        foreach (var w in FillerWords)
        {
            key = key.Replace(w, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return EntityFinder.NameKey(key);
    }

    private static bool IsLatin(string s) => s.All(c => c < '\u0250');
}
