using System.Text;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Finds every named thing in a normalised, segmented text: known names from the lexicon in one
/// pass, then organisations and people by pattern. Overlaps are settled by the longest name, people
/// first; then people's roles are read and their linked spellings joined. Thread-safe.
/// </summary>
public sealed class EntityFinder
{
    private static readonly string[] PlaceWords = ["ประเทศ", "กรุง", "เมือง", "จังหวัด", "the"];
    private readonly EntityLexicon _lexicon;
    private readonly OrganizationPatterns _organizations;
    private readonly PersonPatterns _people;
    private readonly PersonRoles _roles;

    public EntityFinder(EntityLexicon lexicon)
    {
        _lexicon = lexicon;
        _people = new PersonPatterns(
            lexicon.Honorifics,
            lexicon.RolesEnglish,
            lexicon.NotNameWords.Concat(lexicon.RolesThai).Concat(lexicon.RolesEnglish));
        _roles = new PersonRoles(lexicon.Roles);
        _organizations = new OrganizationPatterns(lexicon.Roles.SelectMany(r => r.English));
    }

    public IReadOnlyList<EntityMention> Find(string text, IReadOnlyList<Token> tokens)
    {
        var b = new TextBoundaries(text, tokens);
        var known = _lexicon.Gazetteer.FindAll(text, b.IsBoundary);
        var patterns = _organizations.Find(b);
        var people = _people.Find(b);

        var taken = new bool[text.Length];
        var result = new List<EntityMention>();

        foreach (var p in people)
        {
            // A quoted "name" that is really a known name or an organisation is not a person.
            if (known.Any(k => k.Span.Overlaps(p.Name) && k.Span.Length * 2 >= p.Name.Length) || patterns.Any(o => o.Span.Covers(p.Name)))
            {
                continue;
            }

            var name = text[p.Name.Start..p.Name.End];
            Take(taken, p.Mention);
            result.Add(new EntityMention(p.Mention, text[p.Mention.Start..p.Mention.End], EntityKind.Person,
                "person:" + NameKey(name), name, null, MentionSource.Pattern) { GivenNameOnly = p.GivenNameOnly });
        }

        // Organisations by pattern that are longer than the known names they contain.
        foreach (var (span, kind) in patterns.OrderByDescending(p => p.Span.Length))
        {
            if (IsTaken(taken, span))
            {
                continue;
            }

            var inner = known.Where(k => span.Covers(k.Span)).ToList();
            if (inner.Any(k => k.Span == span) || known.Any(k => k.Span.Overlaps(span) && !span.Covers(k.Span) && k.Span.Length >= span.Length))
            {
                continue;
            }

            Take(taken, span);
            result.Add(PatternMention(text, span, kind, inner));
        }

        foreach (var (span, entry) in known)
        {
            if (IsTaken(taken, span) || IsPartOfLongerLatinName(text, span, entry, known))
            {
                continue;
            }

            Take(taken, span);
            result.Add(new EntityMention(span, text[span.Start..span.End], entry.Kind, entry.Key, entry.Name, entry.Country, MentionSource.Reference)
            {
                NameEn = entry.NameEn,
            });
        }

        result.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return _roles.Apply(b, JoinProvincialOffices(text, result));
    }

    /// <summary>
    /// "สำนักงานวัฒนธรรมจังหวัด" + "สุโขทัย": a body that exists in every province, followed by the
    /// province, is that province's office — one entity per province, not the generic body.
    /// </summary>
    private static List<EntityMention> JoinProvincialOffices(string text, List<EntityMention> mentions)
    {
        var joined = new List<EntityMention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (i + 1 < mentions.Count && m.IsOrganization && m.Text.EndsWith("จังหวัด", StringComparison.Ordinal)
                && mentions[i + 1] is { Kind: EntityKind.Province } p && p.Span.Start == m.Span.End)
            {
                var span = new TextSpan(m.Span.Start, p.Span.End);
                var name = text[span.Start..span.End];
                joined.Add(m with { Span = span, Text = name, Name = name, Key = m.Key + ":" + p.Key, NameEn = m.NameEn is null ? null : $"{m.NameEn}, {p.NameEn}" });
                i++;
                continue;
            }

            joined.Add(m);
        }

