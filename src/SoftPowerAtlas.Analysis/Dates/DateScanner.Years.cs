using System.Globalization;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>Years and the periods of a year: years with their word, festivals, names, meeting numbers, quarters.</summary>
internal sealed partial class DateScanner
{
    // A two-digit Buddhist Era year is read from 40 (2540 = 1997) on, as after a Thai month.
    private const int MinTwoDigitEra = 40;

    // How far back a festival's name may stand before its year (ลอยกระทง ’66).
    private const int YearNameReach = 30;

    // Thai words that make a bare year a plain one (ตั้งแต่ 2019), not part of a name.
    private static readonly string[] ThaiYearLeads = ["ตั้งแต่", "จนถึง", "ภายใน", "ก่อน", "หลัง", "ถึง", "ใน"];

    private DateCandidate? YearOnly(string text, Match m, bool english)
    {
        var y1 = m.Groups["y1"];
        var kw = m.Groups["kw"].Value;
        var strong = !english && kw.Contains('.', StringComparison.Ordinal);
        int year1;
        if (y1.Length == 2)
        {
            // ปี 66, ปี’65, พ.ศ. 66: a Buddhist Era year, unless the "ปี" closes a count of years (อายุ 20 ปี 15 วัน).
            var n = Number(y1.ValueSpan);
            if (english || n < MinTwoDigitEra || EndsWithNumber(text.AsSpan(0, m.Index)))
            {
                return null;
            }

            year1 = 2500 + n - 543;
        }
        else
        {
            year1 = GregorianYear(Number(y1.ValueSpan), kw);
        }

        var end = y1.Index + y1.Length;
        int? year2 = null;
        if (m.Groups["y2"].Success)
        {
            var y2 = GregorianYear(Number(m.Groups["y2"].ValueSpan), kw);
            var list = m.Groups["sep"].Value is "and" && !kw.Equals("between", StringComparison.OrdinalIgnoreCase);
            if (y2 > year1 && y2 - year1 < 100 && !list)
            {
                year2 = y2;
                end = m.Groups["y2"].Index + m.Groups["y2"].Length;
            }
        }

        var plausible = year1 is >= MinYear and <= MaxYear;
        if (!plausible && !strong)
        {
            return null;
        }

        var thaiPart = english || m.Groups["dl"].Success ? Match.Empty : Before(patterns.YearPartBefore, text, m.Index, 4);
        var part = PartOf(thaiPart.Success ? thaiPart.Value : kw);
        var mid = part == PeriodPart.Mid && year2 is null;

        // "in 2023", "early 2025", "กลางปี 2569": the word goes with the year, so that "2025" alone never stands for "May 2025".
        var start = english ? m.Groups["kw"].Index : thaiPart.Success ? thaiPart.Index : m.Index;
        var deadline = m.Groups["dl"].Success || (english && kw.ToUpperInvariant() is "BY" or "BEFORE" or "UNTIL")
            || (part != PeriodPart.Whole && AfterDeadlineWord(text, start));
        return new DateCandidate
        {
            Start = start,
            End = end,
            Kind = mid ? CandidateKind.Month : CandidateKind.Year,
            Year = year1,
            Month = mid ? 6 : null,
            EndYear = year2,
            Part = part,
            DeadlineWord = deadline,
            Error = plausible ? null : string.Create(CultureInfo.InvariantCulture, $"{y1.Value} is not a plausible year"),
        };
    }

