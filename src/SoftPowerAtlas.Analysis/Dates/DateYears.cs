using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Finds the year of dates written without one, from the text itself and in this order: the list the
/// date belongs to (ครั้งที่ 1 วันที่ 26 กันยายน … และครั้งที่ 3 วันที่ 7 ธันวาคม 2566); the same day and
/// month written elsewhere with its year; the publication date, on the side of it the words point to
/// (ที่ผ่านมา before it, นี้ after); without one, a dated neighbour in the sentence or the one year its
/// passage names. What is left keeps no year (--10-14).
/// </summary>
internal static partial class DateYears
{
    // Without a publication date, a date shares the year of a dated neighbour this close on the same line.
    private const int ShareDistance = 100;

    // Two dates are items of one list when at most this much, all of it connecting words, stands between.
    private const int ListGap = 40;

    // A date said to be past may still fall a few days after a publication stamp (and one to come, before).
    private const int ToleranceDays = 7;

    public static bool NeedsYear(DateCandidate c) =>
        c.Year is null && c.Error is null && c.Kind is CandidateKind.Date or CandidateKind.Month or CandidateKind.Quarter;

    public static void Infer(string text, List<DateCandidate> dates, IReadOnlyList<DateRole> roles, DateValue? anchor)
    {
        Share(text, dates, listsOnly: anchor is not null);
        SameDayElsewhere(dates, anchor);
        if (anchor is { } a)
        {
            foreach (var c in dates)
            {
                FromAnchor(c, a);
            }

            return;
        }

        FromPassage(text, dates, roles);
        if (TextYear(dates, roles) is { } year)
        {
            foreach (var c in dates)
            {
                if (NeedsYear(c) && c.Kind != CandidateKind.Date)
                {
                    SetYear(c, year + (c.YearOffset ?? 0));
                }
            }
        }
    }

    /// <summary>
    /// The year a text without a publication date is written in, as far as it says: that of its latest dated
    /// day, else its latest year. Relative years (this year, ปีหน้า) are counted from it.
    /// </summary>
    public static int? TextYear(List<DateCandidate> dates, IReadOnlyList<DateRole> roles)
    {
        int? day = null, any = null;
        for (var i = 0; i < dates.Count; i++)
        {
            var c = dates[i];
            if (c.Year is not { } y || c.YearInferred || c.Error is not null || roles[i] is DateRole.Deadline or DateRole.Period
                || c.Kind is CandidateKind.FiscalYear or CandidateKind.Relative or CandidateKind.Duration)
            {
                continue;
            }

            if (c.Kind == CandidateKind.Date)
            {
                day = Math.Max(day ?? y, y);
            }

            any = Math.Max(any ?? y, c.EndYear ?? y);
        }

        return day ?? any;
    }

    /// <summary>Days of one list share the year written at its end, or before it; without a publication date, so does a neighbour.</summary>
    private static void Share(string text, List<DateCandidate> dates, bool listsOnly)
    {
        DateCandidate? next = null;
        for (var i = dates.Count - 1; i >= 0; i--)
        {
            var c = dates[i];
            if (c.Kind is not (CandidateKind.Date or CandidateKind.Month) || c.Error is not null)
            {
                continue;
            }

            if (NeedsYear(c) && c.YearOffset is null && next is not null && Joined(text, c.End, next.Start, listsOnly))
            {
                SetYear(c, c.Month > next.Month ? next.Year!.Value - 1 : next.Year!.Value);
            }

            if (c.Year is not null)
            {
                next = c;
            }
        }

        DateCandidate? previous = null;
        foreach (var c in dates)
        {
            if (c.Kind is not (CandidateKind.Date or CandidateKind.Month) || c.Error is not null)
            {
                continue;
            }

            if (NeedsYear(c) && c.YearOffset is null && !c.Dateline && previous is not null && Joined(text, previous.End, c.Start, listsOnly))
            {
                var last = previous.EndMonth ?? previous.Month;
                var year = previous.EndYear ?? previous.Year!.Value;
                SetYear(c, c.Month < last ? year + 1 : year);
            }

            if (c.Year is not null)
            {
                previous = c;
            }
        }
    }

    private static bool Joined(string text, int from, int to, bool listsOnly)
    {
        if (to < from || text.AsSpan(from, to - from).IndexOfAny('\n', '\r') >= 0)
        {
            return false;
        }

        return listsOnly ? to - from <= ListGap && ListConnectors().IsMatch(text.AsSpan(from, to - from)) : to - from <= ShareDistance;
    }

    /// <summary>
    /// "วันที่ 12 ธันวาคม" where "12 ธันวาคม 2562" is written elsewhere: the same day, in the one year given for
    /// it; not an anniversary far from the publication date ("8 สิงหาคม 2510" beside this year's "8-10 สิงหาคม").
    /// </summary>
    private static void SameDayElsewhere(List<DateCandidate> dates, DateValue? anchor)
    {
        // The years written for each day and month (0 when several are), so that a long text stays linear.
        Dictionary<(int, int), int>? written = null;
        foreach (var d in dates)
        {
            if (d.Kind == CandidateKind.Date && !d.YearInferred && d.Year is { } y && d.Error is null)
            {
                written ??= [];
                var key = (d.Month!.Value, d.Day!.Value);
                written[key] = written.TryGetValue(key, out var seen) && seen != y ? 0 : y;
            }
        }

        if (written is null)
        {
            return;
        }

        foreach (var c in dates)
        {
            if (NeedsYear(c) && c.Kind == CandidateKind.Date && c.YearOffset is null
                && written.TryGetValue((c.Month!.Value, c.Day!.Value), out var year) && year != 0
                && (anchor is null || Math.Abs(year - anchor.Value.Year) <= 1))
            {
                SetYear(c, year);
            }
        }
    }

