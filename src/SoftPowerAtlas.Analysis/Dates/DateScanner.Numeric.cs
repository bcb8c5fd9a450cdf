using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>Dates written in digits: 27/09/2566, 16 12 2562, 2024-05-29T09:00:00+07:00, a stamp's 2024-04.</summary>
internal sealed partial class DateScanner
{
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

    /// <summary>"16 12 2562": read only when each number fits its place and the year is a plausible one.</summary>
    private static DateCandidate? NumericSpaced(Match m)
    {
        var day = Number(m.Groups["d1"].ValueSpan);
        var month = Number(m.Groups["mo"].ValueSpan);
        var year = GregorianYear(Number(m.Groups["y1"].ValueSpan), string.Empty);
        if (day is < 1 or > 31 || month is < 1 or > 12 || year is < 1900 or > 2100)
        {
            return null;
        }

        return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Date, Year = year, Month = month, Day = day };
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

    /// <summary>"2024-04", a stamp's month; "2011-12" (twelve following eleven) is a range of years and left alone.</summary>
    private DateCandidate? IsoMonth(string text, Match m)
    {
        var year = GregorianYear(Number(m.Groups["y1"].ValueSpan), string.Empty);
        var month = Number(m.Groups["mo"].ValueSpan);
        if (year is < 1900 or > 2100 || (year + 1) % 100 == month || lexicon.LabelsNumber(text.AsSpan(Math.Max(0, m.Index - 20), Math.Min(20, m.Index))))
        {
            return null;
        }

        return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Month, Year = year, Month = month };
    }

    private static int ZoneOffsetMinutes(string zone)
    {
        if (zone is "Z")
        {
            return 0;
        }

        var digits = zone.Replace(":", string.Empty, StringComparison.Ordinal);
        var minutes = (Number(digits.AsSpan(1, 2)) * 60) + Number(digits.AsSpan(3, 2));
        return zone[0] == '-' ? -minutes : minutes;
    }
}