    /// <summary>"by mid-2025", "ภายในกลางปี 2569": a part of a year written as a deadline.</summary>
    private static bool AfterDeadlineWord(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd(" \t\u00A0");
        foreach (var word in (ReadOnlySpan<string>)["ภายใน", "ก่อน", "by", "before", "until"])
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                && (word[0] > '\u0E00' || before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>กลางปี / mid-: the middle of the year (June); สิ้นปี / end of: its last day as a deadline.</summary>
    private static PeriodPart PartOf(string word) => InvariantCase.ToUpper(word.AsSpan().Trim()) switch
    {
        "ต้น" or "EARLY" => PeriodPart.Early,
        "กลาง" or "MID" or "MID-" => PeriodPart.Mid,
        "ปลาย" or "LATE" => PeriodPart.Late,
        "สิ้น" or "END OF" => PeriodPart.End,
        _ => PeriodPart.Whole,
    };

    private static bool EndsWithNumber(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(" \t\u00A0");
        return !before.IsEmpty && (char.IsAsciiDigit(before[^1]) || before[^1] is >= '\u0E50' and <= '\u0E59');
    }

    /// <summary>"in 2015 and 2017": each year of a list is a year of its own.</summary>
    private void ListedYears(string text, DateCandidate first, List<DateCandidate> found)
    {
        var at = first.End;
        while (patterns.ListedYearAfter.Match(text, at) is { Success: true } next)
        {
            var y = next.Groups["y1"];
            found.Add(new DateCandidate { Start = y.Index, End = y.Index + y.Length, Kind = CandidateKind.Year, Year = Number(y.ValueSpan) });
            at = y.Index + y.Length;
        }
    }

    /// <summary>ลอยกระทง 66, สงกรานต์ 2567: a festival followed by its year.</summary>
    private DateCandidate? NamedYear(string text, Match number)
    {
        var y = number.Groups["y2"];
        var name = Before(patterns.YearNameBefore, text, y.Index, YearNameReach);
        if (!name.Success || lexicon.CountsThings(text.AsSpan(y.Index + y.Length)))
        {
            return null;
        }

        var n = Number(y.ValueSpan);
        var year = y.Length == 2 ? n >= MinTwoDigitEra ? 2500 + n - 543 : (int?)null : GregorianYear(n, string.Empty);
        return year is >= MinYear and <= MaxYear
            ? new DateCandidate { Start = name.Index, End = y.Index + y.Length, Kind = CandidateKind.Year, Year = year }
            : null;
    }

    /// <summary>
    /// A four-digit year standing without a word of time: after a name (Expo 2025, งานวัฒนธรรม 2021), before one
    /// (the 2019 Unesco network), or a range of them (2023-2024 Mutual Visit Years). Not an amount (2000 people),
    /// nor a number a label claims (Room 2001).
    /// </summary>
    private DateCandidate? BareYear(string text, Match number)
    {
        var y = number.Groups["y2"];
        if (y.Length != 4)
        {
            return null;
        }

        var year = GregorianYear(Number(y.ValueSpan), string.Empty);
        var end = y.Index + y.Length;
        int? endYear = null;
        if (end + 5 <= text.Length && text[end] is '-' or '–' && IsFourDigits(text.AsSpan(end + 1, 4)) && (end + 5 == text.Length || !char.IsAsciiDigit(text[end + 5])))
        {
            var y2 = GregorianYear(Number(text.AsSpan(end + 1, 4)), string.Empty);
            if (y2 <= year || y2 - year > 10)
            {
                return null;
            }

            endYear = y2;
            end += 5;
        }
        else if (end < text.Length && text[end] is '-' or '–' or '/' or '.' or ',' or ':' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
        {
            return null;
        }

        // "the 1970s", "2020th": a decade or an ordinal, not a year.
        if (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] is '\'' or '’' && end + 1 < text.Length && text[end + 1] == 's'))
        {
            return null;
        }

        var before = text.AsSpan(Math.Max(0, y.Index - 24), Math.Min(24, y.Index));
        var after = text.AsSpan(end);
        if (year is < 1900 or > 2100 || (y.Index > 0 && text[y.Index - 1] is '#' or '@' or '$' or '฿' or '€' or '£' or '-' or '–' or '/' or '.' or ',' or ':')
            || lexicon.CountsThings(after) || lexicon.LabelsNumber(before) || !NameAround(before, after))
        {
            return null;
        }

        var trimmed = before.TrimEnd(" (\"“‘'");
        var plain = false;
        foreach (var lead in ThaiYearLeads)
        {
            plain |= trimmed.EndsWith(lead, StringComparison.Ordinal);
        }

        return new DateCandidate
        {
            Start = y.Index,
            End = end,
            Kind = CandidateKind.Year,
            Year = year,
            EndYear = endYear,
            NamesSomething = !plain,
            Priority = -1,
        };
    }

    /// <summary>
    /// "Expo 2025", "2019 Unesco": the year with the word of the name it stands in, so that a bare "2025" never
    /// stands for "May 2025" elsewhere. A word before it (up to 24 letters of Thai) unless it is a small
    /// lower-case word, else the Latin word after it.
    /// </summary>
    internal static (int Start, int End) WithNeighbourWord(string text, int start, int end)
    {
        var i = start > 0 && text[start - 1] == ' ' ? start - 1 : start;

        var word = i;
        while (word > 0 && start - word < 24 && (char.IsLetter(text[word - 1]) || IsThaiMark(text[word - 1]) || text[word - 1] is '.' or '-' or '\'' or '’'))
        {
            word--;
        }

        // A name's word (Expo, Festival, งาน…), not a small word of the sentence (the 2019 competition).
        if (word < i && !char.IsAsciiLetterLower(text[word]))
        {
            return (word, end);
        }

        var j = end;
        while (j < text.Length && text[j] == ' ' && j - end < 2)
        {
            j++;
        }

        var after = j;
        while (after < text.Length && after - j < 24 && char.IsAsciiLetter(text[after]))
        {
            after++;
        }

        return after > j ? (start, after) : (start, end);
    }

    private static bool IsFourDigits(ReadOnlySpan<char> s) => s.Length == 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]);

    /// <summary>A letter just before the year (one space or bracket between), or a capitalised Latin word just after it.</summary>
    private static bool NameAround(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        var b = before.TrimEnd(" (\"“‘'");
        if (before.Length - b.Length <= 2 && !b.IsEmpty && (char.IsLetter(b[^1]) || b[^1] is ')' || IsThaiMark(b[^1])))
        {
            return true;
        }

        var a = after.TrimStart(" )\"”’'");
        return after.Length - a.Length is > 0 and <= 2 && !a.IsEmpty && char.IsAsciiLetterUpper(a[0]);
    }

    private static bool IsThaiMark(char c) => c is >= '\u0E31' and <= '\u0E4E';

    /// <summary>ครั้งที่ 3/2566: the meeting's number and its year (a Buddhist Era one, or Gregorian).</summary>
    private static DateCandidate? MeetingNumber(Match m)
    {
        var y = m.Groups["y1"];
        var n = Number(y.ValueSpan);
        var year = y.Length == 2 ? n >= MinTwoDigitEra ? 2500 + n - 543 : 0 : GregorianYear(n, string.Empty);
        if (year is < 1900 or > 2100)
        {
            return null;
        }

        var number = m.Groups["n"];
        return new DateCandidate { Start = number.Index, End = y.Index + y.Length, Kind = CandidateKind.Year, Year = year, NamesSomething = true };
    }

    /// <summary>Q3 2025, the third quarter of next year, ไตรมาสที่ 3/2568: the quarter's first month to the last quarter's last.</summary>
    private DateCandidate? Quarter(string text, Match m)
    {
        var q1 = QuarterNumber(m.Groups["q"].Value);
        var q2 = m.Groups["q2"].Success ? QuarterNumber(m.Groups["q2"].Value) : q1;
        var end = m.Index + m.Length;
        if (q1 is < 1 or > 4 || q2 < q1 || q2 > 4 || FiscalAfter(text.AsSpan(end)))
        {
            return null;
        }

        int? year = null;
        int? offset = null;
        var y = m.Groups["y1"];
        if (y.Success)
        {
            var n = Number(y.ValueSpan);
            year = y.Length == 2 ? n >= MinTwoDigitEra ? 2500 + n - 543 : null : GregorianYear(n, m.Groups["e1"].Value);
            if (year is not (>= MinYear and <= MaxYear))
            {
                return null;
            }
        }
        else if (m.Groups["rel"].Success)
        {
            offset = m.Groups["rel"].Value.ToUpperInvariant() switch
            {
                "NEXT" or "ปีหน้า" => 1,
                "LAST" or "ปีที่แล้ว" or "ปีก่อน" => -1,
                _ => 0,
            };
        }
        else if (m.Value.EndsWith("year", StringComparison.OrdinalIgnoreCase))
        {
            offset = 0;
        }

        // "the first quarter" ends at its word; a trailing space or comma the pattern took is not part of it.
        while (end > m.Index && text[end - 1] is ' ' or ',')
        {
            end--;
        }

        return new DateCandidate
        {
            Start = m.Index,
            End = end,
            Kind = CandidateKind.Quarter,
            Year = year,
            Month = ((q1 - 1) * 3) + 1,
            EndMonth = q2 * 3,
            YearOffset = offset,
        };
    }

    private int QuarterNumber(string written) => lexicon.NumberValue(written);

    private static bool FiscalAfter(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(" \t\u00A0/,");
        return after.StartsWith("FY", StringComparison.Ordinal) || after.StartsWith("fiscal", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("ปีงบ", StringComparison.Ordinal);
    }
}
