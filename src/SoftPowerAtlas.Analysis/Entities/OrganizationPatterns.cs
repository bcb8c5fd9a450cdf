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
    Venue,

    /// <summary>A body that is also a building (a museum, a library): a venue where the text says something happens there.</summary>
    Institution,

    /// <summary>"รัฐบาล" + a known country or city: that country's or city's government, and nothing after it.</summary>
    Government,

    /// <summary>"เทศบาลนคร" + a known city: ends with the city's name (Thai writes the next word glued to it); else read as any name.</summary>
    Municipality,
}

/// <summary>
/// Finds organisation names that are not in the reference data by how Thai writes them: a head word
/// (กรม, สำนักงาน, คณะกรรมการ…) followed by the rest of the name up to a space or a word that ends it
/// (a verb or function word: ร่วม, เป็น, เดินทาง), unless a phrase continues the name (ส่งเสริม,
/// ที่จับต้องไม่ได้, ของ + another body). A company runs to its legal suffix (บริษัท การบินไทย จำกัด
/// (มหาชน)); a head followed by a word that makes it generic (มหาวิทยาลัยชั้นนำ, บริษัทผู้ผลิต,
/// สถานเอกอัครราชทูตต่างประเทศ) is no name. English names are <see cref="EnglishOrganizationPatterns"/>.
/// </summary>
internal sealed class OrganizationPatterns
{
    private const int MaxNameLength = 90;
    private const int MaxCompanyWords = 6;

    // "สำนักงานใหญ่", "หน่วยงานดังกล่าว", "มหาวิทยาลัยชั้นนำ": a head word with a common word after it is not a name;
    // nor is one with the kind of its members ("คณะกรรมการผู้ทรงคุณวุฒิ", the qualified members; "คณะผู้บริหาร").
    private static readonly string[] GenericTails =
        ["ผู้ทรงคุณวุฒิ", "ผู้บริหาร", "ใหญ่", "ต่าง", "ดังกล่าว", "นี้", "นั้น", "ฯลฯ", "ทั้ง", "อื่น", "เดียวกัน", "ของ", "ชั้น", "ระดับ", "เอกชน", "หลาย", "ทุก", "ในสังกัด", "ที่เกี่ยวข้อง", "ภาครัฐ", "ท้องถิ่น"];

    /// <summary>What after ประเทศ names any number of countries, no group of its own (ประเทศสมาชิกอาเซียน is one: a foreign body).</summary>
    private static readonly string[] ManyCountries = ["ต่าง"];

    private static readonly string[] GenericAnywhere = ["เพื่อนบ้าน", "ต่างๆ", "ต่าง ๆ", "ทั่วโลก", "ทั่วประเทศ", "ทุกแห่ง", "หลายแห่ง"];

    // "สถาบันการศึกษา", "สถาบันอุดมศึกษา": an institution named by its kind.
    private static readonly string[] GenericInstitutions = ["สถาบันการศึกษา", "สถาบันอุดมศึกษา"];

    private static readonly string[] PeopleWords = ["ผู้", "คน", "ประชาชน", "ชาว", "เจ้าหน้าที่", "ข้าราชการ", "บุคลากร"];

    private static readonly string[] CompanyHeads = ["บริษัท", "ห้างหุ้นส่วนจำกัด", "ห้างหุ้นส่วน"];

    private readonly (string Head, PatternKind Kind)[] _thaiHeads;
    private readonly FrozenSet<string> _stopWords;
    private readonly string[] _splitStopWords;
    private readonly string[] _continuations;

    /// <summary>Heads of bodies that keep branches in several cities, each named by its city after ณ.</summary>
    private static readonly FrozenSet<string> BranchHeads = FrozenSet.Create(StringComparer.Ordinal, "ศูนย์วัฒนธรรม", "สำนักงาน");

