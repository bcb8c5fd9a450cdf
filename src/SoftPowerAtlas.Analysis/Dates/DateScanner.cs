using System.Globalization;
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
        var found = new List<DateCandidate>();
        foreach (Match m in patterns.DayFirst.Matches(text))
        {
            Add(found, DayFirst(text, m));
        }

        foreach (Match m in patterns.MonthFirst.Matches(text))
        {
            Add(found, MonthFirst(m));
        }

        foreach (Match m in patterns.MonthYear.Matches(text))
        {
            Add(found, MonthYear(text, m));
        }

        foreach (Match m in patterns.YearOnly.Matches(text))
        {
            Add(found, YearOnly(m, english: false));
        }

        foreach (Match m in patterns.EnglishYear.Matches(text))
        {
            Add(found, YearOnly(m, english: true));
        }

        foreach (Match m in patterns.FiscalYear.Matches(text))
        {
            Add(found, FiscalYear(m));
        }

        foreach (Match m in patterns.Numeric.Matches(text))
        {
            Add(found, Numeric(text, m));
        }

        foreach (Match m in patterns.Iso.Matches(text))
        {
            Add(found, Iso(m));
        }

        foreach (Match m in patterns.Relative.Matches(text))
        {
            Add(found, Relative(m));
        }

        foreach (Match m in patterns.Duration.Matches(text))
        {
            Add(found, Duration(text, m));
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

    private DateCandidate? DayFirst(string text, Match m)
    {
        var m2 = m.Groups["m2"];
        if (!ReadMonth(text, m2, m.Groups["y2"].Success, out var month2, out var thai2))
        {
            return null;
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
                return null;
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

        var (hour, minute) = ReadTime(m, ref end);
        var candidate = Range(PrefixStart(text, m.Index), end, d1, month1, year1, d2, month2, year2, hour, minute);
        candidate.Error ??= implausible ? "the year is not a plausible one" : null;
        return candidate;
    }

    private DateCandidate? MonthFirst(Match m)
    {
        var m1 = m.Groups["m1"];
        if (!lexicon.TryMonth(m1.ValueSpan, out var month1, out _))
        {
            return null;
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
        var (hour, minute) = ReadTime(m, ref end);
        var d1 = Number(m.Groups["d1"].ValueSpan);
        var candidate = d2 is null
            ? Range(m.Index, end, d1, null, null, null, month1, year, hour, minute)
            : Range(m.Index, end, d1, month2 == month1 ? null : month1, null, d2, month2!.Value, year, hour, minute);
        candidate.Error ??= implausible ? "the year is not a plausible one" : null;
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

    private static DateCandidate? YearOnly(Match m, bool english)
    {
        var y1 = m.Groups["y1"];
        var kw = m.Groups["kw"].Value;
        var strong = !english && kw.Contains('.', StringComparison.Ordinal);
        var year1 = GregorianYear(Number(y1.ValueSpan), kw);
        var end = y1.Index + y1.Length;
        int? year2 = null;
        if (m.Groups["y2"].Success)
        {
            var y2 = GregorianYear(Number(m.Groups["y2"].ValueSpan), kw);
            if (y2 > year1 && y2 - year1 < 100)
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

        return new DateCandidate
        {
            Start = m.Index,
            End = end,
            Kind = CandidateKind.Year,
            Year = year1,
            EndYear = year2,
            DeadlineWord = m.Groups["dl"].Success,
            Error = plausible ? null : string.Create(CultureInfo.InvariantCulture, $"{y1.Value} is not a plausible year"),
        };
    }

    private static DateCandidate? FiscalYear(Match m)
    {
        var kw = m.Groups["kw"].Value;
        var thai = kw.StartsWith("ปี", StringComparison.Ordinal);
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

    private DateCandidate? Numeric(string text, Match m)
    {
        var sep = m.Groups["sep"].Value;
        var y1 = m.Groups["y1"];
        if (y1.Length == 2 && sep != "/")
        {
            return null;
        }

        var end = y1.Index + y1.Length;
        var year = ReadYear(y1, null, TwoDigitYears.DayMonthYear, ref end, out var implausible);
        var (hour, minute) = ReadTime(m, ref end);
        var candidate = Range(PrefixStart(text, m.Index), end, Number(m.Groups["d1"].ValueSpan), null, null, null, Number(m.Groups["mo"].ValueSpan), year, hour, minute);
        candidate.Error ??= implausible ? "the year is not a plausible one" : null;
        return candidate;
    }

    private static DateCandidate Iso(Match m)
    {
        var year = Number(m.Groups["y1"].ValueSpan);
        var month = Number(m.Groups["mo"].ValueSpan);
        var day = Number(m.Groups["d1"].ValueSpan);
        year = year >= 2400 ? year - 543 : year;
        int? hour = null, minute = null;
        if (m.Groups["hh"].Success)
        {
            hour = Number(m.Groups["hh"].ValueSpan);
            minute = Number(m.Groups["mi"].ValueSpan);
            if (m.Groups["tz"].Success && DateValue.TryCreate(year, month, day, hour, minute, out _, out _))
            {
                // Values are Bangkok wall time: move a time written with another offset to UTC+7.
                var local = new DateTime(year, month, day, hour.Value, minute.Value, 0, DateTimeKind.Unspecified)
                    .AddMinutes(BangkokOffsetMinutes - ZoneOffsetMinutes(m.Groups["tz"].Value));
                (year, month, day, hour, minute) = (local.Year, local.Month, local.Day, local.Hour, local.Minute);
            }
        }

        var candidate = new DateCandidate
        {
            Start = m.Index,
            End = m.Index + m.Length,
            Kind = CandidateKind.Date,
            Year = year,
            Month = month,
            Day = day,
            Hour = hour,
            Minute = minute,
        };
        candidate.Error = year is >= MinYear and <= MaxYear ? null : "the year is not a plausible one";
        return candidate;
    }

    private DateCandidate? Relative(Match m)
    {
        if (!lexicon.TryRelative(m.Value, out var unit, out var offset))
        {
            return null;
        }

        return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Relative, Unit = unit, Offset = offset };
    }

    private DateCandidate? Duration(string text, Match m)
    {
        var amount = Number(m.Groups["n"].ValueSpan);
        var unit = lexicon.Unit(m.Groups["unit"].Value);
        var cue = Before(patterns.DurationCue, text, m.Index, 12).Groups["cue"];
        if (cue.Success && cue.Value[0] is 'i' or 'I' or 'w' or 'W' && cue.Index > 0 && char.IsAsciiLetter(text[cue.Index - 1]))
        {
            cue = Match.Empty.Groups[0];
        }

        if (m.Groups["from"].Success)
        {
            return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Duration, Unit = unit, Offset = amount, IsDuration = true };
        }

        if (m.Groups["ago"].Success)
        {
            return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Relative, Unit = unit, Offset = -amount, IsDuration = true };
        }

        if (!cue.Success || amount == 0)
        {
            return null;
        }

        var within = cue.Value is "ภายใน" || cue.Value.Equals("within", StringComparison.OrdinalIgnoreCase);
        return new DateCandidate
        {
            Start = cue.Index,
            End = m.Index + m.Length,
            Kind = CandidateKind.Relative,
            Unit = unit,
            Offset = amount,
            IsDuration = true,
            DeadlineWord = within,
        };
    }
}