        return joined;
    }

    /// <summary>
    /// "TikTok Content Creator", "Netflix Original": a known Latin name followed by more capitalised
    /// words that are not a place is part of a longer name (a title, a programme), not the body itself.
    /// </summary>
    private static bool IsPartOfLongerLatinName(string text, TextSpan span, GazetteerEntry entry, List<(TextSpan Span, GazetteerEntry Entry)> known)
    {
        if (entry.Kind is not (EntityKind.ForeignOrganization or EntityKind.InternationalOrganization) || !char.IsAsciiLetter(text[span.Start]))
        {
            return false;
        }

        var next = span.End + 1;
        if (span.End >= text.Length || text[span.End] != ' ' || next >= text.Length || !char.IsAsciiLetterUpper(text[next]))
        {
            return false;
        }

        return !known.Any(k => k.Span.Start == next && k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.Province);
    }

    private static EntityMention PatternMention(string text, TextSpan span, PatternKind kind, List<(TextSpan Span, GazetteerEntry Entry)> inner)
    {
        var name = text[span.Start..span.End];
        var key = "org:" + NameKey(name);
        if (kind == PatternKind.Division)
        {
            return new EntityMention(span, name, EntityKind.Division, key, name, null, MentionSource.Pattern);
        }

        // Whose body is it? An embassy belongs to the country it represents, not the host country
        // after ประจำ / ณ / in; other names belong to the Thai agency or the foreign place inside them.
        string? country = null;
        var thai = false;
        foreach (var (s, e) in inner)
        {
            var before = StripPlaceWords(text[span.Start..s.Start]);
            var isHost = before.EndsWith("ประจำ", StringComparison.Ordinal) || before.EndsWith("ณ", StringComparison.Ordinal)
                || before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith(" to", StringComparison.Ordinal);
            if (e.Kind == EntityKind.ThaiOrganization)
            {
                thai = true;
                break;
            }

            if (isHost && kind == PatternKind.Embassy)
            {
                if (country is null)
                {
                    // สถานเอกอัครราชทูต ณ กรุงโตเกียว: a Thai embassy abroad.
                    thai = true;
                }

                continue;
            }

            if (e.Country is { } c && e.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.ForeignOrganization)
            {
                if (c == "TH")
                {
                    thai = true;
                    break;
                }

                country ??= c;
                break;
            }
        }

        if (!thai && country is null && !Gazetteer.IsThaiLetter(name[0]) && (name.Contains("Thai", StringComparison.Ordinal)))
        {
            thai = true;
        }

        var isThaiScriptOrg = Gazetteer.IsThaiLetter(name[0]);
        var entityKind = thai || (country is null && isThaiScriptOrg && kind != PatternKind.Embassy)
            ? EntityKind.ThaiOrganization
            : EntityKind.ForeignOrganization;
        return new EntityMention(span, name, entityKind, key, name, thai ? "TH" : country, MentionSource.Pattern);
    }

    /// <summary>"…ประจำประเทศ", "…ณ กรุง": drop the words for country, capital and city before a place name.</summary>
    private static string StripPlaceWords(string before)
    {
        var s = before.TrimEnd();
        foreach (var w in PlaceWords)
        {
            if (s.EndsWith(w, StringComparison.Ordinal))
            {
                s = s[..^w.Length].TrimEnd();
                break;
            }
        }

        return s;
    }

    /// <summary>A key that survives spelling noise: no spaces, no ฯ, no "(องค์การมหาชน)", case folded.</summary>
    internal static string NameKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Replace("(องค์การมหาชน)", string.Empty, StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c) || Gazetteer.IsThaiLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static void Take(bool[] taken, TextSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            taken[i] = true;
        }
    }

    private static bool IsTaken(bool[] taken, TextSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }
}
