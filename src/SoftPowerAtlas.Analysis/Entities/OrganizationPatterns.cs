using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>What kind of name a pattern found.</summary>
internal enum PatternKind : byte
{
    Organization,
    Committee,
    Embassy,
    Division,
}

/// <summary>
/// Finds organisation names that are not in the reference data by how Thai and English write them:
/// a head word (กรม, สำนักงาน, คณะกรรมการ…, or an English run of capitalised words holding
/// Agency, Group, Ministry…) followed by the rest of the name up to a space or a function word.
/// </summary>
internal sealed class OrganizationPatterns
{
    private const int MaxNameLength = 90;
    private static readonly string[] EnglishConnectors = ["of", "the", "and", "for", "de", "du", "des", "la", "le", "&", "on"];

    // "สำนักงานใหญ่", "หน่วยงานดังกล่าว": a head word with a common word after it is not a name.
    private static readonly FrozenSet<string> GenericTails = FrozenSet.Create(StringComparer.Ordinal,
        "ใหญ่", "ต่างๆ", "ดังกล่าว", "นี้", "นั้น", "ฯ", "ทั้งหมด", "อื่นๆ", "เดียวกัน", "ของ");

    private readonly (string Head, PatternKind Kind)[] _thaiHeads;
    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string> _englishOrgWords;

    private readonly string[] _englishRoles;

    public OrganizationPatterns(IEnumerable<string> englishRoles)
    {
        _englishRoles = [.. englishRoles.Where(r => r.Length > 2).Distinct(StringComparer.Ordinal).OrderByDescending(r => r.Length)];
        _thaiHeads = [.. EmbeddedWordList.Rows("Entities/Data/org-heads.tsv")
            .Where(r => r.Length >= 3 && r[1] == "thai")
            .Select(r => (r[0], r[2] switch
            {
                "committee" => PatternKind.Committee,
                "embassy" => PatternKind.Embassy,
                "division" => PatternKind.Division,
                _ => PatternKind.Organization,
            }))
            .OrderByDescending(h => h.Item1.Length)];
        _stopWords = EmbeddedWordList.Lines("Entities/Data/thai-stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        _englishOrgWords = EmbeddedWordList.Lines("Entities/Data/org-words-en.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public List<(Text.TextSpan Span, PatternKind Kind)> Find(TextBoundaries b)
    {
        var found = new List<(Text.TextSpan, PatternKind)>();
        FindThai(b, found);
        FindEnglish(b.Text, found);
        return found;
    }

    private void FindThai(TextBoundaries b, List<(Text.TextSpan, PatternKind)> found)
    {
        var text = b.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Gazetteer.IsThaiLetter(text[i]) || !b.IsBoundary(i))
            {
                continue;
            }

            foreach (var (head, kind) in _thaiHeads)
            {
                if (!text.AsSpan(i).StartsWith(head, StringComparison.Ordinal) || !b.IsBoundary(i + head.Length))
                {
                    continue;
                }

                var end = ExtendThai(b, i + head.Length, kind);
                if (end - i - head.Length >= 2 && !GenericTails.Contains(text[(i + head.Length)..end]) || (kind == PatternKind.Embassy && end > i + head.Length))
                {
                    found.Add((new Text.TextSpan(i, end), kind));
                    i = end - 1;
                }

                break;
            }
        }
    }

    private int ExtendThai(TextBoundaries b, int start, PatternKind kind)
    {
        var text = b.Text;
        var end = start;
        var pos = start;
        while (pos < text.Length && pos - start < MaxNameLength)
        {
            var c = text[pos];
            if (c == ' ')
            {
                var rest = text.AsSpan(pos + 1);
                if (rest.StartsWith("(องค์การมหาชน)", StringComparison.Ordinal))
                {
                    end = pos + 1 + "(องค์การมหาชน)".Length;
                    break;
                }

                if (kind == PatternKind.Committee && rest.StartsWith("ด้าน", StringComparison.Ordinal))
                {
                    return ExtendSectorList(text, pos + 1);
                }

                if (kind == PatternKind.Embassy && end == start && rest.StartsWith("ณ ", StringComparison.Ordinal))
                {
                    var placeEnd = WordEnd(text, pos + 3);
                    return placeEnd;
                }

                break;
            }

            if (c == 'ฯ' || c == '.')
            {
                pos++;
                end = pos;
                continue;
            }

            if (!Gazetteer.IsThaiLetter(c) && !char.IsDigit(c))
            {
                break;
            }

            var tokenEnd = NextBoundary(b, pos);
            var word = text[pos..tokenEnd];
            if (_stopWords.Contains(word) && !(word == "และ" && ContinuesName(text, tokenEnd)))
            {
                break;
            }

            pos = tokenEnd;
            end = pos;
        }

        return end;
    }

