using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Turns scanned candidates into mentions: keeps the longest reading where shapes overlap and builds
/// each mention's value, resolving relative words and weekdays against the anchor (the publication
/// date) and relative years, without one, against the year the text is written in.
/// </summary>
internal static class DateResolver
{
    /// <summary>
    /// Longest first (on a tie, the reading with its word first); a candidate overlapping one already kept is
    /// dropped. A bare year that is kept then takes the word of the name it stands in (Expo 2025) when that
    /// word is free. Result in text order.
    /// </summary>
    public static List<DateCandidate> SelectLongest(string text, List<DateCandidate> candidates)
    {
        candidates.Sort(static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority)
            : a.Start.CompareTo(b.Start));
        var kept = new List<DateCandidate>(candidates.Count);
        // Two non-empty candidates overlap when they share a character: the characters kept so far are marked,
        // not every kept candidate compared again (tens of thousands on a one-line page of megabytes).
        var taken = candidates.TrueForAll(c => 0 <= c.Start && c.Start < c.End && c.End <= text.Length) ? new bool[text.Length] : null;
        foreach (var c in candidates)
        {
            var overlaps = false;
            if (taken is not null)
            {
                overlaps = taken.AsSpan(c.Start, c.End - c.Start).Contains(true);
            }
            else
            {
                foreach (var k in kept)
                {
                    if (c.Start < k.End && k.Start < c.End)
                    {
                        overlaps = true;
                        break;
                    }
                }
            }

            if (!overlaps)
            {
                kept.Add(c);
                taken?.AsSpan(c.Start, c.End - c.Start).Fill(true);
            }
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < kept.Count; i++)
        {
            var c = kept[i];
            if (c.Priority < 0)
            {
                var (start, end) = DateScanner.WithNeighbourWord(text, c.Start, c.End);
                if ((i == 0 || kept[i - 1].End <= start) && (i + 1 == kept.Count || kept[i + 1].Start >= end))
                {
                    (c.Start, c.End) = (start, end);
                }
            }
        }

