using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Finds people named in Latin letters without an honorific, by the context English news gives a
/// name: a role before it ("Culture Minister Weera …", "Thai pianist Poom …", "Ambassador of India to
/// Thailand Nagesh Singh"), a role after it ("Sorayut Chasombat, Ambassador of …", "Kim Beom-sam, the
/// Korean film director"), a verb of saying ("said Kunplome", "according to Danny Whitehead"), a credit
/// of work ("directed by Thiti Srinuan"), or a list whose other items are people. A name is two to
/// five capitalised words outside the <see cref="NameVocabulary"/> and outside known names; one word
/// alone is kept only as a short form (<see cref="PersonMatch.GivenNameOnly"/>) that joins a full name.
/// </summary>
internal sealed class LatinPersonPatterns
{
    private const int MaxNameWords = 5;
    private const int MaxContextWords = 12;
    private const int MaxTitleQuote = 80;
    private static readonly string[] Connectors = ["of", "for", "to", "the", "and", "in", "on", "at", "&"];
    private static readonly string[] CreditOfWork =
        ["by", "featuring", "starring", "with conductor", "according to", "attendance were", "guests included", "guests were", "attendees included", "attendees were", "present were"];
    private static readonly string[] ListJoiners = [", ", " and ", ", and "];

    private readonly NameVocabulary _vocabulary;
    private readonly FrozenSet<string> _speechVerbs;
    private readonly string[] _thaiRoles;

