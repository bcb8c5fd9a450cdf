using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>Reading the parts of a match: month words in context, years by era, times, digits.</summary>
internal sealed partial class DateScanner
{
    private static bool IsThaiConsonant(char c) => c is >= '\u0E01' and <= '\u0E2E';

    private static bool IsThaiLetter(char c) => c is >= '\u0E01' and <= '\u0E4E' and not '\u0E2F';

    /// <summary>
    /// Reads a month word and checks it has what its kind needs: an abbreviation without dots needs
    /// a year after it, and neither it nor a clipped name (ตุลา) may run into a longer Thai word.
    /// <paramref name="afterMonthWord"/>: the group follows เดือน, which is no word it could run into.
    /// </summary>
    private bool ReadMonth(string text, Group group, bool yearFollows, out int month, out bool thai, bool afterMonthWord = false)
    {
        var value = group.ValueSpan;
        var at = group.Index;
        var prefixed = false;
        if (value.StartsWith("เดือน"))
        {
            prefixed = true;
            var skip = Skip(value, "เดือน".Length);
            value = value[skip..];
            at += skip;
        }
        else if (value.StartsWith("of"))
        {
            var skip = Skip(value, 2);
            value = value[skip..];
            at += skip;
        }

        thai = false;
        if (!lexicon.TryMonth(value.TrimEnd(), out month, out var kind))
        {
            return false;
        }

        thai = kind != MonthKind.English;
        var after = group.Index + group.Length;
        var next = after < text.Length ? text[after] : ' ';
        var before = !prefixed && !afterMonthWord && at > 0 ? text[at - 1] : ' ';
        switch (kind)
        {
            case MonthKind.Abbreviation:
                var dotted = value.Contains('.');
                if (!dotted && (!yearFollows || IsThaiLetter(next)))
                {
                    return false;
                }

                // ก.ค.ศ., อ.ก.ค. and the like are agency initials, not months.
                var nextIsInitial = after + 1 < text.Length && IsThaiConsonant(next) && text[after + 1] == '.';
                var prevIsInitial = before == '.' || IsThaiConsonant(before);
                return !nextIsInitial && !prevIsInitial;
            case MonthKind.Short:
                return !IsThaiLetter(next) && !IsThaiConsonant(before);
            default:
                return true;
        }
    }

