using System.Text;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Finds every named thing in a normalised, segmented text: known names from the lexicon in one
/// pass, then people (by title, then Latin names by context) and organisations by pattern. Credits
/// (addresses, picture and source credits, bylines, news outlets cited as the source) hold no entity.
/// Overlaps are settled by the longest name, people first; then internal units get their body,
/// people their roles, and references back ("the Ambassador") their person. Thread-safe.
/// </summary>
public sealed class EntityFinder
{
    private const int MaxBranchName = 12;
    private static readonly string[] PlaceWords = ["ประเทศ", "กรุง", "เมือง", "จังหวัด", "the"];
    private static readonly string[] BranchHeads = ["สำนักงาน", "สนง."];
    private static readonly string[] CityBodySuffixes = [" Metropolitan City", " City", " Prefecture", " Prefectural Government", " Metropolitan Government", " Municipal Government", " Municipality", " City Hall"];
    private readonly EntityLexicon _lexicon;
    private readonly OrganizationPatterns _organizations;
    private readonly EnglishOrganizationPatterns _englishOrganizations;
    private readonly PersonPatterns _people;
    private readonly LatinPersonPatterns _latinPeople;
    private readonly PersonRoles _roles;
    private readonly CreditRegions _credits = new();
    private readonly Coreference _coreference;
    private readonly PrefixWords _anchors;

    public EntityFinder(EntityLexicon lexicon)
    {
        _lexicon = lexicon;
        var vocabulary = new NameVocabulary(lexicon.Roles.SelectMany(r => r.English));
        _people = new PersonPatterns(lexicon, vocabulary);
        _latinPeople = new LatinPersonPatterns(vocabulary, lexicon.RolesThai);
        _roles = new PersonRoles(lexicon.Roles, vocabulary.PersonNouns, lexicon.Entries);
        _organizations = new OrganizationPatterns();
        _englishOrganizations = new EnglishOrganizationPatterns(vocabulary);
        _coreference = new Coreference(lexicon.Roles);
        _anchors = new PrefixWords(lexicon.RolesThai.Where(r => r.Length >= 4 && Gazetteer.IsThaiLetter(r[0]) && !r.Contains(' ', StringComparison.Ordinal)));
    }