    /// <summary>
    /// "กรมวัฒนธรรมและการท่องเที่ยว…": และ written without spaces joins parts of one name, unless
    /// another organisation's head word follows it (กรมศิลปากรและกรมส่งเสริมวัฒนธรรม).
    /// </summary>
    private bool ContinuesName(string text, int after)
    {
        if (after >= text.Length || !Gazetteer.IsThaiLetter(text[after]))
        {
            return false;
        }

        foreach (var (head, _) in _thaiHeads)
        {
            if (text.AsSpan(after).StartsWith(head, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"ด้านภาพยนตร์ ละคร และซีรีส์": the ด้าน word, then short words up to one starting with และ.</summary>
    private static int ExtendSectorList(string text, int start)
    {
        var end = WordEnd(text, start);
        var pos = end;
        for (var words = 0; words < 4 && pos < text.Length && text[pos] == ' '; words++)
        {
            var wordEnd = WordEnd(text, pos + 1);
            var word = text.AsSpan(pos + 1, wordEnd - pos - 1);
            if (word.Length == 0 || word.Length > 12 || !Gazetteer.IsThaiLetter(word[0]))
            {
                break;
            }

            if (word.StartsWith("และ", StringComparison.Ordinal))
            {
                return wordEnd;
            }

            pos = wordEnd;
        }

        return end;
    }

    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '“' or '”' or ',' or '(' or ')'))
        {
            i++;
        }

        return i;
    }

    private static int NextBoundary(TextBoundaries b, int pos)
    {
        var i = pos + 1;
        while (i < b.Text.Length && !b.IsBoundary(i))
        {
            i++;
        }

        return i;
    }

    private void FindEnglish(string text, List<(Text.TextSpan, PatternKind)> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterUpper(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            // Collect a run of capitalised words and connectors.
            var runStart = i;
            var lastCapitalEnd = i;
            var hasOrgWord = false;
            var pos = i;
            while (pos < text.Length)
            {
                var wordEnd = pos;
                while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] is '.' or '-' or '\'' or '’' or '&'))
                {
                    wordEnd++;
                }

                if (wordEnd == pos)
                {
                    break;
                }

                var word = text[pos..wordEnd];
                var bare = word.TrimEnd('.');
                if (char.IsUpper(word[0]))
                {
                    hasOrgWord |= _englishOrgWords.Contains(word) || _englishOrgWords.Contains(bare);
                    lastCapitalEnd = word.EndsWith('.') && !_englishOrgWords.Contains(word) ? wordEnd - 1 : wordEnd;
                }
                else if (!EnglishConnectors.Contains(word, StringComparer.Ordinal))
                {
                    break;
                }

                if (wordEnd >= text.Length || text[wordEnd] != ' ')
                {
                    break;
                }

                pos = wordEnd + 1;
            }

            if (hasOrgWord && lastCapitalEnd > runStart)
            {
                var start = text.AsSpan(runStart).StartsWith("The ", StringComparison.Ordinal) ? runStart + 4 : runStart;
                start = AfterRole(text, start, lastCapitalEnd);
                if (start < lastCapitalEnd)
                {
                    found.Add((new Text.TextSpan(start, lastCapitalEnd), PatternKind.Organization));
                }
            }

            i = Math.Max(lastCapitalEnd, i + 1);
        }
    }

    /// <summary>"Cultural Attaché of the French Embassy": a role and "of (the)" before a name are not part of it.</summary>
    private int AfterRole(string text, int start, int end)
    {
        var pos = start;
        foreach (var modifier in (string[])["Deputy ", "Acting ", "Vice ", "Assistant ", "Senior "])
        {
            if (text.AsSpan(pos).StartsWith(modifier, StringComparison.Ordinal))
            {
                pos += modifier.Length;
                break;
            }
        }

        foreach (var role in _englishRoles)
        {
            if (!text.AsSpan(pos, end - pos).StartsWith(role, StringComparison.Ordinal))
            {
                continue;
            }

            var after = pos + role.Length;
            foreach (var c in (string[])[" of the ", " of "])
            {
                if (text.AsSpan(after, end - after).StartsWith(c, StringComparison.Ordinal))
                {
                    return after + c.Length;
                }
            }

            return start;
        }

        return start;
    }
}
