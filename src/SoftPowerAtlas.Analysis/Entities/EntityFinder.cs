using System.Buffers;
using System.Text;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Finds every named thing in a normalised, segmented text: known names from the lexicon in one
/// pass, then people (by title, then Latin names by context) and organisations by pattern. Credits
/// (addresses, picture and source credits, bylines, news outlets cited as the source) hold no entity, nor
/// do everyday phrases that hold a name (<c>Data/name-holding-phrases.txt</c>: "Hom Mali" rice).
/// Overlaps are settled by the longest name, people first; then internal units get their body,
/// people their roles, and references back ("the Ambassador") their person. Thread-safe.
/// </summary>
public sealed class EntityFinder
{
    private readonly EntityLexicon _lexicon;
    private readonly OrganizationPatterns _organizations;
    private readonly EnglishOrganizationPatterns _englishOrganizations;
    private readonly PersonPatterns _people;
    private readonly LatinPersonPatterns _latinPeople;
    private readonly PersonRoles _roles;
    private readonly CreditRegions _credits = new();
    private static readonly string[] NameHoldingPhrases = [.. EmbeddedWordList.Lines("Entities/Data/name-holding-phrases.txt")];
    private static readonly SearchValues<string> NameHoldingSearch = SearchValues.Create(NameHoldingPhrases, StringComparison.OrdinalIgnoreCase);
    private readonly Coreference _coreference;
    private readonly PrefixWords _anchors;
    private readonly NameVocabulary _vocabulary;

