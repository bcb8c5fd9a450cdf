using System.Globalization;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>How precisely a stored date was written.</summary>
public enum DatePrecision
{
    Year,
    FiscalYear,
    Month,
    Day,

    /// <summary>A day with a time of day (Bangkok local time, as the release wrote it).</summary>
    Time,

    /// <summary>A quarter of a year (2025-Q3: 1 July to 30 September 2025).</summary>
    Quarter,

    /// <summary>A day and month whose year the text never gave (--10-14): it has no place on a calendar.</summary>
    MonthDay,
}

/// <summary>
/// A date as the extraction contract stores it (<c>2024</c>, <c>2024-10</c>, <c>2024-10-16</c>,
/// <c>2024-09-18T10:00</c>, <c>FY2025</c>, <c>2025-Q3</c>, a range <c>A/B</c>) read as the days it covers,
/// first to last inclusive. A Thai fiscal year runs from 1 October to 30 September: FY2025 ends 2025-09-30.
/// Partial dates sort by their first day and overlap a period when any of their days is in it. A day and
/// month without a year (<c>--10-14</c>, <c>--06-12/--06-14</c>) covers no day: it is kept as written,
/// sorts after every dated one, overlaps no period and is never due.
/// </summary>
public readonly record struct FactDate(string Written, DateOnly Start, DateOnly End, TimeOnly? Time, DatePrecision Precision)
    : IComparable<FactDate>
{
    /// <summary>False for a day and month without a year: <see cref="Start"/> and <see cref="End"/> mean nothing then.</summary>
    public bool HasYear => Precision != DatePrecision.MonthDay;

    /// <summary>The day it is due by: the last day it covers (end of a year, month, quarter, fiscal year or range); none without a year.</summary>
    public DateOnly? DueBy => HasYear ? End : null;

    /// <summary>Its first day, or null when it has no year.</summary>
    public DateOnly? FirstDay => HasYear ? Start : null;

    /// <summary>Its last day, or null when it has no year.</summary>
    public DateOnly? LastDay => HasYear ? End : null;

    public bool IsRange => Written.Contains('/', StringComparison.Ordinal);

    /// <summary>Reads a stored or typed date; a result with a message naming the input when it is not one.</summary>
    public static FactDateResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FactDateResult.Fail("a date is empty");
        }

        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return ParseSingle(text);
        }

        var first = ParseSingle(text[..slash]);
        var last = ParseSingle(text[(slash + 1)..]);
        if (first.Error is not null || last.Error is not null)
        {
            return FactDateResult.Fail($"'{text}' is not a date range: {first.Error ?? last.Error}");
        }

        var (a, b) = (first.Value, last.Value);
        if (a.HasYear != b.HasYear)
        {
            return FactDateResult.Fail($"'{text}' is not a date range: one end has a year and the other has none");
        }

        if (!a.HasYear)
        {
            return FactDateResult.Ok(new FactDate(text, a.Start, a.End, null, DatePrecision.MonthDay));
        }

        if (b.End < a.Start)
        {
            return FactDateResult.Fail($"'{text}' is not a date range: it ends before it starts");
        }

        return FactDateResult.Ok(new FactDate(text, a.Start, b.End, null, a.Precision));
    }

    /// <summary>An engagement's stored date and end date (either may be missing) as one value.</summary>
    public static FactDate? FromColumns(string? date, string? endDate)
    {
        if (date is null)
        {
            return null;
        }

        var parsed = Parse(endDate is null ? date : date + "/" + endDate);
        if (parsed.Error is null)
        {
            return parsed.Value;
        }

        // A stored end that does not read still leaves the start.
        var start = Parse(date);
        return start.Error is null ? start.Value : null;
    }

    /// <summary>True when one of its days falls within <paramref name="from"/>..<paramref name="to"/> (both inclusive, either open); never without a year.</summary>
    public bool Overlaps(DateOnly? from, DateOnly? to) =>
        HasYear && (from is null || End >= from.Value) && (to is null || Start <= to.Value);

    /// <summary>Earlier first day first; on the same first day the shorter span (the more precise date) first; days without a year last, as written.</summary>
    public int CompareTo(FactDate other)
    {
        if (HasYear != other.HasYear)
        {
            return HasYear ? -1 : 1;
        }

        if (!HasYear)
        {
            return string.CompareOrdinal(Written, other.Written);
        }

        var c = Start.CompareTo(other.Start);
        if (c != 0)
        {
            return c;
        }

        c = End.CompareTo(other.End);
        return c != 0 ? c : Nullable.Compare(Time, other.Time);
    }

    public override string ToString() => Written;

    private static FactDateResult ParseSingle(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            if (s.Length == 6 && Year(s[2..]) is { } fy)
            {
                return FactDateResult.Ok(new FactDate(text.Trim(), new DateOnly(fy - 1, 10, 1), new DateOnly(fy, 9, 30), null, DatePrecision.FiscalYear));
            }

            return FactDateResult.Fail($"'{text}' is not a fiscal year (write FY2025: 1 October 2024 to 30 September 2025)");
        }

        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            return ParseMonthDay(text.Trim(), s);
        }

        if (s.Length < 4 || Year(s[..4]) is not { } year)
        {
            return FactDateResult.Fail($"'{text}' is not a date (write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or FY2025)");
        }

        if (s.Length == 4)
        {
            return FactDateResult.Ok(new FactDate(text, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, DatePrecision.Year));
        }

        if (s.Length == 7 && s[4] == '-' && s[5] is 'Q' or 'q')
        {
            if (s[6] is < '1' or > '4')
            {
                return FactDateResult.Fail($"'{text}' is not a quarter (write 2025-Q1 to 2025-Q4)");
            }

            var first = ((s[6] - '1') * 3) + 1;
            var lastMonth = first + 2;
            return FactDateResult.Ok(new FactDate(text.Trim(), new DateOnly(year, first, 1), new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth)), null, DatePrecision.Quarter));
        }

        if (s.Length < 7 || s[4] != '-' || Number(s[5..7]) is not { } month || (s.Length > 7 && s[7] != '-'))
        {
            return FactDateResult.Fail($"'{text}' is not a date (write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or FY2025)");
        }

        if (month is < 1 or > 12)
        {
            return FactDateResult.Fail($"'{text}' is not a date: there is no month {month}");
        }

        var monthEnd = DateTime.DaysInMonth(year, month);
        if (s.Length == 7)
        {
            return FactDateResult.Ok(new FactDate(text, new DateOnly(year, month, 1), new DateOnly(year, month, monthEnd), null, DatePrecision.Month));
        }

        if (s.Length < 10 || Number(s[8..10]) is not { } day)
        {
            return FactDateResult.Fail($"'{text}' is not a date (write YYYY, YYYY-MM, YYYY-MM-DD or FY2025)");
        }

        if (day < 1 || day > monthEnd)
        {
            var monthName = new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            return FactDateResult.Fail($"'{text}' is not a date: {monthName} has {monthEnd} days");
        }

        var date = new DateOnly(year, month, day);
        if (s.Length == 10)
        {
            return FactDateResult.Ok(new FactDate(text, date, date, null, DatePrecision.Day));
        }

        if (s[10] == 'T' && TimeOnly.TryParseExact(s[11..], ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return FactDateResult.Ok(new FactDate(text, date, date, time, DatePrecision.Time));
        }

        return FactDateResult.Fail($"'{text}' is not a date (a time is written YYYY-MM-DDTHH:mm)");
    }

    /// <summary>--MM-DD: a day and month with no year (29 February allowed, as any year may be meant).</summary>
    private static FactDateResult ParseMonthDay(string text, ReadOnlySpan<char> s)
    {
        if (s.Length != 7 || s[4] != '-' || Number(s[2..4]) is not { } month || Number(s[5..7]) is not { } day)
        {
            return FactDateResult.Fail($"'{text}' is not a day and month (write --MM-DD, as --10-14)");
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return FactDateResult.Fail($"'{text}' is not a day and month: there is no day {day} in month {month}");
        }

        return FactDateResult.Ok(new FactDate(text, DateOnly.MinValue, DateOnly.MinValue, null, DatePrecision.MonthDay));
    }

    private static int? Year(ReadOnlySpan<char> s) => Number(s) is { } y && s.Length == 4 && y >= 1 ? y : null;

    private static int? Number(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        return s.Length > 0 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

/// <summary>A parsed <see cref="FactDate"/>, or why the text is not one.</summary>
public readonly record struct FactDateResult(FactDate Value, string? Error)
{
    public static FactDateResult Ok(FactDate value) => new(value, null);

    public static FactDateResult Fail(string error) => new(default, error);
}
