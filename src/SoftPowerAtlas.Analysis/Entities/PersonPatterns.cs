using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// A person found in text: the whole mention (with honorific) and the bare name. <paramref name="Untitled"/>:
/// found without a title (in quotes, by a role or a list), so a known name anywhere inside rules it out.
/// </summary>
internal readonly record struct PersonMatch(Text.TextSpan Mention, Text.TextSpan Name, bool GivenNameOnly, bool Untitled = false);

/// <summary>
/// Finds people the way Thai and English news name them with a title: an honorific or rank followed
/// by a name (นางสาวอาภรณ์ เพชรรัตน์, นาย Kiyochi Uchida, H.E.Mrs.Liliana Ferrer, Mr. EGUCHI Masaru,
/// นายสธน เกษมสันต์ ณ อยุธยา), or a name in quotes in a list of participants (“คาล คงขำ”, “Julien
/// Lacorne”). A name ends where a verb, a role or a function word begins (นายปรีชา กล่าวว่า is ปรีชา),
/// and an honorific written inside another word (ผู้ทรงคุณวุฒิ, นายกรัฐมนตรี) is not one.
/// </summary>
internal sealed class PersonPatterns
{
    /// <summary>A Thai given name or surname is rarely longer; a longer quoted "word" is a phrase.</summary>
    private const int MaxThaiNamePart = 16;

    /// <summary>Royal-lineage and noble surname endings written after the surname.</summary>
    private static readonly string[] SurnameTails = [" ณ อยุธยา", " Na Ayudhya", " Na Ayutthaya"];

    private readonly string[] _thaiHonorifics;
    private readonly string[] _englishHonorifics;
    private readonly FrozenSet<string> _singleName;
    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string> _notNameWords;
    private readonly string[] _nameEndings;
    private readonly string[] _notHonorifics;
    private readonly NameVocabulary _vocabulary;
    private readonly string[] _roleForms;
    private readonly string[] _titleRoles;

    public PersonPatterns(EntityLexicon lexicon, NameVocabulary vocabulary)
    {
        var all = lexicon.Honorifics.Distinct(StringComparer.Ordinal).ToList();
        _thaiHonorifics = [.. all.Where(h => Gazetteer.IsThaiLetter(h[0])).OrderByDescending(h => h.Length)];
        _englishHonorifics = [.. all.Where(h => char.IsAsciiLetter(h[0])).OrderByDescending(h => h.Length)];
        _singleName = lexicon.SingleNameHonorifics.ToFrozenSet(StringComparer.Ordinal);
        _stopWords = EmbeddedWordList.Lines("Entities/Data/thai-stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        _notNameWords = lexicon.NotNameWords.Concat(lexicon.RolesThai).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _notHonorifics = [.. EmbeddedWordList.Lines("Entities/Data/not-honorifics-th.txt")];
        _vocabulary = vocabulary;
        _roleForms = [.. lexicon.RolesThai.Where(r => r.Length >= 3).OrderByDescending(r => r.Length)];
        _titleRoles = [.. lexicon.Roles.Where(r => r.Level is RoleLevel.Diplomatic).SelectMany(r => r.Thai)
            .Where(f => f.Length >= 4 && !f.EndsWith('.')).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];

        // Words that end a Thai name written without a space after it (นายทวีพงษ์กล่าว, โยชิโนริผู้ว่าราชการ).
        _nameEndings = [.. EmbeddedWordList.Rows("Entities/Data/speech-verbs.tsv").Where(r => r.Length >= 2 && r[1] == "th").Select(r => r[0])
            .Concat(lexicon.RolesThai.Where(r => r.Length >= 3 && Gazetteer.IsThaiLetter(r[0])))
            .Concat(["เป็น", "ได้", "ให้", "พร้อม", "และ", "ซึ่ง", "ที่", "ร่วม", "เดินทาง", "ภริยา", "สามี"])
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)];
    }

    public List<PersonMatch> Find(TextBoundaries b)
    {
        var found = new List<PersonMatch>();
        var text = b.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (!b.IsBoundary(i) || (i > 0 && char.IsLetter(text[i - 1]) && !Gazetteer.IsThaiLetter(text[i])))
            {
                continue;
            }

            var match = TryHonorific(b, i) ?? TryQuoted(text, i) ?? TryTitleRole(b, i) ?? TryBareThaiName(b, i);
            if (match is { } m)
            {
                found.Add(m);
                i = m.Mention.End - 1;
            }
        }

