using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Groups a document's mentions into entities: one reference id is one entity; names found by
/// pattern join when they differ only by filler words (จังหวัด, ประจำ) or by one letter in a
/// Latin name (Kumamong / Kumamon); a given name alone joins the full name it begins.
/// </summary>
internal static class EntityResolver
{
    private static readonly string[] FillerWords = ["จังหวัด", "ประจำ", "แห่ง", "คณะ", "the", "of"];

    public static IReadOnlyList<ResolvedEntity> Resolve(IReadOnlyList<EntityMention> mentions)
    {
        var named = mentions.Where(m => m.Kind is not (EntityKind.Division or EntityKind.Country or EntityKind.Province or EntityKind.ForeignPlace)).ToList();
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
                    if (SameFirstName(a.Name, a.GivenNameOnly, b.Name) || SameFirstName(b.Name, b.GivenNameOnly, a.Name))
                    {
                        Union(a.Key, b.Key);
                    }

                    continue;
                }

                if (a.Core.Length >= 4 && (a.Core == b.Core || (IsLatin(a.Core) && IsLatin(b.Core) && Math.Min(a.Core.Length, b.Core.Length) >= 8 && Distance(a.Core, b.Core) <= 1)))
                {
                    Union(a.Key, b.Key);
                }
            }
        }

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
            var kind = reference?.Kind ?? list.GroupBy(m => m.Kind).MaxBy(g => g.Count())!.Key;
            var country = list.Select(m => m.Country).FirstOrDefault(c => c is not null);
            var aliases = list.Select(m => m.Name).Append(name).Concat(list.Select(m => m.NameEn).OfType<string>())
                .Distinct(StringComparer.Ordinal).ToList();
            result.Add(new ResolvedEntity(group.Key, name, kind, country, aliases, list));
        }

        return result;
    }

    private static bool SameFirstName(string shortName, bool givenNameOnly, string fullName) =>
        givenNameOnly && fullName.StartsWith(shortName + " ", StringComparison.Ordinal);

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

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