    private static int Skip(ReadOnlySpan<char> value, int count)
    {
        var i = count;
        while (i < value.Length && char.IsWhiteSpace(value[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads a written year as Gregorian, moving <paramref name="end"/> past it; null when there is none or it is refused.</summary>
    private static int? ReadYear(Group year, Group? era, TwoDigitYears twoDigits, ref int end, out bool implausible)
    {
        implausible = false;
        if (!year.Success)
        {
            return null;
        }

        var n = Number(year.ValueSpan);
        int gregorian;
        if (year.Length == 2)
        {
            switch (twoDigits)
            {
                // 29 พ.ค. 67: a two-digit year after a Thai month is Buddhist Era (25xx).
                case TwoDigitYears.BuddhistEra when n >= 40:
                    gregorian = 2500 + n - 543;
                    break;
                case TwoDigitYears.DayMonthYear:
                    gregorian = n >= 43 ? 2500 + n - 543 : 2000 + n;
                    break;
                default:
                    return null;
            }
        }
        else
        {
            gregorian = GregorianYear(n, era is { Success: true } ? era.Value : string.Empty);
        }

        implausible = gregorian is < MinYear or > MaxYear;
        end = Math.Max(end, year.Index + year.Length);
        return gregorian;
    }

    /// <summary>พ.ศ./B.E. years are Buddhist Era, ค.ศ./A.D. Gregorian; an unmarked year of 2400 or more is Buddhist Era.</summary>
    private static int GregorianYear(int written, string era)
    {
        if (era.Contains('ค', StringComparison.Ordinal) || era.Contains('A', StringComparison.Ordinal) || era.Contains('C', StringComparison.Ordinal))
        {
            return written;
        }

        if (era.Contains('พ', StringComparison.Ordinal) || era.Contains('B', StringComparison.Ordinal))
        {
            return written - 543;
        }

        return written >= 2400 ? written - 543 : written;
    }

    private static int? FiscalNumber(Group group, bool thai)
    {
        var n = Number(group.ValueSpan);
        if (group.Length == 2)
        {
            return thai ? 2500 + n - 543 : 2000 + n;
        }

        return n >= 2400 ? n - 543 : n;
    }

    /// <summary>
    /// Reads a time after a date when it is plainly one: after "at"/เวลา, before hrs/น./a.m., or with
    /// a colon. Moves <paramref name="end"/> past it.
    /// </summary>
    private static (int? Hour, int? Minute) ReadTime(Match m, ref int end)
    {
        var hh = m.Groups["hh"];
        if (!m.Groups["time"].Success || !hh.Success)
        {
            return (null, null);
        }

        var suffix = m.Groups["tsfx"];
        var minutes = m.Groups["mi"];
        var meridiem = suffix.Success && suffix.Value.Contains('m', StringComparison.OrdinalIgnoreCase) && !suffix.Value.StartsWith('h');
        var plain = m.Groups["tcue"].Success || suffix.Success || m.Groups["tsep"].Value == ":";
        if (!plain || (!minutes.Success && !meridiem))
        {
            return (null, null);
        }

        var hour = Number(hh.ValueSpan);
        var minute = minutes.Success ? Number(minutes.ValueSpan) : 0;
        if (meridiem)
        {
            var pm = suffix.Value[0] is 'p' or 'P';
            if (hour is < 1 or > 12)
            {
                return (null, null);
            }

            hour = pm ? (hour % 12) + 12 : hour % 12;
        }

        if (hour > 23 || minute > 59)
        {
            return (null, null);
        }

        var last = suffix.Success ? suffix : minutes.Success ? minutes : hh;
        end = Math.Max(end, last.Index + last.Length);
        return (hour, minute);
    }

    /// <summary>A single day, a range of days in one month (28-30), or across months (28 มิ.ย. - 2 ก.ค.).</summary>
    private static DateCandidate Range(int start, int end, int d1, int? month1, int? year1, int? d2, int month2, int? year2, int? hour, int? minute)
    {
        if (d2 is null)
        {
            return new DateCandidate { Start = start, End = end, Kind = CandidateKind.Date, Year = year2, Month = month2, Day = d1, Hour = hour, Minute = minute };
        }

        if (month1 is null)
        {
            return new DateCandidate
            {
                Start = start,
                End = end,
                Kind = CandidateKind.Date,
                Year = year2,
                Month = month2,
                Day = d1,
                EndYear = year2,
                EndMonth = month2,
                EndDay = d2,
                Hour = hour,
                Minute = minute,
                Error = d2 <= d1 ? "the range of days ends before it starts" : null,
            };
        }

        return new DateCandidate
        {
            Start = start,
            End = end,
            Kind = CandidateKind.Date,
            Year = year1 ?? (year2 is null ? null : month1 > month2 ? year2 - 1 : year2),
            Month = month1,
            Day = d1,
            EndYear = year2,
            EndMonth = month2,
            EndDay = d2,
            Hour = hour,
            Minute = minute,
        };
    }

    /// <summary>
    /// Matches a right-to-left pattern (one ending in \z) against at most <paramref name="reach"/>
    /// characters of the same line before <paramref name="at"/>.
    /// </summary>
    private static Match Before(Regex pattern, string text, int at, int reach)
    {
        var from = Math.Max(0, at - reach);
        var newline = text.LastIndexOf('\n', Math.Max(at - 1, 0), at - from);
        if (newline >= 0)
        {
            from = newline + 1;
        }

        return at > from ? pattern.Match(text, from, at - from) : Match.Empty;
    }

    /// <summary>Where a date opening with a day number really starts: at วันพุธที่, ภายในวันที่ or "Tuesday, " before it.</summary>
    private int PrefixStart(string text, int dayAt)
    {
        var prefix = Before(patterns.DayPrefix, text, dayAt, 40);
        if (!prefix.Success || (prefix.Index > 0 && char.IsAsciiLetter(text[prefix.Index - 1]) && char.IsAsciiLetter(text[prefix.Index])))
        {
            return dayAt;
        }

        return prefix.Index;
    }

    /// <summary>Value of ASCII or Thai digits (a Latin o typed for a Thai zero counts as 0).</summary>
    internal static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c is 'o' or 'O' ? 0 : c >= '\u0E50' ? c - '\u0E50' : c - '0');
        }

        return n;
    }

}