    public LatinPersonPatterns(NameVocabulary vocabulary, IEnumerable<string> thaiRoles)
    {
        _vocabulary = vocabulary;
        _thaiRoles = [.. thaiRoles.Where(r => r.Length >= 3 && Gazetteer.IsThaiLetter(r[0])).Distinct(StringComparer.Ordinal).OrderByDescending(r => r.Length)];
        _speechVerbs = EmbeddedWordList.Rows("Entities/Data/speech-verbs.tsv")
            .Where(r => r.Length >= 2 && r[1] == "en")
            .Select(r => r[0])
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="word"/> is a verb of saying (said, noted, กล่าว are read elsewhere).</summary>
    public bool IsSpeechVerb(string word) => _speechVerbs.Contains(word);

    /// <summary>People in <paramref name="text"/>.</summary>
    /// <param name="text">The normalised text.</param>
    /// <param name="closed">Characters that cannot be part of a name (known names of bodies and places, credits, people already found).</param>
    /// <param name="shortForms">Names a title already gave alone ("Ms Paetongtarn", "Mr Plasai"): a full name holding one is a person's.</param>
    public List<PersonMatch> Find(string text, bool[] closed, IEnumerable<string>? shortForms = null)
    {
        var lower = NameVocabulary.LowerCaseWords(text);
        var words = LatinWords(text);
        var found = new List<PersonMatch>();
        var groups = Groups(text, words, closed, lower);
        foreach (var g in groups)
        {
            if (InShortQuote(text, g.Span) || NamesVenue(text, g.Span))
            {
                continue;
            }

            var full = g.Words >= 2;
            var evidence = SpeechBefore(text, g.Span.Start, full) || SpeechAfter(text, g.Span.End)
                || (full && !g.ContinuesRun && (RoleBefore(text, g.Span.Start, closed) || RoleAfter(text, g.Span.End)));
            if (evidence && (full || !g.ContinuesRun))
            {
                found.Add(new PersonMatch(g.Span, g.Span, !full));
            }
        }

        AddListItems(text, groups, found);
        AddCommaListItems(text, groups, found);
        AddByShortForm(text, groups, found, shortForms ?? []);
        found.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
        return found;
    }

    /// <summary>
    /// "…, said the deputy chairman of the committee, Paetongtarn Shinawatra. … Ms Paetongtarn said …": a full name
    /// with no context of its own is a person's when the text also calls that person by its first or last word
    /// alone, under a title or as the one who speaks.
    /// </summary>
    private static void AddByShortForm(string text, List<Group> groups, List<PersonMatch> found, IEnumerable<string> shortForms)
    {
        var shorts = new HashSet<string>(shortForms, StringComparer.Ordinal);
        shorts.UnionWith(found.Where(f => f.GivenNameOnly).Select(f => text[f.Name.Start..f.Name.End]));
        if (shorts.Count == 0)
        {
            return;
        }

        foreach (var g in groups)
        {
            if (g.Words < 2 || g.ContinuesRun || found.Any(f => f.Mention.Overlaps(g.Span)) || InShortQuote(text, g.Span))
            {
                continue;
            }

            var words = text[g.Span.Start..g.Span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (shorts.Contains(words[0]) || shorts.Contains(words[^1]))
            {
                found.Add(new PersonMatch(g.Span, g.Span, false));
            }
        }

        found.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
    }

    /// <summary>"…; Ahmad Abdolaziz Bahman of …; Abdul of …": items of a ;-list in which people are already found are people too.</summary>
    private static void AddListItems(string text, List<Group> groups, List<PersonMatch> found)
    {
        foreach (var g in groups)
        {
            if (found.Any(f => f.Mention.Overlaps(g.Span)) || g.ContinuesRun)
            {
                continue;
            }

            var itemStart = text.LastIndexOfAny([';', '\n'], Math.Max(0, g.Span.Start - 1));
            if (itemStart < 0 || text[itemStart] != ';' || text[(itemStart + 1)..g.Span.Start].Trim().Length != 0)
            {
                continue;
            }

            var previousItem = text.LastIndexOfAny([';', '\n'], Math.Max(0, itemStart - 1)) + 1;
            var itemEnd = text.IndexOfAny([';', '\n'], g.Span.End);
            var nextItem = new TextSpan(g.Span.End, itemEnd < 0 ? text.Length : itemEnd);
            var neighbour = found.Any(f => f.Mention.Start >= previousItem && f.Mention.End <= itemStart && !f.GivenNameOnly);
            var single = g.Words == 1 && text.AsSpan(nextItem.Start).StartsWith(" of ", StringComparison.Ordinal);
            if (neighbour && (g.Words >= 2 || single))
            {
                found.Add(new PersonMatch(g.Span, g.Span, false));
            }
        }
    }

    /// <summary>
    /// "In attendance were August Somchai, Pimchanok Lert, and Amanda Obdam": a full name joined by a comma or
    /// "and" to a person found just before it is a person too (the first item's context covers the list).
    /// </summary>
    private static void AddCommaListItems(string text, List<Group> groups, List<PersonMatch> found)
    {
        for (var k = 1; k < groups.Count; k++)
        {
            var (previous, g) = (groups[k - 1], groups[k]);
            if (g.Words < 2 || g.ContinuesRun || found.Any(f => f.Mention.Overlaps(g.Span))
                || !found.Any(f => f.Mention == previous.Span && !f.GivenNameOnly))
            {
                continue;
            }

            var between = text.AsSpan(previous.Span.End, g.Span.Start - previous.Span.End);
            foreach (var joiner in ListJoiners)
            {
                if (between.SequenceEqual(joiner))
                {
                    found.Add(new PersonMatch(g.Span, g.Span, false));
                    break;
                }
            }
        }
    }

    private List<Group> Groups(string text, List<TextSpan> words, bool[] closed, IReadOnlySet<string> lower)
    {
        var groups = new List<Group>();
        var i = 0;
        while (i < words.Count)
        {
            if (!IsNameWord(text, words[i], closed, lower) && !IsMonthAsGivenName(text, words, i, closed, lower))
            {
                i++;
                continue;
            }

            var first = i;
            var last = i;
            var j = i + 1;
            while (j < words.Count && j - first < MaxNameWords + 1 && Adjacent(text, words[j - 1], words[j]) && !IsPossessive(text, words[j - 1]))
            {
                if (IsNameWord(text, words[j], closed, lower))
                {
                    last = j;
                }
                else if (!_vocabulary.IsParticle(text[words[j].Start..words[j].End]))
                {
                    break;
                }

                j++;
            }

            var span = new TextSpan(words[first].Start, words[last].End);
            var count = last - first + 1 - Enumerable.Range(first, last - first + 1).Count(k => _vocabulary.IsParticle(text[words[k].Start..words[k].End]));
            var allCaps = Enumerable.Range(first, last - first + 1).All(k => IsAllCaps(text, words[k]));
            var next = last + 1 < words.Count && Adjacent(text, words[last], words[last + 1]) && !IsPossessive(text, words[last]) ? words[last + 1] : (TextSpan?)null;
            var continues = next is { } n && char.IsUpper(text[n.Start]) && !_vocabulary.IsPersonNoun(text[n.Start..n.End]);
            if (!allCaps && count <= MaxNameWords)
            {
                groups.Add(new Group(span, count, continues));
            }

            i = last + 1;
        }

        return groups;
    }

    /// <summary>
    /// "In attendance were August Kittipong, …", "…, June Siriporn and …": a month written as a given name, only where a
    /// list of people goes on (after an attendance cue, a comma or "and") and a name word follows it; "in August Somchai said"
    /// keeps its month.
    /// </summary>
    private bool IsMonthAsGivenName(string text, List<TextSpan> words, int i, bool[] closed, IReadOnlySet<string> lower)
    {
        var w = words[i];
        if (!Months.Contains(text[w.Start..w.End]) || i + 1 >= words.Count || !Adjacent(text, w, words[i + 1])
            || !IsNameWord(text, words[i + 1], closed, lower) || Enumerable.Range(w.Start, w.Length).Any(k => closed[k]))
        {
            return false;
        }

        var before = text.AsSpan(Math.Max(0, w.Start - 30), Math.Min(30, w.Start)).ToString();
        return before.EndsWith(", ", StringComparison.Ordinal) || before.EndsWith(" and ", StringComparison.Ordinal)
            || CreditOfWork.Any(c => c.Contains(' ', StringComparison.Ordinal) && before.TrimEnd().EndsWith(c, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly FrozenSet<string> Months = FrozenSet.Create(StringComparer.Ordinal,
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December");

    private bool IsNameWord(string text, TextSpan w, bool[] closed, IReadOnlySet<string> lower)
    {
        for (var k = w.Start; k < w.End; k++)
        {
            if (closed[k])
            {
                return false;
            }
        }

        var word = text[w.Start..w.End];
        if (!char.IsUpper(word[0]) || _vocabulary.IsVocabulary(word) || lower.Contains(word))
        {
            return false;
        }

        // Capitalised (Nguyễn, Beom-sam, O'Neil), or a surname in capitals beside a given name (KUROSAWA Shinya).
        return word.Skip(1).Any(char.IsLower) || (word.Length >= 3 && word.All(c => char.IsUpper(c) || c == '-'));
    }

    private static bool IsAllCaps(string text, TextSpan w) => text.AsSpan(w.Start, w.Length).IndexOfAnyInRange('a', 'z') < 0 && !text[w.Start..w.End].Any(char.IsLower);

    /// <summary>
    /// "said Kunplome", "according to Danny Whitehead", "directed by Atta Hemwadee," (not a byline "By …" opening a
    /// line, nor the "by" of a capitalised name, "Cultural Content Presented by Moo Deng": a sponsor or mascot of a title).
    /// </summary>
    private bool SpeechBefore(string text, int start, bool full)
    {
        var before = text.AsSpan(Math.Max(0, start - 30), Math.Min(30, start)).TrimEnd(' ').ToString();
        var lastSpace = before.LastIndexOf(' ');
        var last = lastSpace < 0 ? before : before[(lastSpace + 1)..];
        if (_speechVerbs.Contains(last))
        {
            return true;
        }

        return full && CreditOfWork.FirstOrDefault(c => before.EndsWith(" " + c, StringComparison.Ordinal) || OpensWith(before, c)) is { } credit
            && !(credit == "by" && InsideATitle(before[..^(credit.Length + 1)]));

        // "Guests were …" opening a sentence or line; a one-word credit there is a byline ("By Somchai …").
        static bool OpensWith(string before, string credit)
        {
            if (!credit.Contains(' ', StringComparison.Ordinal) || !before.EndsWith(credit, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var rest = before.AsSpan(0, before.Length - credit.Length).TrimEnd(' ');
            return rest.IsEmpty || rest[^1] is '.' or '\n' or ':';
        }
    }

    /// <summary>The text before "by" ends in a capitalised word: "by" is a word of a name in title case.</summary>
    private static bool InsideATitle(string before)
    {
        var space = before.LastIndexOf(' ');
        var word = before[(space + 1)..];
        return word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLetter);
    }

    /// <summary>"Mr Yeung said", "Surapong Suebwonglee, said", "Paetongtarn revealed that".</summary>
    private bool SpeechAfter(string text, int end)
    {
        var pos = end;
        if (pos < text.Length && text[pos] == ',')
        {
            pos++;
        }

        if (pos >= text.Length || text[pos] != ' ')
        {
            return false;
        }

        var wordEnd = pos + 1;
        while (wordEnd < text.Length && char.IsAsciiLetterLower(text[wordEnd]))
        {
            wordEnd++;
        }

        return _speechVerbs.Contains(text[(pos + 1)..wordEnd]);
    }

    /// <summary>
    /// A role just before the name, maybe with its body: "Culture Minister ", "Thai pianist ", "deputy
    /// chairman, ", "Minister of Culture, Sports and Tourism ", "Ambassador of India to Thailand ".
    /// </summary>
    private bool RoleBefore(string text, int start, bool[] closed)
    {
        // "Vice President of the Frankfurter Buchmesse": a group right after "of", "the", "to" is the
        // role's body, not its holder.
        var justBefore = text.AsSpan(0, start).TrimEnd(' ');
        var lastSpace = justBefore.LastIndexOf(' ');
        if (Connectors.Contains(justBefore[(lastSpace + 1)..].ToString(), StringComparer.Ordinal))
        {
            return false;
        }

        var pos = start;
        for (var n = 0; n < MaxContextWords; n++)
        {
            while (pos > 0 && text[pos - 1] == ' ')
            {
                pos--;
            }

            if (pos > 0 && text[pos - 1] == ',')
            {
                pos--;
                continue;
            }

            var wordEnd = pos;
            while (pos > 0 && (NameVocabulary.IsLatinLetter(text[pos - 1]) || text[pos - 1] is '-' or '–' or '\'' or '’' or '&'))
            {
                pos--;
            }

            if (pos == wordEnd)
            {
                return false;
            }

            var word = WithoutPossessive(text[pos..wordEnd]);

            if (_vocabulary.IsPersonNoun(word))
            {
                return true;
            }

            var isKnown = closed[pos];
            if (!char.IsUpper(word[0]) && !isKnown && !Connectors.Contains(word, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"Ambassador's" → "Ambassador".</summary>
    private static string WithoutPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>", Ambassador of …", ", executive director of …", ", the Korean film director", " (Secretary for …)", ", who is …", " วาทยากร…".</summary>
    private bool RoleAfter(string text, int end)
    {
        var pos = end;
        if (pos + 1 < text.Length && text[pos] == ' ' && Gazetteer.IsThaiLetter(text[pos + 1]))
        {
            return _thaiRoles.Any(r => text.AsSpan(pos + 1).StartsWith(r, StringComparison.Ordinal));
        }

        if (text.AsSpan(pos).StartsWith(", ", StringComparison.Ordinal) || text.AsSpan(pos).StartsWith(" (", StringComparison.Ordinal))
        {
            pos += 2;
        }
        else if (text.AsSpan(pos).StartsWith(" who is ", StringComparison.Ordinal) || text.AsSpan(pos).StartsWith(", who is ", StringComparison.Ordinal))
        {
            pos = text.IndexOf("is ", pos, StringComparison.Ordinal) + 3;
        }
        else
        {
            return false;
        }

        for (var n = 0; n < 7 && pos < text.Length; n++)
        {
            var wordEnd = pos;
            while (wordEnd < text.Length && (NameVocabulary.IsLatinLetter(text[wordEnd]) || text[wordEnd] is '-' or '–' or '\'' or '’'))
            {
                wordEnd++;
            }

            if (wordEnd == pos)
            {
                return false;
            }

            var word = WithoutPossessive(text[pos..wordEnd]);

            if (_vocabulary.IsPersonNoun(word))
            {
                return true;
            }

            if (wordEnd >= text.Length || text[wordEnd] != ' ')
            {
                return false;
            }

            pos = wordEnd + 1;
        }

        return false;
    }

    /// <summary>"kicks off at Rajabhakti Park, PM …", "the Queen Sirikit Convention Centre": a place's name, not a person's.</summary>
    private static bool NamesVenue(string text, TextSpan span)
    {
        var before = text.AsSpan(0, span.Start).TrimEnd();
        if (before.EndsWith(" the", StringComparison.OrdinalIgnoreCase))
        {
            before = before[..^4].TrimEnd();
        }

        var afterAt = before.EndsWith(" at", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" in", StringComparison.OrdinalIgnoreCase);
        return VenueWords.EndsVenue(text[span.Start..span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries), afterAt);
    }

    /// <summary>‘Hoon Payon’, “Sanook Night”: a short quotation on one line is a title, not a name.</summary>
    private static bool InShortQuote(string text, TextSpan span)
    {
        var lineStart = TextLines.LastBreak(text, Math.Max(0, span.Start - 1)) + 1;
        var open = text.LastIndexOfAny(['‘', '“', '"', '\''], Math.Max(0, span.Start - 1));
        if (open < lineStart || span.Start - open > MaxTitleQuote || (text[open] == '\'' && open > 0 && char.IsLetter(text[open - 1])))
        {
            return false;
        }

        var closing = text[open] switch { '‘' => '’', '“' => '”', var c => c };
        if (text.AsSpan(open + 1, span.Start - open - 1).Contains(closing))
        {
            return false;
        }

        var close = text.IndexOf(closing, span.End);
        return close >= 0 && close - open <= MaxTitleQuote && text.IndexOf('\n', span.End, close - span.End) < 0;
    }

    private static bool Adjacent(string text, TextSpan a, TextSpan b)
    {
        var gap = text.AsSpan(a.End, b.Start - a.End);
        return gap.Length is 1 or 2 && gap.Trim(' ').IsEmpty;
    }

    private static bool IsPossessive(string text, TextSpan w) =>
        w.End + 1 < text.Length && text[w.End] is '\'' or '’' && text[w.End + 1] == 's' && (w.End + 2 >= text.Length || !char.IsLetter(text[w.End + 2]));

    /// <summary>Latin words with inner hyphens and apostrophes (Beom-sam, O'Neil); a possessive 's is left outside.</summary>
    private static List<TextSpan> LatinWords(string text)
    {
        var words = new List<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (!NameVocabulary.IsLatinLetter(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '@' or '/')))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < text.Length)
            {
                if (NameVocabulary.IsLatinLetter(text[end]))
                {
                    end++;
                }
                else if (text[end] is '-' or '\'' or '’' && end + 1 < text.Length && NameVocabulary.IsLatinLetter(text[end + 1])
                    && !(text[end] is '\'' or '’' && text[end + 1] == 's' && (end + 2 >= text.Length || !char.IsLetter(text[end + 2]))))
                {
                    end += 2;
                }
                else
                {
                    break;
                }
            }

            // A word glued to digits or to a dot (an address, "Dr.X") is not a name word here.
            if (end >= text.Length || !char.IsDigit(text[end]))
            {
                words.Add(new TextSpan(i, end));
            }

            i = end;
        }

        return words;
    }

    private readonly record struct Group(TextSpan Span, int Words, bool ContinuesRun);
}
