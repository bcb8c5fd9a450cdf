using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Runs every date shape over a text and reads the parts of each match into a candidate, refusing
/// matches whose context says they are not dates (a bare ม.ค without its year, ตุลา in ตุลาการ).
/// Stateless; one instance is shared.
/// </summary>
internal sealed partial class DateScanner(DateLexicon lexicon, DatePatterns patterns)
{
    private const int MinYear = 1800;
    private const int MaxYear = 2200;
    private const int BangkokOffsetMinutes = 7 * 60;

    private enum TwoDigitYears
    {
        Refused,
        BuddhistEra,
        DayMonthYear,
    }

    public static DateScanner Default { get; } = new(DateLexicon.Default, DatePatterns.Default);

    public List<DateCandidate> Scan(string text)
    {
        var found = ScanPlain(text);
        LetterSpaced(text, found);
        return found;
    }

    private List<DateCandidate> ScanPlain(string text)
    {
        var found = new List<DateCandidate>();
        foreach (Match m in patterns.DayFirst.Matches(text))
        {
            DayFirst(text, m, found);
        }

        foreach (Match m in patterns.MonthFirst.Matches(text))
        {
            MonthFirst(text, m, found);
        }

        // Every number of two or four digits: a month may stand before it, or a festival, or it may be a year alone.
        foreach (Match m in patterns.MonthYear.Matches(text))
        {
            Add(found, MonthYear(text, m));
            Add(found, ThaiMonthFirst(text, m));
            Add(found, NamedYear(text, m));
            Add(found, BareYear(text, m));
        }

        foreach (Match m in patterns.YearOnly.Matches(text))
        {
            Add(found, YearOnly(text, m, english: false));
        }

        foreach (Match m in patterns.EnglishYear.Matches(text))
        {
            if (YearOnly(text, m, english: true) is { } year)
            {
                found.Add(year);
                ListedYears(text, year, found);
            }
        }

        foreach (Match m in patterns.FiscalYear.Matches(text))
        {
            Add(found, FiscalYear(m));
        }

        foreach (Match m in patterns.Numeric.Matches(text))
        {
            Add(found, Numeric(text, m));
        }

        foreach (Match m in patterns.NumericSpaced.Matches(text))
        {
            Add(found, NumericSpaced(m));
        }

        foreach (Match m in patterns.Iso.Matches(text))
        {
            Add(found, Iso(m));
        }

        foreach (Match m in patterns.IsoMonth.Matches(text))
        {
            Add(found, IsoMonth(text, m));
        }

        foreach (Match m in patterns.MeetingNumber.Matches(text))
        {
            Add(found, MeetingNumber(m));
        }

        foreach (Match m in patterns.Quarter.Matches(text))
        {
            Add(found, Quarter(text, m));
        }

        MonthsAlone(text, found);

        foreach (Match m in patterns.Weekday.Matches(text))
        {
            Add(found, Weekday(text, m));
        }

        foreach (Match m in patterns.Relative.Matches(text))
        {
            Add(found, Relative(m));
        }

        foreach (Match unit in patterns.EnglishRelativeUnit.Matches(text))
        {
            if (Before(patterns.EnglishRelative, text, unit.Index + unit.Length, 40) is { Success: true } m)
            {
                Add(found, Relative(m));
            }
        }

        foreach (Match m in patterns.Duration.Matches(text))
        {
            Add(found, Duration(text, m));
        }

        foreach (Match m in patterns.DurationInWords.Matches(text))
        {
            Add(found, DurationInWords(text, m));
        }

        foreach (Match m in patterns.TermInWords.Matches(text))
        {
            Add(found, CountedFrom(m, lexicon.NumberValue(m.Groups["n"].ValueSpan), lexicon.Unit(m.Groups["unit"].Value)));
        }

        foreach (var c in found)
        {
            ReadSurroundings(text, c);
        }

        return found;
    }

    private static void Add(List<DateCandidate> found, DateCandidate? candidate)
    {
        if (candidate is not null)
        {
            found.Add(candidate);
        }
    }

    private void DayFirst(string text, Match m, List<DateCandidate> found)
    {
        var m2 = m.Groups["m2"];
        if (!ReadMonth(text, m2, m.Groups["y2"].Success, out var month2, out var thai2))
        {
            return;
        }

        var range = m.Groups["d2"].Success || m.Groups["m1"].Success;
        if (m.Groups["dc"].Success && (range || thai2 || !m.Groups["y2"].Success))
        {
            // "26, April 2023" reads as a date only with an English month and its year.
            return;
        }

        var end = m2.Index + m2.Length;
        var year2 = ReadYear(m.Groups["y2"], m.Groups["e2"], thai2 ? TwoDigitYears.BuddhistEra : TwoDigitYears.Refused, ref end, out var implausible);
        var d1 = Number(m.Groups["d1"].ValueSpan);
        int? month1 = null, year1 = null, d2 = null;
        var m1 = m.Groups["m1"];
        if (m1.Success)
        {
            if (!m.Groups["d2"].Success || !ReadMonth(text, m1, m.Groups["y1"].Success, out var mo1, out var thai1))
            {
                return;
            }

            month1 = mo1;
            var ignored = 0;
            year1 = ReadYear(m.Groups["y1"], m.Groups["e1"], thai1 ? TwoDigitYears.BuddhistEra : TwoDigitYears.Refused, ref ignored, out var implausible1);
            implausible |= implausible1;
        }

        if (m.Groups["d2"].Success)
        {
            d2 = Number(m.Groups["d2"].ValueSpan);
        }

        // A range of days is a period, not a moment: a time after it belongs to its first day only, so it is left out.
        var (hour, minute) = range ? (null, null) : ReadTime(m, ref end);
        var candidate = Range(PrefixStart(text, m.Index), end, d1, month1, year1, d2, month2, year2, hour, minute);
        candidate.Error ??= implausible ? "the year is not a plausible one" : null;
        found.Add(candidate);
        if (!range && candidate.Error is null)
        {
            ListedDaysBefore(text, m.Groups["d1"].Index, candidate, found);
        }
    }