    public OrganizationPatterns()
    {
        _continuations = [.. EmbeddedWordList.Lines("Entities/Data/thai-name-continuations.txt")];
        _thaiHeads = [.. EmbeddedWordList.Rows("Entities/Data/org-heads.tsv")
            .Where(r => r.Length >= 3 && r[1] == "thai")
            .Select(r => (r[0], r[2] switch
            {
                "committee" => PatternKind.Committee,
                "embassy" => PatternKind.Embassy,
                "division" => PatternKind.Division,
                "institution" => PatternKind.Institution,
                "government" => PatternKind.Government,
                "municipality" => PatternKind.Municipality,
                _ => PatternKind.Organization,
            }))
            .OrderByDescending(h => h.Item1.Length)];
        _stopWords = EmbeddedWordList.Lines("Entities/Data/thai-stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        _splitStopWords = [.. _stopWords.Where(w => w.Length >= 5)];
    }

    public void Find(TextBoundaries b, IReadOnlyList<(Text.TextSpan Span, GazetteerEntry Entry)> known, List<(Text.TextSpan Span, PatternKind Kind)> found)
    {
        var text = b.Text;
        var bodies = known.Where(k => k.Entry.Kind is EntityKind.ThaiOrganization or EntityKind.ForeignOrganization or EntityKind.InternationalOrganization)
            .GroupBy(k => k.Span.Start).ToDictionary(g => g.Key, g => g.Max(k => k.Span.End));
        var places = known.Where(k => k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace or EntityKind.Province)
            .GroupBy(k => k.Span.Start).ToDictionary(g => g.Key, g => g.Max(k => k.Span.End));
        var abroad = known.Where(k => k.Entry.Kind is EntityKind.Country or EntityKind.ForeignPlace)
            .GroupBy(k => k.Span.Start).ToDictionary(g => g.Key, g => g.Max(k => k.Span.End));
        for (var i = 0; i < text.Length; i++)
        {
            if (!Gazetteer.IsThaiLetter(text[i]) || !b.IsBoundary(i))
            {
                continue;
            }

            foreach (var (head, kind) in _thaiHeads)
            {
                // "กรมการท่องเที่ยวและวัฒนธรรมมณฑลยูนนาน": a known body the segmenter reads as one word may go on into a
                // longer name; its head is read then, and the name kept only where it goes past the known one.
                var knownEnd = -1;
                if (!text.AsSpan(i).StartsWith(head, StringComparison.Ordinal)
                    || (!b.IsBoundary(i + head.Length) && !(bodies.TryGetValue(i, out knownEnd) && b.IsBoundary(knownEnd))))
                {
                    continue;
                }

                var end = knownEnd >= 0 ? KnownBodyGoesOn(b, i + head.Length, knownEnd, kind, bodies, abroad)
                    : CompanyHeads.Contains(head) ? CompanyEnd(text, i + head.Length)
                    : kind == PatternKind.Government ? GovernmentEnd(text, i + head.Length, places)
                    : kind == PatternKind.Municipality && GovernmentEnd(text, i + head.Length, places) is var city && city > i + head.Length ? city
                    : ExtendThai(b, i + head.Length, kind, bodies);
                end = AbbreviationEnd(text, i + head.Length, end);
                // "ศูนย์วัฒนธรรมอาเซียน ณ นครปูซาน": a centre or office named by its known city is that branch (a body the reference
                // lists, "สำนักงานส่งเสริมการค้าในต่างประเทศ ณ กรุงปารีส", stays that body: its page gathers every city's office).
                if (knownEnd < 0 && BranchHeads.Contains(head) && end > i + head.Length && text.AsSpan(end).StartsWith(" ณ ", StringComparison.Ordinal)
                    && places.TryGetValue(end + 3, out var cityEnd) && b.IsBoundary(cityEnd))
                {
                    end = cityEnd;
                }

                var tail = text.AsSpan(i + head.Length, end - i - head.Length);
                // "ความร่วมมือด้านพิพิธภัณฑ์วิทยา": after ด้าน a head word names a field of work, not a body.
                if (GenericInstitutions.Any(g => text.AsSpan(i).StartsWith(g, StringComparison.Ordinal))
                    || (kind == PatternKind.Institution && text.AsSpan(0, i).EndsWith("ด้าน", StringComparison.Ordinal)))
                {
                    break;
                }

                if (knownEnd >= 0 && end <= knownEnd)
                {
                    break;
                }

                if ((end - i - head.Length >= 2 && !IsGeneric(tail)) || (kind == PatternKind.Embassy && end > i + head.Length && !IsGeneric(tail)))
                {
                    found.Add((new Text.TextSpan(i, end), kind is PatternKind.Government or PatternKind.Municipality ? PatternKind.Organization : kind));
                    i = end - 1;
                }

                break;
            }
        }
    }

    /// <summary>
    /// Where a known body's name read as one word goes on into a longer name: up to the country or foreign place glued
    /// to it (กระทรวงการต่างประเทศแคนาดา: a Thai province's office is a known body of its own), or on through แห่ง,
    /// และ, ประจำ, มณฑล (กรมการท่องเที่ยวแห่งราชอาณาจักรภูฏาน); anything else (a verb written without a space) ends it
    /// where it ends.
    /// </summary>
    private int KnownBodyGoesOn(TextBoundaries b, int afterHead, int knownEnd, PatternKind kind, Dictionary<int, int> bodies, Dictionary<int, int> abroad)
    {
        var text = b.Text;
        if (abroad.TryGetValue(knownEnd, out var placeEnd))
        {
            return placeEnd;
        }

        var rest = text.AsSpan(knownEnd);
        return rest.StartsWith("แห่ง", StringComparison.Ordinal) || rest.StartsWith("และ", StringComparison.Ordinal) || rest.StartsWith("ประจำ", StringComparison.Ordinal)
            || rest.StartsWith("มณฑล", StringComparison.Ordinal)
            ? ExtendThai(b, afterHead, kind, bodies)
            : knownEnd;
    }

    private int ExtendThai(TextBoundaries b, int start, PatternKind kind, Dictionary<int, int> bodies)
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

                // "สถานเอกอัครราชทูต ณ กรุง…", "สถานเอกอัครราชทูตไทย ณ กรุง…": the mission named by its city.
                if (kind == PatternKind.Embassy && (end == start || text.AsSpan(start, end - start) is "ไทย") && rest.StartsWith("ณ ", StringComparison.Ordinal))
                {
                    return PlaceEnd(b, pos + 3);
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

            // "ส่งเสริม", "ว่าด้วย", "ที่จับต้องไม่ได้": a phrase that continues a name, read whole.
            if (_continuations.FirstOrDefault(c => text.AsSpan(pos).StartsWith(c, StringComparison.Ordinal)) is { } phrase && b.IsBoundary(pos + phrase.Length))
            {
                pos += phrase.Length;
                end = pos;
                continue;
            }

            var tokenEnd = NextBoundary(b, pos);
            var word = text[pos..tokenEnd];

            // "กระทรวงวัฒนธรรมลงนาม…" segmented ลง|นาม: a verb the dictionary cut in two still ends the name.
            if (_splitStopWords.Any(w => text.AsSpan(pos).StartsWith(w, StringComparison.Ordinal) && pos + w.Length > tokenEnd && b.IsBoundary(pos + w.Length)))
            {
                break;
            }

            // "…ของยูเนสโก", "…ขององค์การยูเนสโก": ของ before another body's name continues the name it belongs to.
            if (word == "ของ" && bodies.TryGetValue(tokenEnd, out var bodyEnd))
            {
                pos = bodyEnd;
                end = pos;
                continue;
            }

            // "หอศิลป์และแหล่งเรียนรู้…": a head word joined by และ before any name of its own is a kind of place, not a body.
            if (word == "และ" && end == start)
            {
                break;
            }

            // "มูลนิธิการแสดงศิลปวัฒนธรรม…": a verb after การ / ความ is made a noun of the name, not a verb ending it.
            var nominal = pos - start >= 3 && (text.AsSpan(start, pos - start).EndsWith("การ", StringComparison.Ordinal) || text.AsSpan(start, pos - start).EndsWith("ความ", StringComparison.Ordinal))
                && word is not ("และ" or "ของ");
            if (!nominal && _stopWords.Contains(word) && !(word == "และ" && ContinuesName(text, tokenEnd, b.Roles)) && !(word == "ของ" && StartsWithHead(text, tokenEnd)))
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
    private bool ContinuesName(string text, int after, PrefixWords? roles)
    {
        // "…กระทรวงวัฒนธรรมและผู้บริหารระดับสูง", "กระทรวงการต่างประเทศและรัฐมนตรีว่าการ…", "รัฐบาลไทยและคนไทย": และ
        // before a word for people (ผู้บริหาร, ผู้แทน, คน, ประชาชน) or a post ends the name.
        if (after >= text.Length || !Gazetteer.IsThaiLetter(text[after]) || PeopleWords.Any(w => text.AsSpan(after).StartsWith(w, StringComparison.Ordinal)) || roles?.AnyAt(text, after) == true)
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

    /// <summary>"…ขององค์การยูเนสโก": ของ before another body's head word continues the name it belongs to.</summary>
    private bool StartsWithHead(string text, int at)
    {
        foreach (var (head, _) in _thaiHeads)
        {
            if (text.AsSpan(at).StartsWith(head, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"รัฐบาลญี่ปุ่น", "รัฐบาลกรุงมอสโก", "เทศบาลนครซิดนีย์": the government of a known country or city ends with its name.</summary>
    private static int GovernmentEnd(string text, int start, Dictionary<int, int> places)
    {
        foreach (var prefix in (string[])["", "กรุง", "นคร", "เมือง", "ประเทศ", "แห่ง"])
        {
            if (text.AsSpan(start).StartsWith(prefix, StringComparison.Ordinal) && places.TryGetValue(start + prefix.Length, out var end))
            {
                return end;
            }
        }

        return start;
    }

    /// <summary>
    /// "กรมปชส.พาคณะทูต…": a short form closed by its full stop ends the name, whatever Thai writes glued after it; the
    /// stops between single letters (สำนักงาน ก.พ.ร.) are inside it.
    /// </summary>
    private static int AbbreviationEnd(string text, int from, int end)
    {
        for (var k = from + 2; k < end - 1; k++)
        {
            if (text[k] == '.' && Gazetteer.IsThaiLetter(text[k - 1]) && Gazetteer.IsThaiLetter(text[k - 2]) && Gazetteer.IsThaiLetter(text[k + 1]))
            {
                return k + 1;
            }
        }

        return end;
    }

    /// <summary>"บริษัท การบินไทย จำกัด (มหาชน)", "บริษัทไทยเบฟจำกัด": a company's name runs to its legal suffix; without one there is no name.</summary>
    private static int CompanyEnd(string text, int start)
    {
        var limit = start;
        for (var words = 0; words <= MaxCompanyWords && limit < text.Length; words++)
        {
            var wordEnd = WordEnd(text, limit < text.Length && text[limit] == ' ' ? limit + 1 : limit);
            var at = text.IndexOf("จำกัด", limit, wordEnd - limit, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = at + "จำกัด".Length;
                foreach (var suffix in (string[])[" (มหาชน)", "(มหาชน)", " มหาชน"])
                {
                    if (text.AsSpan(end).StartsWith(suffix, StringComparison.Ordinal))
                    {
                        return end + suffix.Length;
                    }
                }

                return end;
            }

            if (wordEnd >= text.Length || text[wordEnd] != ' ')
            {
                break;
            }

            limit = wordEnd;
        }

        return start;
    }

    private static bool IsGeneric(ReadOnlySpan<char> tail)
    {
        var t = tail.TrimStart(' ');

        // "มหาวิทยาลัยไทย", "สำนักพิมพ์ไทย": Thai universities, Thai publishers; "…ประจำประเทศเพื่อนบ้าน": any of several;
        // "(สำนักงาน)องค์การระหว่างประเทศ": (the offices of) international organisations, any of them.
        if (t.SequenceEqual("ไทย") || t.SequenceEqual("ต่างประเทศ") || t.SequenceEqual("ระหว่างประเทศ") || t.SequenceEqual("องค์การระหว่างประเทศ"))
        {
            return true;
        }

        // "สถานเอกอัครราชทูตประเทศต่าง ๆ": the missions of any countries, no body.
        if (t.StartsWith("ประเทศ", StringComparison.Ordinal))
        {
            var countries = t["ประเทศ".Length..];
            foreach (var w in ManyCountries)
            {
                if (countries.StartsWith(w, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (!countries.IsEmpty && IsGeneric(countries))
            {
                return true;
            }
        }

        foreach (var g in GenericAnywhere)
        {
            if (t.Contains(g, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var g in GenericTails)
        {
            if (t.StartsWith(g, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// The end of the place a mission is named by: the word after ณ, up to a word that goes on with the sentence
    /// ("สถานกงสุลใหญ่ ณ นครคุนหมิงร่วมกับ…", "… ณ นครคุนหมิงจัดกิจกรรม…": Thai writes no space before it).
    /// </summary>
    private int PlaceEnd(TextBoundaries b, int start)
    {
        var text = b.Text;
        var end = WordEnd(text, start);
        for (var pos = start; pos < end;)
        {
            var tokenEnd = Math.Min(NextBoundary(b, pos), end);
            if (pos > start && (_stopWords.Contains(text[pos..tokenEnd]) || _splitStopWords.Any(w => text.AsSpan(pos, end - pos).StartsWith(w, StringComparison.Ordinal))))
            {
                return pos;
            }

            pos = tokenEnd;
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
}