        return kept;
    }

    /// <summary>
    /// Builds the mention for a resolved candidate; impossible dates get an error, not a value. Null for a
    /// month or quarter whose year nothing gives: "in May" alone says too little to list.
    /// </summary>
    public static DateMention? ToMention(string text, DateCandidate c, DateValue? anchor, int? textYear)
    {
        var span = new TextSpan(c.Start, c.End);
        var written = text[c.Start..c.End];
        switch (c.Kind)
        {
            case CandidateKind.Relative:
                return Relative(span, written, c, anchor, textYear);
            case CandidateKind.Weekday:
                return Weekday(span, written, c, anchor);
            case CandidateKind.Duration:
                return new DateMention(span, written, default) { IsRelative = true, Duration = new DateDuration(c.Offset, c.Unit) };
        }

        var mention = new DateMention(span, written, default)
        {
            IsFiscalYear = c.Kind == CandidateKind.FiscalYear,
            IsQuarter = c.Kind == CandidateKind.Quarter,
            EndsPeriod = EndsItsPeriod(c),
            ResolvedAgainst = c.ResolvedAgainst,
        };
        if (c.Error is not null)
        {
            return mention with { Error = c.Error };
        }

        if (c.Year is null)
        {
            return c.Kind == CandidateKind.Date ? Yearless(mention, c) : null;
        }

        if (!DateValue.TryCreate(c.Year.Value, c.Month, c.Day, c.Hour, c.Minute, out var value, out var error))
        {
            return mention with { Error = error };
        }

        if (!c.IsRange)
        {
            return mention with { Value = value };
        }

        var endDay = c.Kind == CandidateKind.Date ? c.EndDay ?? c.Day : null;
        var endYear = c.EndYear ?? (c.EndMonth < c.Month ? c.Year.Value + 1 : c.Year.Value);
        if (!DateValue.TryCreate(endYear, c.EndMonth ?? c.Month, endDay, null, null, out var end, out error))
        {
            return mention with { Error = error };
        }

        return end.StartDate < value.StartDate
            ? mention with { Error = "the range ends before it starts" }
            : mention with { Value = value, End = end };
    }

    /// <summary>"14 October" in a text that never gives its year: --10-14 (a range --06-12/--06-14).</summary>
    private static DateMention Yearless(DateMention mention, DateCandidate c)
    {
        if (!DateValue.TryCreateMonthDay(c.Month!.Value, c.Day!.Value, out var value, out var error))
        {
            return mention with { Error = error };
        }

        if (!c.IsRange)
        {
            return mention with { Value = value };
        }

        return DateValue.TryCreateMonthDay(c.EndMonth ?? c.Month!.Value, c.EndDay ?? c.Day!.Value, out var end, out error)
            ? mention with { Value = value, End = end }
            : mention with { Error = error };
    }

    private static DateMention Relative(TextSpan span, string written, DateCandidate c, DateValue? anchor, int? textYear)
    {
        var mention = new DateMention(span, written, default)
        {
            IsRelative = true,
            ResolvedAgainst = anchor?.StartDate,
            Duration = c.IsDuration ? new DateDuration(Math.Abs(c.Offset), c.Unit) : null,
            CountsBack = c.IsDuration && c.Offset < 0,
            EndsPeriod = EndsItsPeriod(c) || c.Spans,
        };

        // A year counted from the year the text names (this year, ปีหน้า, in two years) needs no day to count from.
        if (anchor is null && textYear is { } year && c.Unit == DateUnit.Year && !c.Spans)
        {
            return mention with { Value = YearPart(year + c.Offset, c.Part) };
        }

        if (anchor is not { } a || (a.Granularity < DateGranularity.Day && c.Unit is DateUnit.Day or DateUnit.Week))
        {
            return mention with { ResolvedAgainst = null };
        }

        var day = a.StartDate;
        if (c.IsDuration && c.Offset > 0)
        {
            var until = Add(day, c.Unit, c.Offset);
            if (c.Spans)
            {
                // ภายใน 6 เดือน, within the next three months: from the anchor to the day the time runs out.
                return a.Granularity < DateGranularity.Day ? mention with { ResolvedAgainst = null } : mention with { Value = DateValue.OfDay(day), End = DateValue.OfDay(until) };
            }

            // in two years, อีก 3 เดือน: the period that far ahead.
            return mention with { Value = c.Unit switch
            {
                DateUnit.Year => DateValue.OfYear(until.Year),
                DateUnit.Month => DateValue.OfMonth(until.Year, until.Month),
                _ => DateValue.OfDay(until),
            }, };
        }

        var moved = Add(day, c.Unit, c.Offset);
        return c.Unit switch
        {
            DateUnit.Day => mention with { Value = DateValue.OfDay(moved) },
            DateUnit.Week => mention with
            {
                Value = DateValue.OfDay(moved.AddDays(-(((int)moved.DayOfWeek + 6) % 7))),
                End = DateValue.OfDay(moved.AddDays(6 - (((int)moved.DayOfWeek + 6) % 7))),
            },
            DateUnit.Month => mention with { Value = DateValue.OfMonth(moved.Year, moved.Month) },
            _ => mention with { Value = YearPart(moved.Year, c.Part) },
        };
    }

    /// <summary>
    /// A deadline named by a period's end (สิ้นปี, end of the year) is due on that period's last day, and so is one
    /// named by its middle ("by mid-2025", ภายในกลางปีหน้า: the first half's last day, 30 June; GUIDELINES).
    /// </summary>
    private static bool EndsItsPeriod(DateCandidate c) => c.Part == PeriodPart.End || (c.Part == PeriodPart.Mid && c.DeadlineWord);

    /// <summary>The middle of a year (กลางปีหน้า, mid-next year) is its June; every other part is the year.</summary>
    private static DateValue YearPart(int year, PeriodPart part) => part == PeriodPart.Mid ? DateValue.OfMonth(year, 6) : DateValue.OfYear(year);

    /// <summary>
    /// "on Friday": the Friday on or before the anchor (news reports what was), or on or after it when the
    /// words say it is to come; "last Friday" and "next Friday" never the anchor's own day.
    /// </summary>
    private static DateMention Weekday(TextSpan span, string written, DateCandidate c, DateValue? anchor)
    {
        var mention = new DateMention(span, written, default) { IsRelative = true };
        if (anchor is not { Granularity: >= DateGranularity.Day } a)
        {
            return mention;
        }

        var day = a.StartDate;
        var forward = ((int)c.Weekday - (int)day.DayOfWeek + 7) % 7;
        var date = c.Tense == DateTense.Future
            ? day.AddDays(forward == 0 && c.Offset > 0 ? 7 : forward)
            : day.AddDays(-((7 - forward) % 7 == 0 && c.Offset < 0 ? 7 : (7 - forward) % 7));
        return mention with { Value = DateValue.OfDay(date), ResolvedAgainst = day };
    }

    private static DateOnly Add(DateOnly date, DateUnit unit, int amount) => unit switch
    {
        DateUnit.Day => date.AddDays(amount),
        DateUnit.Week => date.AddDays(7 * amount),
        DateUnit.Month => date.AddMonths(amount),
        _ => date.AddYears(amount),
    };
}