        return found;
    }

    private PersonMatch? TryHonorific(TextBoundaries b, int start)
    {
        var text = b.Text;
        var pos = start;
        string? last = null;

        // Honorifics may chain: H.E. Mr., ศ.ดร., นายดาโช, H.E.Mrs.
        while (MatchHonorific(text, pos, b) is { } h)
        {
            last = h;
            pos += h.Length;
            while (pos < text.Length && text[pos] == ' ')
            {
                pos++;
            }
        }

        if (last is null || pos >= text.Length)
        {
            return null;
        }

        if (Gazetteer.IsThaiLetter(text[pos]))
        {
            return ThaiName(b, pos) is { } thai ? new PersonMatch(new Text.TextSpan(start, thai.Span.End), thai.Span, thai.GivenOnly) : null;
        }

        if (LatinName(text, pos) is not { } latin)
        {
            return null;
        }

        // "Prince Mahidol Hall", "King Sejong Institute": a title opening the name of a thing.
        if (ContinuesWithCapital(text, latin.Span.End))
        {
            return null;
        }

        var givenOnly = latin.GivenOnly && !_singleName.Contains(last);
        return new PersonMatch(new Text.TextSpan(start, latin.Span.End), latin.Span, givenOnly);
    }

    private string? MatchHonorific(string text, int pos, TextBoundaries b)
    {
        if (pos >= text.Length)
        {
            return null;
        }

        if (Gazetteer.IsThaiLetter(text[pos]))
        {
            foreach (var h in _thaiHonorifics)
            {
                // ICU often cuts a name glued to its title in the wrong place (นาง|สา|วนภสร, นา|ยก|ฤษศญ|พงษ์):
                // the title is read wherever it is written, except inside a word that holds it (นายกรัฐมนตรี).
                if (text.AsSpan(pos).StartsWith(h, StringComparison.Ordinal)
                    && pos + h.Length < text.Length && !IsThaiMark(text[pos + h.Length]))
                {
                    return InsideOtherWord(text, pos) ? null : h;
                }
            }

            return null;
        }

        foreach (var h in _englishHonorifics)
        {
            if (!text.AsSpan(pos).StartsWith(h, StringComparison.Ordinal))
            {
                continue;
            }

            // "Mr. X", "Mr X", and written without a space after a dotted title: "Mrs.Yupha", "H.E.Mrs.".
            var next = Peek(text, pos + h.Length);
            if (next == ' ' || (h.EndsWith('.') && char.IsUpper(next)))
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>คุณ in ผู้ทรงคุณวุฒิ, นาย in นายกรัฐมนตรี: a word that holds an honorific without being one.</summary>
    private bool InsideOtherWord(string text, int pos)
    {
        foreach (var w in _notHonorifics)
        {
            for (var k = 0; k < w.Length; k++)
            {
                // The word must end where a syllable ends: นายพล is a general, นายพลัฏฐ์ a name.
                var s = pos - k;
                var end = s + w.Length;
                if (s >= 0 && text.AsSpan(s).StartsWith(w, StringComparison.Ordinal) && (end >= text.Length || !IsThaiMark(text[end])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private (Text.TextSpan Span, bool GivenOnly)? ThaiName(TextBoundaries b, int start)
    {
        var text = b.Text;
        var givenEnd = ThaiRunEnd(b, start);
        if (givenEnd - start < 2 || IsAbbreviated(text, givenEnd) || StartsWithNameEnding(text, start))
        {
            return null;
        }

        var end = givenEnd;
        var givenOnly = true;
        // Given name and surname: one space, or a line break where the text was hard-wrapped.
        if (givenEnd < text.Length - 1 && text[givenEnd] is ' ' or '\n' && Gazetteer.IsThaiLetter(text[givenEnd + 1]))
        {
            var surnameEnd = ThaiRunEnd(b, givenEnd + 1);
            var surname = text[(givenEnd + 1)..surnameEnd];
            if (surnameEnd - givenEnd - 1 >= 2 && !IsAbbreviated(text, surnameEnd) && !_stopWords.Contains(FirstWord(b, givenEnd + 1))
                && !StartsWithNameEnding(text, givenEnd + 1) && !_notNameWords.Contains(surname) && !StartsWithAny(surname, _notNameWords))
            {
                end = surnameEnd;
                givenOnly = false;
            }
        }

        // "สธน เกษมสันต์ ณ อยุธยา": a royal-lineage surname ending belongs to the name.
        if (!givenOnly && SurnameTails.FirstOrDefault(t => text.AsSpan(end).StartsWith(t, StringComparison.Ordinal)) is { } tail
            && (end + tail.Length == text.Length || !char.IsLetter(text[end + tail.Length])))
        {
            end += tail.Length;
        }

        return (new Text.TextSpan(start, end), givenOnly);
    }

    /// <summary>"วุฒิฯ", "กรุงเทพฯ": a word cut short with ฯ is an abbreviation, not a name.</summary>
    private static bool IsAbbreviated(string text, int end) => end < text.Length && text[end] == 'ฯ';

    private bool StartsWithNameEnding(string text, int pos)
    {
        foreach (var w in _nameEndings)
        {
            if (text.AsSpan(pos).StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstWord(TextBoundaries b, int start)
    {
        var i = start + 1;
        while (i < b.Text.Length && !b.IsBoundary(i))
        {
            i++;
        }

        return b.Text[start..i];
    }

    private int ThaiRunEnd(TextBoundaries b, int start)
    {
        var text = b.Text;
        var i = start;
        while (i < text.Length && Gazetteer.IsThaiLetter(text[i]) && text[i] != 'ฯ')
        {
            // Stop where a verb, a role or a function word glued to the name begins (นายทวีพงษ์กล่าว).
            if (i - start >= 3 && b.IsBoundary(i) && StartsWithNameEnding(text, i))
            {
                break;
            }

            i++;
        }

        return i;
    }

    /// <summary>Up to four capitalised words (a surname in capitals too: EGUCHI Masaru), stopping before a word that is not a name.</summary>
    private (Text.TextSpan Span, bool GivenOnly)? LatinName(string text, int start)
    {
        var pos = start;
        var end = start;
        var words = 0;
        while (pos < text.Length && words < 4 && char.IsUpper(text[pos]))
        {
            var wordEnd = pos;
            while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || (text[wordEnd] is '-' or '\'' or '’' && wordEnd + 1 < text.Length && char.IsLetter(text[wordEnd + 1])
                && !(text[wordEnd + 1] == 's' && (wordEnd + 2 >= text.Length || !char.IsLetter(text[wordEnd + 2]))))))
            {
                wordEnd++;
            }

            var word = text[pos..wordEnd];
            if (wordEnd - pos < 2 || _notNameWords.Contains(word) || _vocabulary.IsVocabulary(word) || _vocabulary.IsPersonNoun(word))
            {
                break;
            }

            words++;
            end = wordEnd;

            // One or two spaces between the words of a name; a particle (Na, bin, van) may sit inside.
            var next = wordEnd;
            while (next < text.Length && next - wordEnd < 2 && text[next] == ' ')
            {
                next++;
            }

            if (next == wordEnd)
            {
                break;
            }

            var particleEnd = next;
            while (particleEnd < text.Length && char.IsLetter(text[particleEnd]))
            {
                particleEnd++;
            }

            if (particleEnd < text.Length && text[particleEnd] == ' ' && _vocabulary.IsParticle(text[next..particleEnd])
                && particleEnd + 1 < text.Length && char.IsUpper(text[particleEnd + 1]))
            {
                next = particleEnd + 1;
            }

            pos = next;
        }

        return words == 0 ? null : (new Text.TextSpan(start, end), words == 1);
    }

    /// <summary>The name is followed, after one space, by a capitalised word that is not a role: it names a thing.</summary>
    private bool ContinuesWithCapital(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ' || !char.IsUpper(text[end + 1]))
        {
            return false;
        }

        var wordEnd = end + 1;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text[(end + 1)..wordEnd];
        return _vocabulary.IsVocabulary(word) && !_vocabulary.IsPersonNoun(word);
    }

    /// <summary>"กงสุลใหญ่จักรกฤดิ กระจายวงศ์": a diplomatic or political role written as a title, glued to a full name.</summary>
    private PersonMatch? TryTitleRole(TextBoundaries b, int start)
    {
        var text = b.Text;
        if (!Gazetteer.IsThaiLetter(text[start]))
        {
            return null;
        }

        foreach (var role in _titleRoles)
        {
            var at = start + role.Length;
            if (!text.AsSpan(start).StartsWith(role, StringComparison.Ordinal) || at >= text.Length || !Gazetteer.IsThaiLetter(text[at]) || IsThaiMark(text[at]))
            {
                continue;
            }

            return ThaiName(b, at) is { GivenOnly: false } name && FullNameEnds(text, name.Span.End) && !HoldsStopWord(b, name.Span)
                ? new PersonMatch(new Text.TextSpan(start, name.Span.End), name.Span, false, Untitled: true)
                : null;
        }

        return null;
    }

    /// <summary>
    /// A Thai name with no title, where the text still shows it is one: spelled again in Latin letters in
    /// brackets ("อลัง ดูคาส (Alain Ducasse)"), or an item of a list followed by a role ("…, สเตฟาน ฟ็อกซ์
    /// เลขาธิการอิฟม่า", "- สมชาย ใจดี ผู้อำนวยการ…").
    /// </summary>
    private PersonMatch? TryBareThaiName(TextBoundaries b, int start)
    {
        var text = b.Text;
        if (!Gazetteer.IsThaiLetter(text[start]) || (start > 0 && Gazetteer.IsThaiLetter(text[start - 1])))
        {
            return null;
        }

        if (ThaiName(b, start) is not { GivenOnly: false } name || !FullNameEnds(text, name.Span.End) || HoldsStopWord(b, name.Span) || HoldsHonorific(text, name.Span)
            || name.Span.Length > 2 * MaxThaiNamePart || text[start..name.Span.End].Split(' ').Any(p => p.Length > MaxThaiNamePart || StartsWithAny(p, _notNameWords)))
        {
            return null;
        }

        var after = text.AsSpan(name.Span.End);
        var bracket = after.StartsWith(" (", StringComparison.Ordinal) && LatinInBrackets(after[2..]);
        var listItem = IsListItemStart(text, start) && after.StartsWith(" ", StringComparison.Ordinal) && StartsWithRole(text, name.Span.End + 1);
        return bracket || listItem ? new PersonMatch(name.Span, name.Span, false, Untitled: true) : null;
    }

    /// <summary>"ต้อนรับนายคิม จองโฮ": a title inside means the name starts after it.</summary>
    private bool HoldsHonorific(string text, Text.TextSpan span)
    {
        var inside = text[span.Start..span.End];
        return _thaiHonorifics.Any(h => h.Length >= 3 && inside.Contains(h, StringComparison.Ordinal));
    }

    /// <summary>"ต่างประเทศในประเทศไทย": a function word inside is a phrase, not a name.</summary>
    private bool HoldsStopWord(TextBoundaries b, Text.TextSpan span)
    {
        var i = span.Start;
        while (i < span.End)
        {
            var j = i + 1;
            while (j < span.End && !b.IsBoundary(j))
            {
                j++;
            }

            if (_stopWords.Contains(b.Text[i..j]))
            {
                return true;
            }

            i = j;
        }

        return false;
    }

    /// <summary>A full name ends before a space, a comma, a bracket or the line's end, not inside a word or before a dot.</summary>
    private static bool FullNameEnds(string text, int end) => end >= text.Length || text[end] is ' ' or ',' or '(' or '\n' or ')';

    private static bool LatinInBrackets(ReadOnlySpan<char> s)
    {
        var close = s.IndexOf(')');
        if (close < 3)
        {
            return false;
        }

        var inner = s[..close].Trim();
        var words = inner.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && words.All(w => w.Length >= 2 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\''));
    }

    /// <summary>After a comma, "และ", a bullet or at the start of a line.</summary>
    private static bool IsListItemStart(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd(' ');
        return before.IsEmpty || before.EndsWith(",", StringComparison.Ordinal) || before.EndsWith("\n", StringComparison.Ordinal)
            || before.EndsWith("และ", StringComparison.Ordinal) || before.EndsWith("\n-", StringComparison.Ordinal) || before.EndsWith("•", StringComparison.Ordinal);
    }

    private bool StartsWithRole(string text, int pos)
    {
        foreach (var r in _roleForms)
        {
            if (text.AsSpan(pos).StartsWith(r, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private PersonMatch? TryQuoted(string text, int start)
    {
        if (text[start] is not ('“' or '"'))
        {
            return null;
        }

        var close = text.IndexOfAny(['”', '"'], start + 1);
        if (close < 0 || close - start > 40)
        {
            return null;
        }

        var inner = text.AsSpan(start + 1, close - start - 1).Trim();
        var innerStart = text.IndexOf(inner.ToString(), start + 1, StringComparison.Ordinal);
        var parts = inner.ToString().Split(' ');
        var thai = parts.Length == 2 && parts.All(p => p.Length is >= 2 and <= MaxThaiNamePart && p.All(c => Gazetteer.IsThaiLetter(c) && c != 'ฯ'))
            && !parts.Any(p => _stopWords.Contains(p) || _notNameWords.Contains(p) || StartsWithAny(p, _notNameWords) || StartsWithNameEnding(p, 0));
        var lower = NameVocabulary.LowerCaseWords(text);
        var latin = parts.Length is 2 or 3 && parts.All(p => p.Length >= 2 && char.IsUpper(p[0]) && p.Skip(1).All(c => char.IsLetter(c) || c == '-')
                && !_vocabulary.IsVocabulary(p) && !lower.Contains(p) && !p.EndsWith("ing", StringComparison.Ordinal))
            && !parts.Any(p => _notNameWords.Contains(p));
        if (!thai && !latin)
        {
            return null;
        }

        return new PersonMatch(new Text.TextSpan(start, close + 1), new Text.TextSpan(innerStart, innerStart + inner.Length), false, Untitled: true);
    }

    private static bool StartsWithAny(string word, FrozenSet<string> prefixes)
    {
        foreach (var p in prefixes)
        {
            if (p.Length >= 3 && Gazetteer.IsThaiLetter(p[0]) && word.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsThaiMark(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E');

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';
}