    private void MonthFirst(string text, Match m, List<DateCandidate> found)
    {
        var m1 = m.Groups["m1"];
        if (!lexicon.TryMonth(m1.ValueSpan, out var month1, out _))
        {
            return;
        }

        var end = m.Groups["d1"].Index + m.Groups["d1"].Length;
        int? month2 = null, d2 = null;
        if (m.Groups["d2"].Success)
        {
            d2 = Number(m.Groups["d2"].ValueSpan);
            month2 = month1;
            end = m.Groups["d2"].Index + m.Groups["d2"].Length;
            if (m.Groups["m2"].Success && lexicon.TryMonth(m.Groups["m2"].ValueSpan, out var mo2, out _))
            {
                month2 = mo2;
            }
        }

        var year = ReadYear(m.Groups["y2"], m.Groups["e2"], TwoDigitYears.Refused, ref end, out var implausible);
        var (hour, minute) = d2 is null ? ReadTime(m, ref end) : (null, null);
        var d1 = Number(m.Groups["d1"].ValueSpan);
        var candidate = d2 is null
            ? Range(m.Index, end, d1, null, null, null, month1, year, hour, minute)
            : Range(m.Index, end, d1, month2 == month1 ? null : month1, null, d2, month2!.Value, year, hour, minute);
        candidate.Error ??= implausible ? "the year is not a plausible one" : null;
        found.Add(candidate);
        if (d2 is null && candidate.Error is null && !m.Groups["y2"].Success)
        {
            ListedDaysAfter(text, candidate, found);
        }
    }

    /// <summary>"มิถุนายน 27, 2562": a Thai month, its day and a four-digit year after a comma.</summary>
    private DateCandidate? ThaiMonthFirst(string text, Match number)
    {
        var y = number.Groups["y2"];
        var m = y.Length == 4 ? Before(patterns.ThaiMonthFirst, text, y.Index, 40) : Match.Empty;
        if (!m.Success || !ReadMonth(text, m.Groups["m1"], yearFollows: true, out var month, out _))
        {
            return null;
        }

        var year = GregorianYear(Number(y.ValueSpan), string.Empty);
        var candidate = Range(m.Index, y.Index + y.Length, Number(m.Groups["d1"].ValueSpan), null, null, null, month, year, null, null);
        candidate.Error ??= year is >= MinYear and <= MaxYear ? null : "the year is not a plausible one";
        return candidate;
    }

    private DateCandidate? MonthYear(string text, Match m)
    {
        var month = Before(patterns.MonthBeforeYear, text, m.Index, 40);
        var m2 = month.Groups["m2"];
        if (!month.Success || !ReadMonth(text, m2, yearFollows: true, out var month2, out var thai2)
            || (!thai2 && m2.Index > 0 && char.IsAsciiLetter(text[m2.Index - 1])))
        {
            return null;
        }

        var end = m2.Index + m2.Length;
        var year2 = ReadYear(m.Groups["y2"], month.Groups["e2"], thai2 ? TwoDigitYears.BuddhistEra : TwoDigitYears.Refused, ref end, out var implausible);
        if (year2 is null || implausible)
        {
            return null;
        }

        int? month1 = null, year1 = null;
        var start = month.Index;
        var head = Before(patterns.MonthRangeHead, text, start, 40);
        if (head.Success && ReadMonth(text, head.Groups["m1"], head.Groups["y1"].Success, out var mo1, out var thai1))
        {
            var ignored = 0;
            month1 = mo1;
            year1 = ReadYear(head.Groups["y1"], head.Groups["e1"], thai1 ? TwoDigitYears.BuddhistEra : TwoDigitYears.Refused, ref ignored, out _)
                ?? (mo1 > month2 ? year2 - 1 : year2);
            start = head.Index;
        }

        var deadline = Before(patterns.DeadlineBefore, text, start, 12);
        if (deadline.Success)
        {
            start = deadline.Index;
        }

        return new DateCandidate
        {
            Start = start,
            End = end,
            Kind = CandidateKind.Month,
            Year = year1 ?? year2,
            Month = month1 ?? month2,
            EndYear = month1 is null ? null : year2,
            EndMonth = month1 is null ? null : month2,
            DeadlineWord = deadline.Success,
        };
    }

    private static DateCandidate? FiscalYear(Match m)
    {
        var kw = m.Groups["kw"].Value;
        var thai = kw.Contains("ปี", StringComparison.Ordinal);
        var year1 = FiscalNumber(m.Groups["y1"], thai);
        if (year1 is not (>= MinYear and <= MaxYear))
        {
            return null;
        }

        var end = m.Groups["y1"].Index + m.Groups["y1"].Length;
        var year2 = year1;
        if (m.Groups["y2"].Success && FiscalNumber(m.Groups["y2"], thai) is { } y2 && y2 > year1 && y2 - year1 < 20)
        {
            year2 = y2;
            end = m.Groups["y2"].Index + m.Groups["y2"].Length;
        }

        // Fiscal year N runs from October of N-1 to September of N.
        return new DateCandidate
        {
            Start = m.Index,
            End = end,
            Kind = CandidateKind.FiscalYear,
            Year = year1 - 1,
            Month = 10,
            EndYear = year2,
            EndMonth = 9,
        };
    }
}
