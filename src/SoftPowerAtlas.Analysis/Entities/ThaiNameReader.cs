using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Where a Thai name written after a title begins and ends: a given name, then a surname after one
/// space (or a hard-wrapped line), up to a verb, a role or a function word glued to it (นายทวีพงษ์กล่าว,
/// โยชิโนริผู้ว่าราชการ); a surname is never a verb of saying or a function word (นายปรีชา กล่าวว่า);
/// "ณ อยุธยา" belongs to the surname; a word cut short with ฯ is no name.
/// </summary>
internal sealed class ThaiNameReader
{
    /// <summary>A Thai given name or surname is rarely longer; a longer "word" is a phrase.</summary>
    public const int MaxNamePart = 16;

    /// <summary>A third or fourth part of a foreign name written in Thai (อู่, มาร์ติงซ์) is short.</summary>
    private const int MaxForeignPart = 10;

    /// <summary>Royal-lineage and noble surname endings written after the surname.</summary>
    private static readonly string[] SurnameTails = [" ณ อยุธยา", " Na Ayudhya", " Na Ayutthaya"];

    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string> _notNameWords;
    private readonly PrefixWords _nameEndings;
    private readonly PrefixWords _notNamePrefixes;
    private readonly PrefixWords _titles;
    private readonly PrefixWords _roles;
    private readonly PrefixWords _countries;

    public ThaiNameReader(EntityLexicon lexicon)
    {
        _countries = new PrefixWords(lexicon.Entries.Where(e => e.Kind == EntityKind.Country && e.Alias.Length >= 3 && Gazetteer.IsThaiLetter(e.Alias[0])).Select(e => e.Alias));
        _stopWords = EmbeddedWordList.Lines("Entities/Data/thai-stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        _notNameWords = lexicon.NotNameWords.Concat(lexicon.RolesThai).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        // Words that end a Thai name written without a space after it (นายทวีพงษ์กล่าว, โยชิโนริผู้ว่าราชการ).
        _nameEndings = new PrefixWords(EmbeddedWordList.Rows("Entities/Data/speech-verbs.tsv").Where(r => r.Length >= 2 && r[1] == "th").Select(r => r[0])
            .Concat(lexicon.RolesThai.Where(r => r.Length >= 3 && Gazetteer.IsThaiLetter(r[0])))
            .Concat(["เป็น", "ได้", "ให้", "พร้อม", "และ", "ซึ่ง", "ที่", "ร่วม", "เดินทาง", "ภริยา", "สามี", "มีท่าที", "มีกำหนด", "มีความ", "ติดภารกิจ"]));
        _roles = new PrefixWords(lexicon.RolesThai.Where(r => r.Length >= 3 && Gazetteer.IsThaiLetter(r[0])));
        _titles = new PrefixWords(lexicon.Honorifics.Where(h => h.Length >= 2 && Gazetteer.IsThaiLetter(h[0])));
        _notNamePrefixes = new PrefixWords(_notNameWords.Where(w => w.Length >= 3 && Gazetteer.IsThaiLetter(w[0])));
    }

    /// <summary>Words that cannot be a name or begin one: organisation heads, countries, roles.</summary>
    public FrozenSet<string> NotNameWords => _notNameWords;

    public bool IsStopWord(string word) => _stopWords.Contains(word);

    public (Text.TextSpan Span, bool GivenOnly)? ThaiName(TextBoundaries b, int start)
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
        // A line break only where the given name closes its line and the next line does not open with a title.
        var wrapped = givenEnd < text.Length - 1 && text[givenEnd] == '\n' && !_titles.AnyAt(text, givenEnd + 1);
        if (givenEnd < text.Length - 1 && (text[givenEnd] == ' ' || wrapped) && Gazetteer.IsThaiLetter(text[givenEnd + 1]))
        {
            var surnameEnd = ThaiRunEnd(b, givenEnd + 1);
            var surname = text[(givenEnd + 1)..surnameEnd];
            // ICU cuts an unknown surname into known pieces (มา|เนต): one that opens with a function word is a
            // surname only where it clearly ends, before a role, a verb of saying, a title, a comma or the line's end.
            var first = FirstWord(b, givenEnd + 1);
            var opensWithStopWord = _stopWords.Contains(first);
            var pieceOfName = !opensWithStopWord || (EndsClearly(text, surnameEnd) && surname.Length <= MaxNamePart
                && !HoldsStopWord(b, new Text.TextSpan(givenEnd + 1 + first.Length, surnameEnd)));
            if (surnameEnd - givenEnd - 1 >= 2 && !IsAbbreviated(text, surnameEnd) && pieceOfName
                && !StartsWithNameEnding(text, givenEnd + 1) && !_notNameWords.Contains(surname)
                && (!StartsWithNotName(surname) || IsSurnameOpeningWithACountry(text, surname, surnameEnd)))
            {
                end = surnameEnd;
                givenOnly = false;
            }
        }

        // "นายอู๋ จื้อ อู่ อุปทูต…", "นายจูเว็งซียู ดือ จือซุซ มาร์ติงซ์ เอกอัครราชทูต…": a foreign name written in Thai
        // runs to three or four parts; short parts are the name's when a role follows the last of them.
        if (!givenOnly)
        {
            end = ForeignNameEnd(b, end);
        }

        // "สธน เกษมสันต์ ณ อยุธยา": a royal-lineage surname ending belongs to the name.
        if (!givenOnly && SurnameTails.FirstOrDefault(t => text.AsSpan(end).StartsWith(t, StringComparison.Ordinal)) is { } tail
            && (end + tail.Length == text.Length || !char.IsLetter(text[end + tail.Length])))
        {
            end += tail.Length;
        }

        return (new Text.TextSpan(start, end), givenOnly);
    }

