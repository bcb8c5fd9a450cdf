namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Turns scanned candidates into mentions: keeps the longest reading where shapes overlap, gives a
/// day and month written without a year the year of the list it belongs to (or of the anchor), and
/// resolves relative words against the anchor.
/// </summary>
internal static class DateResolver
{
    // A date without a year shares the year of a dated neighbour this close on the same line.
    private const int ShareDistance = 100;

    /// <summary>Longest first; a candidate overlapping one already kept is dropped. Result in text order.</summary>
    public static List<DateCandidate> SelectLongest(List<DateCandidate> candidates)
    {
        candidates.Sort(static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        var kept = new List<DateCandidate>(candidates.Count);
        foreach (var c in candidates)
        {
            var overlaps = false;
            foreach (var k in kept)
            {
                if (c.Start < k.End && k.Start < c.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(c);
            }
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>
    /// Gives days written without a year one: the year written at the end of their list
    /// (ครั้งที่ 1 วันที่ 26 กันยายน … และครั้งที่ 3 วันที่ 7 ธันวาคม 2566), else that of the dated
    /// day just before, else the year that puts the day nearest the anchor.
    /// </summary>
    public static void ShareYears(string text, List<DateCandidate> dates, DateOnly? anchor)
    {
        DateCandidate? next = null;
        for (var i = dates.Count - 1; i >= 0; i--)
        {
            var c = dates[i];
            if (c.Kind != CandidateKind.Date || c.Error is not null)
            {
                continue;
            }

            if (c.Year is null && next is not null && Near(text, c.End, next.Start))
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
            if (c.Kind != CandidateKind.Date || c.Error is not null)
            {
                continue;
            }

            if (c.Year is null && previous is not null && Near(text, previous.End, c.Start))
            {
                var last = previous.EndMonth ?? previous.Month;
                SetYear(c, c.Month < last ? (previous.EndYear ?? previous.Year!.Value) + 1 : previous.EndYear ?? previous.Year!.Value);
            }

            if (c.Year is null && anchor is { } a)
            {
                SetYear(c, NearestYear(c.Month!.Value, c.Day!.Value, a));
                c.ResolvedAgainst = a;
            }

            if (c.Year is not null)
            {
                previous = c;
            }
        }
    }

    private static void SetYear(DateCandidate c, int year)
    {
        c.Year = year;
        if (c.IsRange)
        {
            c.EndYear ??= c.EndMonth < c.Month ? year + 1 : year;
        }
    }

    private static bool Near(string text, int from, int to) =>
        to >= from && to - from <= ShareDistance && text.AsSpan(from, to - from).IndexOfAny('\n', '\r') < 0;

    private static int NearestYear(int month, int day, DateOnly anchor)
    {
        var best = anchor.Year;
        var bestDistance = int.MaxValue;
        for (var y = anchor.Year - 1; y <= anchor.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month))
            {
                continue;
            }

            var distance = Math.Abs(new DateOnly(y, month, day).DayNumber - anchor.DayNumber);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (y, distance);
            }
        }

        return best;
    }

    /// <summary>Builds the mention for a resolved candidate; impossible dates get an error, not a value.</summary>
    public static DateMention ToMention(string text, DateCandidate c, DateOnly? anchor)
    {
        var span = new Text.TextSpan(c.Start, c.End);
        var written = text[c.Start..c.End];
        switch (c.Kind)
        {
            case CandidateKind.Relative:
                return Relative(span, written, c, anchor);
            case CandidateKind.Duration:
                return new DateMention(span, written, default) { IsRelative = true, Duration = new DateDuration(c.Offset, c.Unit) };
        }

        var mention = new DateMention(span, written, default) { IsFiscalYear = c.Kind == CandidateKind.FiscalYear, ResolvedAgainst = c.ResolvedAgainst };
        if (c.Error is not null)
        {
            return mention with { Error = c.Error };
        }

        if (c.Year is null)
        {
            return mention with { Error = "the year is not written and there is no date to take it from" };
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
        if (!DateValue.TryCreate(c.EndYear ?? c.Year.Value, c.EndMonth ?? c.Month, endDay, null, null, out var end, out error))
        {
            return mention with { Error = error };
        }

        return end.StartDate < value.StartDate
            ? mention with { Error = "the range ends before it starts" }
            : mention with { Value = value, End = end };
    }

    private static DateMention Relative(Text.TextSpan span, string written, DateCandidate c, DateOnly? anchor)
    {
        var mention = new DateMention(span, written, default)
        {
            IsRelative = true,
            ResolvedAgainst = anchor,
            Duration = c.IsDuration ? new DateDuration(Math.Abs(c.Offset), c.Unit) : null,
        };
        if (anchor is not { } a)
        {
            return mention;
        }

        if (c.IsDuration && c.Offset > 0)
        {
            // ภายใน 6 เดือน, within 3 years: the day the time runs out.
            return mention with { Value = DateValue.OfDay(Add(a, c.Unit, c.Offset)) };
        }

        var moved = Add(a, c.Unit, c.Offset);
        return c.Unit switch
        {
            DateUnit.Day => mention with { Value = DateValue.OfDay(moved) },
            DateUnit.Week => mention with
            {
                Value = DateValue.OfDay(moved.AddDays(-(((int)moved.DayOfWeek + 6) % 7))),
                End = DateValue.OfDay(moved.AddDays(6 - (((int)moved.DayOfWeek + 6) % 7))),
            },
            DateUnit.Month => mention with { Value = DateValue.OfMonth(moved.Year, moved.Month) },
            _ => mention with { Value = DateValue.OfYear(moved.Year) },
        };
    }

    private static DateOnly Add(DateOnly date, DateUnit unit, int amount) => unit switch
    {
        DateUnit.Day => date.AddDays(amount),
        DateUnit.Week => date.AddDays(7 * amount),
        DateUnit.Month => date.AddMonths(amount),
        _ => date.AddYears(amount),
    };
}
