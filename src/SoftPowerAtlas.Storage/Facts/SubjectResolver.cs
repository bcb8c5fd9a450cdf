using System.Globalization;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>A country or an entity a user named, as the store knows it.</summary>
/// <remarks>Kind: <c>country</c> or the entity's kind (agency, body, org, person). 
/// Key: ISO code for a country, entity key (agency:dasta) otherwise. 
/// Names: Every name it goes by (English, Thai, abbreviations), canonical first.</remarks>
public sealed record Subject(string Kind, string Key, string Name, IReadOnlyList<string> Names);

/// <summary>What a name resolved to, or why it did not, with close names when there are some.</summary>
public sealed record SubjectResult(Subject? Subject, string? Error, IReadOnlyList<string> Suggestions)
{
    public static SubjectResult Found(Subject subject) => new(subject, null, []);

    public static SubjectResult NotFound(string error, IReadOnlyList<string> suggestions) => new(null, error, suggestions);
}

/// <summary>
/// Finds a country by ISO code, English or Thai name or alias (ฝรั่งเศส, ประเทศฝรั่งเศส, France, FR),
/// and an agency or other entity by key, name or any alias stored for it (อพท., DASTA), Thai or English.
/// </summary>
public sealed class SubjectResolver(IAtlasStore store)
{
    private const string ThaiCountryPrefix = "ประเทศ";

    public SubjectResult Country(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = Fold(text);
        if (wanted.StartsWith(ThaiCountryPrefix, StringComparison.Ordinal) && wanted.Length > ThaiCountryPrefix.Length)
        {
            wanted = wanted[ThaiCountryPrefix.Length..];
        }

        var countries = ReferenceData.Default.Countries;
        foreach (var c in countries)
        {
            if (Fold(c.Code) == wanted || c.Names.Any(n => Fold(n.Text) == wanted) || c.Aliases.Any(n => Fold(n.Text) == wanted))
            {
                return SubjectResult.Found(new Subject("country", c.Code, c.NameEn, [c.NameEn, c.NameTh, .. c.Aliases.Select(a => a.Text)]));
            }
        }

        var suggestions = Closest(wanted, countries.SelectMany(c => new[] { (c.NameEn, c.Code), (c.NameTh, c.Code) }));
        return SubjectResult.NotFound($"no country '{text}' (give an ISO code like FR, or an English or Thai name)", suggestions);
    }

    public SubjectResult Entity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = Fold(text);
        // Every name and alias (folded in C#: SQL cannot drop spaces and a trailing dot the same way);
        // engagement counts only for the few that match.
        var known = store.Read((connection, transaction) =>
        {
            var list = new List<(string Key, string Name, string Alias, long Engagements)>();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT n.key, n.name, n.name FROM entities n
                UNION ALL
                SELECT n.key, n.name, a.alias FROM entity_aliases a JOIN entities n ON n.id = a.entity_id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), 0));
            }

            return list;
        });

        // The reference agencies are known even before a document names them under this alias.
        foreach (var agency in ReferenceData.Default.Agencies)
        {
            foreach (var name in agency.Names.Select(n => n.Text).Append(agency.Id))
            {
                known.Add(("agency:" + agency.Id, agency.NameTh, name, 0));
            }
        }

        var matches = known.Where(k => Fold(k.Key) == wanted || Fold(k.Alias) == wanted).ToList();
        if (matches.Count == 0)
        {
            var suggestions = Closest(wanted, known.Select(k => (k.Alias, k.Key)));
            return SubjectResult.NotFound($"no agency or organisation '{text}' in the store or the reference list (try a Thai or English name or an abbreviation)", suggestions);
        }

        // One name for several entities: an agency before other kinds, then the one in most engagements.
        var best = matches
            .GroupBy(m => m.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Name, Engagements: EngagementsOf(g.Key)))
            .OrderByDescending(m => m.Key.StartsWith("agency:", StringComparison.Ordinal))
            .ThenByDescending(m => m.Engagements)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .First();
        var names = known.Where(k => k.Key == best.Key).Select(k => k.Alias).Prepend(best.Name).Distinct(StringComparer.Ordinal).ToList();
        var kind = best.Key.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? best.Key[..i] : "entity";
        return SubjectResult.Found(new Subject(kind, best.Key, best.Name, names));
    }

    private long EngagementsOf(string key) => store.Read((_, transaction) =>
    {
        using var command = transaction.Command("SELECT count(*) FROM engagement_parties p JOIN entities n ON n.id = p.entity_id WHERE n.key = @key", ("@key", key));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>Case, white space and a trailing dot do not matter: "อพท" finds "อพท.", "dasta" finds "DASTA".</summary>
    private static string Fold(string s) =>
        string.Concat(s.Where(c => !char.IsWhiteSpace(c))).TrimEnd('.').ToLower(CultureInfo.InvariantCulture);

    /// <summary>Up to five names within a small edit distance of the input (or that contain it), closest first.</summary>
    private static List<string> Closest(string wanted, IEnumerable<(string Name, string Key)> names)
    {
        if (wanted.Length == 0)
        {
            return [];
        }

        var limit = wanted.Length >= 5 ? Math.Clamp(wanted.Length / 3, 2, 3) : 1;
        return names
            .Select(n => (n.Name, n.Key, Folded: Fold(n.Name)))
            .Where(n => n.Folded.Length > 0)
            .Select(n => (n.Name, n.Key, Distance: n.Folded.Contains(wanted, StringComparison.Ordinal) && wanted.Length >= 3 ? 0 : EditDistance.Within(wanted, n.Folded, limit)))
            .Where(n => n.Distance <= limit)
            .OrderBy(n => n.Distance)
            .ThenBy(n => n.Name.Length)
            .Select(n => $"{n.Name} ({n.Key})")
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
    }
}