    public EntityFinder(EntityLexicon lexicon)
    {
        _lexicon = lexicon;
        var vocabulary = new NameVocabulary(lexicon.Roles.SelectMany(r => r.English));
        _vocabulary = vocabulary;
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

        // One pass for every phrase; the longest one starting at a match is the phrase there.
        for (var at = text.AsSpan().IndexOfAny(NameHoldingSearch); at >= 0;)
        {
            var phrase = NameHoldingPhrases.Where(p => text.AsSpan(at).StartsWith(p, StringComparison.OrdinalIgnoreCase)).MaxBy(p => p.Length)!;
            var end = at + phrase.Length;
            // Thai writes no spaces between words: a Thai phrase counts wherever it stands.
            if (Gazetteer.IsThaiLetter(phrase[0]) || ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))))
            {
                Take(credit, new TextSpan(at, end));
            }

            var next = text.AsSpan(at + 1).IndexOfAny(NameHoldingSearch);
            at = next < 0 ? -1 : at + 1 + next;
        }

        var known = _lexicon.Gazetteer.FindAll(text, b.IsBoundary)
            .Where(k => !IsTaken(credit, k.Span) && !(k.Entry.IsMedia && CreditRegions.IsCreditedSource(text, k.Span)))
            .Select(k => (k.Span, Entry: k.Entry is { Kind: EntityKind.Venue, Seat: { } seat } && !PlaceBodies.IsLocative(text, k.Span) ? seat : k.Entry))
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
            if (IsTaken(credit, p.Mention) || Overlapping(known, p.Name).Any(k => p.Untitled || k.Span.Length * 2 >= p.Name.Length))
            {
                continue;
            }

            people.Add(p);
            Take(closed, p.Mention);
        }

        people.AddRange(_latinPeople.Find(text, closed, people.Where(p => p.GivenNameOnly && !Gazetteer.IsThaiLetter(text[p.Name.Start])).Select(p => text[p.Name.Start..p.Name.End])));
        people.AddRange(Repeats(text, people, closed, b));
        var personChars = new bool[text.Length];
        foreach (var p in people)
        {
            Take(personChars, p.Mention);
        }

        var patterns = new List<(TextSpan Span, PatternKind Kind)>();
        _organizations.Find(b, known, patterns);
        _englishOrganizations.Find(text, personChars, known, patterns);
        // A news outlet found by pattern ("Kazinform News Agency quotes …") is a credit where the text credits it, as a known one is.
        patterns.RemoveAll(p => IsTaken(credit, p.Span)
            || (CreditRegions.IsNewsOutletName(text.AsSpan(p.Span.Start, p.Span.Length)) && CreditRegions.IsCreditedSource(text, p.Span)));
        Units.MarkBranches(text, known, patterns);

        var taken = new bool[text.Length];
        var result = new List<EntityMention>();
        var covering = new SpanCover(patterns.Select(o => o.Span));

        foreach (var p in people.OrderBy(p => p.Mention.Start))
        {
            if (IsTaken(taken, p.Mention) || (Gazetteer.IsThaiLetter(text[p.Name.Start]) && covering.CoversOtherThan(p.Name)))
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

            var overlapping = Overlapping(known, span).ToList();
            var inner = overlapping.Where(k => span.Covers(k.Span)).ToList();
            if (inner.Any(k => k.Span == span) || overlapping.Any(k => !span.Covers(k.Span) && k.Span.Length >= span.Length))
            {
                continue;
            }

            Take(taken, span);

            // "Thailand's Ministry of Culture", "Ministry of Culture of Thailand": a known body with its country is that body.
            if (inner.FirstOrDefault(k => k.Entry.Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization
                    && ((k.Span.End == span.End && PatternMentions.IsCountryPrefix(text, span.Start, k.Span.Start, inner, k.Entry))
                        || (k.Span.Start == span.Start && PatternMentions.IsCountrySuffix(text, k.Span.End, span.End, inner, k.Entry)))) is { Entry: { } body })
            {
                result.Add(new EntityMention(span, text[span.Start..span.End], body.Kind, body.Key, body.Name, body.Country, MentionSource.Reference) { NameEn = body.NameEn });
                continue;
            }

            result.Add(PatternMentions.Create(text, span, kind, inner));
        }

        var placeStarts = known.Where(k => k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.Province).Select(k => k.Span.Start).ToHashSet();
        foreach (var (span, entry) in known)
        {
            if (IsTaken(taken, span) || IsPartOfLongerLatinName(text, span, entry, placeStarts))
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
        var withUnits = Units.AttachParents(text, WrappedNames.Join(text, Abbreviations.Link(text, PlaceBodies.JoinCityGovernments(text, PlaceBodies.JoinProvincialOffices(text, result)))));
        return _coreference.Resolve(text, _roles.Apply(b, withUnits));
    }

    private static string CollapseSpaces(string name) =>
        string.Join(' ', name.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// "TikTok Content Creator", "Netflix Original": a known Latin name followed by more capitalised
    /// words that are not a place is part of a longer name (a title, a programme), not the body itself.
    /// </summary>
    private bool IsPartOfLongerLatinName(string text, TextSpan span, GazetteerEntry entry, HashSet<int> placeStarts)
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

        // "Korean Cultural Center Director Kim …": a role after the name does not lengthen it.
        var wordEnd = next;
        while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] == '-'))
        {
            wordEnd++;
        }

        return !_vocabulary.IsPersonNoun(text[next..wordEnd]) && !placeStarts.Contains(next);
    }

    /// <summary>
    /// A full name the text has already shown to be a person's, written again where no title or verb of
    /// saying stands beside it ("On April 24, Somsak Thepsuthin is scheduled to…"): the same person.
    /// </summary>
    private static List<PersonMatch> Repeats(string text, List<PersonMatch> people, bool[] closed, TextBoundaries b)
    {
        var found = new List<PersonMatch>();
        var taken = new bool[text.Length];
        foreach (var p in people)
        {
            Take(taken, p.Mention);
        }

        foreach (var name in people.Where(p => !p.GivenNameOnly && p.Name.Length >= 6).Select(p => text[p.Name.Start..p.Name.End]).Distinct(StringComparer.Ordinal))
        {
            if (!name.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var span = new TextSpan(at, at + name.Length);
                if (!IsTaken(taken, span) && !IsTaken(closed, span) && b.IsBoundary(span.Start) && b.IsBoundary(span.End))
                {
                    found.Add(new PersonMatch(span, span, false));
                    Take(taken, span);
                }
            }
        }

        return found;
    }

    /// <summary>A key that survives spelling noise: no spaces, no ฯ, no "(องค์การมหาชน)", case folded.</summary>
    internal static string NameKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Replace("(องค์การมหาชน)", string.Empty, StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c) || Gazetteer.IsThaiLetter(c))
            {
                sb.Append(InvariantCase.ToLower(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>The known names overlapping <paramref name="span"/>: they are sorted and never overlap each other.</summary>
    private static IEnumerable<(TextSpan Span, GazetteerEntry Entry)> Overlapping(List<(TextSpan Span, GazetteerEntry Entry)> known, TextSpan span)
    {
        var lo = 0;
        var hi = known.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (known[mid].Span.End <= span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < known.Count && known[i].Span.Start < span.End; i++)
        {
            yield return known[i];
        }
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