    public IReadOnlyList<EntityMention> Find(string text, IReadOnlyList<Token> tokens)
    {
        var b = new TextBoundaries(text, tokens, _anchors);
        var credit = new bool[text.Length];
        foreach (var c in _credits.Find(text))
        {
            Take(credit, c);
        }

        var known = _lexicon.Gazetteer.FindAll(text, b.IsBoundary)
            .Where(k => !IsTaken(credit, k.Span) && !(k.Entry.IsMedia && CreditRegions.IsCreditedSource(text, k.Span)))
            .Select(k => (k.Span, Entry: k.Entry is { Kind: EntityKind.Venue, Seat: { } seat } && !IsLocative(text, k.Span) ? seat : k.Entry))
            .ToList();

        // People by title first; their names and every known name are closed to the Latin-name reader.
        var closed = (bool[])credit.Clone();
        foreach (var (span, _) in known)
        {
            Take(closed, span);
        }

        var people = new List<PersonMatch>();
        foreach (var p in _people.Find(b))
        {
            // A quoted "name" that is really a known name (or holds one) is not a person; nor is a name inside a credit.
            if (IsTaken(credit, p.Mention) || known.Any(k => k.Span.Overlaps(p.Name) && (p.Untitled || k.Span.Length * 2 >= p.Name.Length)))
            {
                continue;
            }

            people.Add(p);
            Take(closed, p.Mention);
        }

        people.AddRange(_latinPeople.Find(text, closed));
        var personChars = new bool[text.Length];
        foreach (var p in people)
        {
            Take(personChars, p.Mention);
        }

        var patterns = new List<(TextSpan Span, PatternKind Kind)>();
        _organizations.Find(b, known, patterns);
        _englishOrganizations.Find(text, personChars, known, patterns);
        patterns.RemoveAll(p => IsTaken(credit, p.Span));
        MarkBranches(text, known, patterns);

        var taken = new bool[text.Length];
        var result = new List<EntityMention>();

        foreach (var p in people.OrderBy(p => p.Mention.Start))
        {
            if (IsTaken(taken, p.Mention) || patterns.Any(o => o.Span.Covers(p.Name) && o.Span != p.Name && Gazetteer.IsThaiLetter(text[p.Name.Start])))
            {
                continue;
            }

            var name = CollapseSpaces(text[p.Name.Start..p.Name.End]);
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

            // "Thailand's Ministry of Culture", "Thai Ministry of Culture": a known body with its country before it is that body.
            if (inner.FirstOrDefault(k => k.Entry.Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization
                    && k.Span.End == span.End && IsCountryPrefix(text, span.Start, k.Span.Start, inner)) is { Entry: { } body })
            {
                result.Add(new EntityMention(span, text[span.Start..span.End], body.Kind, body.Key, body.Name, body.Country, MentionSource.Reference) { NameEn = body.NameEn });
                continue;
            }

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
        var withUnits = Units.AttachParents(text, Abbreviations.Link(text, JoinCityGovernments(text, JoinProvincialOffices(text, result))));
        return _coreference.Resolve(text, _roles.Apply(b, withUnits));
    }

    /// <summary>
    /// "การท่องเที่ยวแห่งประเทศไทย สำนักงานหาดใหญ่": an office named by one word right after a known body is
    /// a branch of that body, not a body of its own.
    /// </summary>
    private static void MarkBranches(string text, List<(TextSpan Span, GazetteerEntry Entry)> known, List<(TextSpan Span, PatternKind Kind)> patterns)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            var (span, kind) = patterns[i];
            var head = BranchHeads.FirstOrDefault(h => text.AsSpan(span.Start).StartsWith(h, StringComparison.Ordinal));
            if (kind != PatternKind.Organization || head is null || span.Length - head.Length > MaxBranchName
                || !known.Any(k => k.Entry.Kind == EntityKind.ThaiOrganization && k.Span.End + 1 == span.Start && text[k.Span.End] == ' '))
            {
                continue;
            }

            patterns[i] = (span, PatternKind.Division);
        }
    }

    /// <summary>"ณ ทำเนียบรัฐบาล", "ที่ห้องสีงาช้าง ตึกไทยคู่ฟ้า ทำเนียบรัฐบาล", "at the Command Building I, Government House": the venue as a place.</summary>
    private static bool IsLocative(string text, TextSpan span)
    {
        var from = Math.Max(0, span.Start - 40);
        var before = text.AsSpan(from, span.Start - from);
        var cut = before.LastIndexOfAny(";\n!?");
        before = cut >= 0 ? before[(cut + 1)..] : before;
        var end = before.TrimEnd();
        foreach (var w in (string[])["ที่", "ณ", " at", " in", "At", "In", "at the", "in the", "ภายใน", "บริเวณ"])
        {
            if (end.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var w in (string[])["ที่ห้อง", "ณ ห้อง", "ที่ตึก", "ณ ตึก", "ที่อาคาร", "ณ อาคาร", " at the ", " at ", "At the "])
        {
            if (before.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string CollapseSpaces(string name) =>
        string.Join(' ', name.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

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

    /// <summary>Only a country's name, its possessive or its demonym stands between <paramref name="start"/> and <paramref name="bodyStart"/>.</summary>
    private static bool IsCountryPrefix(string text, int start, int bodyStart, List<(TextSpan Span, GazetteerEntry Entry)> inner)
    {
        var country = inner.FirstOrDefault(k => k.Entry.Kind == EntityKind.Country && k.Span.Start == start);
        if (country.Entry is null)
        {
            return false;
        }

        var between = text.AsSpan(country.Span.End, bodyStart - country.Span.End).Trim();
        return between.IsEmpty || between is "'s" or "’s";
    }

    /// <summary>
    /// "Sendai City", "City of Sendai", "Fukuoka Prefecture": a foreign place written as its local
    /// government is that government, unless the text says something happens in, at or from it.
    /// </summary>
    private static List<EntityMention> JoinCityGovernments(string text, List<EntityMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind != EntityKind.ForeignPlace || !char.IsAsciiLetterUpper(m.Text[0]))
            {
                continue;
            }

            var start = m.Span.Start;
            var end = m.Span.End;
            var suffix = CityBodySuffixes.FirstOrDefault(x => text.AsSpan(end).StartsWith(x, StringComparison.Ordinal) && (end + x.Length == text.Length || !char.IsLetter(text[end + x.Length])));
            if (suffix is not null && !m.Text.EndsWith(suffix.Trim(), StringComparison.Ordinal))
            {
                end += suffix.Length;
            }
            else if (start >= 8 && text.AsSpan(start - 8, 8).SequenceEqual("City of "))
            {
                start -= 8;
            }
            else if (!CityBodySuffixes.Any(x => m.Text.EndsWith(x.Trim(), StringComparison.Ordinal)))
            {
                continue;
            }

            var before = text.AsSpan(0, start).TrimEnd(' ');
            if (before.EndsWith(" the", StringComparison.Ordinal))
            {
                before = before[..^4];
            }

            if (before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith(" at", StringComparison.Ordinal)
                || before.EndsWith(" from", StringComparison.Ordinal) || before.EndsWith(" to", StringComparison.Ordinal))
            {
                continue;
            }

            var span = new TextSpan(start, end);
            var name = text[start..end];
            mentions[i] = m with { Span = span, Text = name, Kind = EntityKind.ForeignOrganization, Key = "org:" + NameKey(name), Name = name, NameEn = null };
        }

        return mentions;
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

        if (kind == PatternKind.Institution)
        {
            kind = IsLocative(text, span) ? PatternKind.Venue : PatternKind.Organization;
        }

        if (kind == PatternKind.Venue)
        {
            return new EntityMention(span, name, EntityKind.Venue, "venue:" + NameKey(name), name, null, MentionSource.Pattern);
        }

        // "ททท. สำนักงานสุโขทัย": an office named only by its town is a branch of the body written before it.
        foreach (var head in BranchHeads)
        {
            if (name.StartsWith(head, StringComparison.Ordinal) && inner.Any(k => k.Entry.Kind is EntityKind.Province or EntityKind.ForeignPlace
                && k.Span.Start == span.Start + head.Length && k.Span.End == span.End))
            {
                return new EntityMention(span, name, EntityKind.Division, key, name, null, MentionSource.Pattern);
            }
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