    private static void FromAnchor(DateCandidate c, DateValue anchor)
    {
        if (!NeedsYear(c))
        {
            return;
        }

        if (c.YearOffset is { } offset)
        {
            SetYear(c, anchor.Year + offset);
        }
        else if (c.Kind == CandidateKind.Date)
        {
            SetYear(c, NearestYear(c.Month!.Value, c.Day!.Value, anchor, c.Tense));
        }
        else
        {
            SetYear(c, NearestMonthYear(c.Month!.Value, c.EndMonth ?? c.Month!.Value, anchor, c.Tense));
        }

        c.ResolvedAgainst = anchor.StartDate;
    }

    /// <summary>The year that puts the day nearest the anchor, on the side its tense says when one does (within a week).</summary>
    private static int NearestYear(int month, int day, DateValue anchor, DateTense tense)
    {
        var (first, last) = (anchor.StartDate, anchor.EndDate);
        var best = anchor.Year;
        var bestDistance = int.MaxValue;
        foreach (var strict in (bool[])[true, false])
        {
            for (var y = anchor.Year - 1; y <= anchor.Year + 1; y++)
            {
                if (day > DateTime.DaysInMonth(y, month))
                {
                    continue;
                }

                var date = new DateOnly(y, month, day).DayNumber;
                if (strict && ((tense == DateTense.Past && date > last.DayNumber + ToleranceDays) || (tense == DateTense.Future && date < first.DayNumber - ToleranceDays)))
                {
                    continue;
                }

                var distance = date < first.DayNumber ? first.DayNumber - date : date > last.DayNumber ? date - last.DayNumber : 0;
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (y, distance);
                }
            }

            if (bestDistance != int.MaxValue)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>The year that puts a month (or months) nearest the anchor's month, on the side its tense says.</summary>
    private static int NearestMonthYear(int month, int endMonth, DateValue anchor, DateTense tense)
    {
        var at = (anchor.Year * 12) + anchor.Month!.Value;
        var best = anchor.Year;
        var bestDistance = int.MaxValue;
        foreach (var strict in (bool[])[true, false])
        {
            for (var y = anchor.Year - 1; y <= anchor.Year + 1; y++)
            {
                var from = (y * 12) + month;
                var to = (endMonth < month ? (y + 1) * 12 : y * 12) + endMonth;
                if (strict && ((tense == DateTense.Past && from > at) || (tense == DateTense.Future && to < at)))
                {
                    continue;
                }

                var distance = at < from ? from - at : at > to ? at - to : 0;
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (y, distance);
                }
            }

            if (bestDistance != int.MaxValue)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>
    /// A passage (a line) that names one year only, not as a deadline or plan period, gives it to the dates in
    /// it that lack one. Dates are in text order: each line's dates are read once (a page written as one
    /// line of megabytes holds tens of thousands of dates; reading its line again for each was quadratic).
    /// </summary>
    private static void FromPassage(string text, List<DateCandidate> dates, IReadOnlyList<DateRole> roles)
    {
        var n = 0;
        while (n < dates.Count)
        {
            var lineEnd = text.IndexOf('\n', dates[n].Start);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var next = n;
            while (next < dates.Count && dates[next].Start < lineEnd)
            {
                next++;
            }

            int? year = null;
            var single = true;
            for (var i = n; i < next && dates[i].End <= lineEnd; i++)
            {
                var d = dates[i];
                if (d.Year is not { } y || d.YearInferred || d.Error is not null
                    || roles[i] is DateRole.Deadline or DateRole.Period || d.Kind is CandidateKind.FiscalYear or CandidateKind.Relative or CandidateKind.Duration)
                {
                    continue;
                }

                single &= (year is null || year == y) && (d.EndYear is null || d.EndYear == y);
                year = y;
            }

            for (var i = n; year is not null && single && i < next; i++)
            {
                var c = dates[i];
                if (NeedsYear(c) && !c.Dateline && c.YearOffset is null)
                {
                    SetYear(c, year.Value);
                }
            }

            n = next;
        }
    }

    private static void SetYear(DateCandidate c, int year)
    {
        c.Year = year;
        c.YearInferred = true;
        if (c.IsRange)
        {
            c.EndYear ??= c.EndMonth < c.Month ? year + 1 : year;
        }
    }

    // Only connecting words between two items of a list: และ, หรือ, ถึง, and, or, a round or meeting number, วันที่.
    [GeneratedRegex(@"^(?:\s|[,;()&/–-]|และ|หรือ|ถึง|จนถึง|(?i:and|or|to|until|through|on|the)|ครั้ง(?:ที่)?\s*\d{0,2}|รอบ(?:ที่)?\s*\d{0,2}|วันที่|วัน|คือ|ได้แก่)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListConnectors();
}
