using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>A person found in text: the whole mention (with honorific) and the bare name.</summary>
internal readonly record struct PersonMatch(Text.TextSpan Mention, Text.TextSpan Name, bool GivenNameOnly);

/// <summary>
/// Finds people the way Thai and English news name them: an honorific or title followed by a
/// name (นางสาวอาภรณ์ เพชรรัตน์, นาย Kiyochi Uchida, H.E. Mr. Moon Seoung-hyun), a role followed by
/// a name (Spokesperson Anucha Burapachaisri), or a name in quotes in a list of participants
/// (“คาล คงขำ”, “Julien Lacorne”).
/// </summary>
internal sealed class PersonPatterns
{
    // Words written straight after a name with no space (นายทวีพงษ์กล่าว): the name ends there.
    private static readonly FrozenSet<string> NameEndingWords = FrozenSet.Create(StringComparer.Ordinal,
        "กล่าว", "เปิดเผย", "ระบุ", "เป็น", "ได้", "ให้", "พร้อม", "และ", "ซึ่ง", "ที่", "ร่วม", "เดินทาง", "ประธาน", "ผู้อำนวยการ");

    private readonly string[] _thaiHonorifics;
    private readonly string[] _englishHonorifics;
    private readonly FrozenSet<string> _englishRoles;
    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string> _notNameWords;

    public PersonPatterns(IEnumerable<string> honorifics, IEnumerable<string> englishRoles, IEnumerable<string> notNameWords)
    {
        var all = honorifics.Distinct(StringComparer.Ordinal).ToList();
        _thaiHonorifics = [.. all.Where(h => Gazetteer.IsThaiLetter(h[0])).OrderByDescending(h => h.Length)];
        _englishHonorifics = [.. all.Where(h => char.IsAsciiLetter(h[0])).OrderByDescending(h => h.Length)];
        _englishRoles = englishRoles.ToFrozenSet(StringComparer.Ordinal);
        _stopWords = EmbeddedWordList.Lines("Entities/Data/thai-stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        _notNameWords = notNameWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
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

            var match = TryHonorific(b, i) ?? TryEnglishRole(text, i) ?? TryQuoted(text, i);
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
        var any = false;

        // Honorifics may chain: H.E. Mr., ศ.ดร., พล.อ.
        while (true)
        {
            var h = MatchHonorific(text, pos, b);
            if (h is null)
            {
                break;
            }

            any = true;
            pos += h.Length;
            if (pos < text.Length && text[pos] == ' ' && (h.EndsWith('.') || char.IsAsciiLetter(h[0]) || Gazetteer.IsThaiLetter(Peek(text, pos + 1))
                || char.IsAsciiLetterUpper(Peek(text, pos + 1))))
            {
                pos++;
            }
        }

        if (!any || pos >= text.Length)
        {
            return null;
        }

        var name = Gazetteer.IsThaiLetter(text[pos]) ? ThaiName(b, pos) : LatinName(text, pos, 4);
        if (name is null)
        {
            return null;
        }

        return new PersonMatch(new Text.TextSpan(start, name.Value.Span.End), name.Value.Span, name.Value.GivenOnly);
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
                if (text.AsSpan(pos).StartsWith(h, StringComparison.Ordinal) && (h.EndsWith('.') || b.IsBoundary(pos + h.Length)))
                {
                    return h;
                }
            }

            return null;
        }

        foreach (var h in _englishHonorifics)
        {
            if (text.AsSpan(pos).StartsWith(h, StringComparison.Ordinal)
                && (h.EndsWith('.') ? Peek(text, pos + h.Length) == ' ' : Peek(text, pos + h.Length) == ' '))
            {
                return h;
            }
        }

        return null;
    }

    private (Text.TextSpan Span, bool GivenOnly)? ThaiName(TextBoundaries b, int start)
    {
        var text = b.Text;
        var givenEnd = ThaiRunEnd(b, start);
        if (givenEnd - start < 2)
        {
            return null;
        }

        if (givenEnd < text.Length - 1 && text[givenEnd] == ' ' && Gazetteer.IsThaiLetter(text[givenEnd + 1]))
        {
            var surnameEnd = ThaiRunEnd(b, givenEnd + 1);
            var surname = text[(givenEnd + 1)..surnameEnd];
            if (surnameEnd - givenEnd - 1 >= 2 && !_stopWords.Contains(surname) && !_notNameWords.Contains(surname)
                && !StartsWithAny(surname, _notNameWords))
            {
                return (new Text.TextSpan(start, surnameEnd), false);
            }
        }

        return (new Text.TextSpan(start, givenEnd), true);
    }

    private int ThaiRunEnd(TextBoundaries b, int start)
    {
        var text = b.Text;
        var i = start;
        while (i < text.Length && Gazetteer.IsThaiLetter(text[i]))
        {
            // Stop where a function word or verb glued to the name begins (นายทวีพงษ์กล่าว).
            if (i > start + 1 && b.IsBoundary(i))
            {
                var j = i + 1;
                while (j < text.Length && !b.IsBoundary(j))
                {
                    j++;
                }

                if (NameEndingWords.Contains(text[i..j]) && i - start >= 3)
                {
                    break;
                }
            }

            i++;
        }

        return i;
    }

    private (Text.TextSpan Span, bool GivenOnly)? LatinName(string text, int start, int maxWords)
    {
        var pos = start;
        var end = start;
        var words = 0;
        while (pos < text.Length && words < maxWords && char.IsUpper(text[pos]))
        {
            var wordEnd = pos;
            while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] is '-' or '\''))
            {
                wordEnd++;
            }

            var word = text[pos..wordEnd];
            if (wordEnd - pos < 2 || _notNameWords.Contains(word) || _englishRoles.Contains(word))
            {
                break;
            }

            words++;
            end = wordEnd;
            if (wordEnd >= text.Length || text[wordEnd] != ' ')
            {
                break;
            }

            pos = wordEnd + 1;
        }

        return words == 0 ? null : (new Text.TextSpan(start, end), words == 1);
    }

    private PersonMatch? TryEnglishRole(string text, int start)
    {
        if (!char.IsAsciiLetterUpper(text[start]))
        {
            return null;
        }

        var wordEnd = start;
        while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] == '-'))
        {
            wordEnd++;
        }

        if (!_englishRoles.Contains(text[start..wordEnd]) || Peek(text, wordEnd) != ' ' || !char.IsAsciiLetterUpper(Peek(text, wordEnd + 1)))
        {
            return null;
        }

        var name = LatinName(text, wordEnd + 1, 4);
        if (name is not { GivenOnly: false } n)
        {
            return null;
        }

        return new PersonMatch(new Text.TextSpan(start, n.Span.End), n.Span, false);
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
        var thai = parts.Length == 2 && parts.All(p => p.Length >= 2 && p.All(c => Gazetteer.IsThaiLetter(c)))
            && !parts.Any(p => _stopWords.Contains(p) || _notNameWords.Contains(p) || StartsWithAny(p, _notNameWords));
        var latin = parts.Length is 2 or 3 && parts.All(p => p.Length >= 2 && char.IsUpper(p[0]) && p.Skip(1).All(c => char.IsLetter(c) || c == '-'))
            && !parts.Any(p => _notNameWords.Contains(p) || _englishRoles.Contains(p));
        if (!thai && !latin)
        {
            return null;
        }

        return new PersonMatch(new Text.TextSpan(start, close + 1), new Text.TextSpan(innerStart, innerStart + inner.Length), false);
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

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';
}
