using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

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
    private const int MaxThaiNamePart = ThaiNameReader.MaxNamePart;
    private readonly PrefixWords _thaiHonorifics;
    private readonly string[] _englishHonorifics;
    private readonly FrozenSet<string> _singleName;
    private readonly string[] _notHonorifics;
    private readonly NameVocabulary _vocabulary;
    private readonly ThaiNameReader _names;
    private readonly UntitledThaiNames _untitled;

    public PersonPatterns(EntityLexicon lexicon, NameVocabulary vocabulary)
    {
        var all = lexicon.Honorifics.Distinct(StringComparer.Ordinal).ToList();
        _thaiHonorifics = new PrefixWords(all.Where(h => Gazetteer.IsThaiLetter(h[0])));
        _englishHonorifics = [.. all.Where(h => char.IsAsciiLetter(h[0])).OrderByDescending(h => h.Length)];
        _singleName = lexicon.SingleNameHonorifics.ToFrozenSet(StringComparer.Ordinal);
        _notHonorifics = [.. EmbeddedWordList.Lines("Entities/Data/not-honorifics-th.txt")];
        _vocabulary = vocabulary;
        _names = new ThaiNameReader(lexicon);
        _untitled = new UntitledThaiNames(lexicon, _names);
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

            var match = TryHonorific(b, i) ?? TryQuoted(text, i) ?? _untitled.TryTitleRole(b, i) ?? _untitled.TryBareThaiName(b, i);
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
            return _names.ThaiName(b, pos) is { } thai ? new PersonMatch(new Text.TextSpan(start, thai.Span.End), thai.Span, thai.GivenOnly) : null;
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
            foreach (var h in _thaiHonorifics.At(text, pos))
            {
                // ICU often cuts a name glued to its title in the wrong place (นาง|สา|วนภสร, นา|ยก|ฤษศญ|พงษ์):
                // the title is read wherever it is written, except inside a word that holds it (นายกรัฐมนตรี).
                if (pos + h.Length < text.Length && !ThaiNameReader.IsThaiMark(text[pos + h.Length]))
                {
                    return InsideOtherWord(text, pos) ? null : h;
                }
            }

            return null;
        }

        // Every English honorific starts with an ASCII letter: at a space or a mark, none can (this ran at every boundary).
        if (!char.IsAsciiLetter(text[pos]))
        {
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
                if (s >= 0 && text.AsSpan(s).StartsWith(w, StringComparison.Ordinal) && (end >= text.Length || !ThaiNameReader.IsThaiMark(text[end])))
                {
                    return true;
                }
            }
        }

        return false;
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
            if (wordEnd - pos < 2 || _names.NotNameWords.Contains(word) || (_vocabulary.IsVocabulary(word) && !IsSyllableOfAName(text, word, wordEnd, words)) || _vocabulary.IsPersonNoun(word))
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

    /// <summary>
    /// "Mr. Lee In Hyuck", "Ms. Kim So Yeon": inside a name, after its first word, a short capitalised word that is
    /// also an English word is a syllable of the given name when another name word follows it.
    /// </summary>
    private bool IsSyllableOfAName(string text, string word, int wordEnd, int wordsBefore)
    {
        if (wordsBefore == 0 || word.Length > 3 || wordEnd + 1 >= text.Length || text[wordEnd] != ' ' || !char.IsUpper(text[wordEnd + 1]))
        {
            return false;
        }

        var nextEnd = wordEnd + 1;
        while (nextEnd < text.Length && char.IsLetter(text[nextEnd]))
        {
            nextEnd++;
        }

        var next = text[(wordEnd + 1)..nextEnd];
        return next.Length >= 2 && !_names.NotNameWords.Contains(next) && !_vocabulary.IsVocabulary(next) && !_vocabulary.IsPersonNoun(next);
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
            && !parts.Any(p => _names.IsStopWord(p) || _names.NotNameWords.Contains(p) || _names.StartsWithNotName(p) || _names.StartsWithNameEnding(p, 0));
        var lower = NameVocabulary.LowerCaseWords(text);
        var latin = parts.Length is 2 or 3 && parts.All(p => p.Length >= 2 && char.IsUpper(p[0]) && p.Skip(1).All(c => char.IsLetter(c) || c == '-')
                && !_vocabulary.IsVocabulary(p) && !lower.Contains(p) && !p.EndsWith("ing", StringComparison.Ordinal))
            && !parts.Any(p => _names.NotNameWords.Contains(p));
        if ((thai && NamesAThaiThing(text, start)) || (!thai && (!latin || NamesAThing(text, start, close))))
        {
            return null;
        }

        return new PersonMatch(new Text.TextSpan(start, close + 1), new Text.TextSpan(innerStart, innerStart + inner.Length), false, Untitled: true);
    }

    /// <summary>'the dance troupe called “Ek Kunchorn” group', '“Siam Sound” band': a quoted name a word calls a thing.</summary>
    private static bool NamesAThing(string text, int open, int close)
    {
        var before = text.AsSpan(0, open).TrimEnd();
        var wordStart = before.LastIndexOfAny(' ', '\n') + 1;
        var after = text.AsSpan(close + 1).TrimStart(' ');
        var wordEnd = after.IndexOfAny(" .,;:\n");
        return ThingWords.Contains(before[wordStart..].ToString().ToLowerInvariant())
            || ThingWords.Contains((wordEnd < 0 ? after : after[..wordEnd]).ToString().ToLowerInvariant());
    }

    /// <summary>
    /// 'การประกวด … 2562 "รวมใจ ศิลป์ไทย"', 'ภายใต้แนวคิด "สืบสาน ศิลป์ไทย"': a quoted Thai pair after a number or a word that
    /// names an event, a project or a theme is that thing's title.
    /// </summary>
    private static bool NamesAThaiThing(string text, int open)
    {
        var before = text.AsSpan(0, open).TrimEnd();
        return (!before.IsEmpty && char.IsDigit(before[^1])) || WordLists.EndsWithAny(before, ThaiThingWords);
    }

    private static readonly string[] ThaiThingWords =
        ["งาน", "โครงการ", "กิจกรรม", "การประกวด", "แนวคิด", "หัวข้อ", "ชื่อ", "เทศกาล", "ชุด", "เรื่อง", "ธีม", "แคมเปญ", "หลักสูตร", "นิทรรศการ", "การแสดง", "รายการ", "ภาพยนตร์", "เพลง"];

    private static readonly FrozenSet<string> ThingWords = new[]
    {
        "called", "named", "entitled", "titled", "themed", "dubbed", "group", "band", "troupe", "ensemble", "orchestra", "choir",
        "project", "campaign", "programme", "program", "series", "film", "movie", "album", "song", "show", "exhibition",
        "festival", "event", "brand", "restaurant", "company", "team", "club", "collection", "menu", "dish",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';
}