    private int ForeignNameEnd(TextBoundaries b, int end)
    {
        var text = b.Text;
        var at = end;
        for (var extra = 0; extra < 2 && at < text.Length - 1 && text[at] == ' ' && Gazetteer.IsThaiLetter(text[at + 1]); extra++)
        {
            var partEnd = ThaiRunEnd(b, at + 1);
            var part = text[(at + 1)..partEnd];
            if (part.Length > MaxForeignPart || IsAbbreviated(text, partEnd) || _stopWords.Contains(part) || _notNameWords.Contains(part)
                || StartsWithNameEnding(text, at + 1) || StartsWithNotName(part) || HoldsStopWord(b, new Text.TextSpan(at + 1, partEnd)))
            {
                return end;
            }

            if (partEnd < text.Length - 1 && text[partEnd] == ' ' && _roles.AnyAt(text, partEnd + 1))
            {
                return partEnd;
            }

            at = partEnd;
        }

        return end;
    }

    /// <summary>
    /// "น.ส.ซาบีดา ไทยเศรษฐ์ รมช.มหาดไทย": a surname may open with a country's name (ไทย…) when more follows
    /// it in the same word and the name clearly ends there.
    /// </summary>
    private bool IsSurnameOpeningWithACountry(string text, string surname, int surnameEnd) =>
        _countries.LongestAt(surname, 0) is > 0 and var country && country < surname.Length && _notNamePrefixes.LongestAt(surname, 0) <= country
        && surname.Length <= MaxNamePart && EndsClearly(text, surnameEnd);

    private bool EndsClearly(string text, int end) =>
        end >= text.Length || text[end] is ',' or '(' or '\n'
        || (text[end] == ' ' && end + 1 < text.Length && (_nameEndings.AnyAt(text, end + 1) || _titles.AnyAt(text, end + 1) || text[end + 1] is '(' or ','));

    /// <summary>"วุฒิฯ", "กรุงเทพฯ": a word cut short with ฯ is an abbreviation, not a name.</summary>
    public static bool IsAbbreviated(string text, int end) => end < text.Length && text[end] == 'ฯ';

    public bool StartsWithNameEnding(string text, int pos) => _nameEndings.AnyAt(text, pos);

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

    /// <summary>"ต่างประเทศในประเทศไทย": a function word inside is a phrase, not a name.</summary>
    public bool HoldsStopWord(TextBoundaries b, Text.TextSpan span)
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

    /// <summary>The word begins with an organisation head, a country or a role (กรม…, ญี่ปุ่น…, ผู้อำนวยการ…).</summary>
    public bool StartsWithNotName(string word) => _notNamePrefixes.AnyAt(word, 0);

    public static bool IsThaiMark(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E');
}
