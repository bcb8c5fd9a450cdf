using System.Globalization;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>How precisely a date was written: a year, a month, a day, or a day with a time.</summary>
public enum DateGranularity
{
    None,
    Year,
    Month,
    Day,
    Minute,
}

/// <summary>
/// A Gregorian calendar value known to the precision it was written with (2023, 2023-10, 2023-10-26,
/// 2023-10-26T10:30 in Asia/Bangkok wall time), or a day and month whose year the text never gives
/// (--10-14). Always valid once built; <c>default</c> is empty.
/// </summary>
public readonly record struct DateValue
{
    private const string NoYear = "a day and month written without a year has no place on a calendar";

    private DateValue(int year, int? month, int? day, int? hour, int? minute, DateGranularity granularity)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Granularity = granularity;
    }

    /// <summary>The Gregorian year; 0 for a day and month written without one (see <see cref="HasYear"/>).</summary>
    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public int? Hour { get; }

    public int? Minute { get; }

    public DateGranularity Granularity { get; }

    /// <summary>True for <c>default(DateValue)</c>: no date at all.</summary>
    public bool IsEmpty => Granularity == DateGranularity.None;

    /// <summary>False for a day and month written without a year: it has no place on a calendar.</summary>
    public bool HasYear => Year != 0;

    /// <summary>First day of the period the value names (1 January for a year); only for a value with a year.</summary>
    public DateOnly StartDate => HasYear ? new(Year, Month ?? 1, Day ?? 1) : throw new InvalidOperationException(NoYear);

    /// <summary>Last day of the period the value names (31 December for a year); only for a value with a year.</summary>
    public DateOnly EndDate => Granularity switch
    {
        _ when !HasYear => throw new InvalidOperationException(NoYear),
        DateGranularity.Year => new DateOnly(Year, 12, 31),
        DateGranularity.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month!.Value)),
        _ => StartDate,
    };

    public static DateValue OfYear(int year) => Create(year, null, null, null, null);

    public static DateValue OfMonth(int year, int month) => Create(year, month, null, null, null);

    public static DateValue OfDay(int year, int month, int day) => Create(year, month, day, null, null);

    public static DateValue OfDay(DateOnly date) => OfDay(date.Year, date.Month, date.Day);

    public static DateValue OfMinute(int year, int month, int day, int hour, int minute) =>
        Create(year, month, day, hour, minute);

    /// <summary>A day and month the text gives no year for (--10-14); 29 February is allowed.</summary>
    public static bool TryCreateMonthDay(int month, int day, out DateValue value, out string? error)
    {
        value = default;
        error = month is < 1 or > 12 ? string.Create(CultureInfo.InvariantCulture, $"there is no month {month}")
            : day < 1 || day > DateTime.DaysInMonth(2000, month) ? string.Create(CultureInfo.InvariantCulture, $"month {month} has no day {day}")
            : null;
        if (error is null)
        {
            value = new DateValue(0, month, day, null, null, DateGranularity.Day);
        }

        return error is null;
    }

    /// <summary>The same day and month in <paramref name="year"/> (false for 29 February of a common year).</summary>
    public bool TryWithYear(int year, out DateValue value) =>
        TryCreate(year, Month, Day, Hour, Minute, out value, out _);

    /// <summary>
    /// Builds a value from parts, each later part needing the earlier ones; returns false with a
    /// reason (month 13, 31 February, 25:00) instead of throwing.
    /// </summary>
    public static bool TryCreate(int year, int? month, int? day, int? hour, int? minute, out DateValue value, out string? error)
    {
        value = default;
        error = Validate(year, month, day, hour, minute);
        if (error is not null)
        {
            return false;
        }

        var granularity = minute is not null ? DateGranularity.Minute
            : day is not null ? DateGranularity.Day
            : month is not null ? DateGranularity.Month
            : DateGranularity.Year;
        value = new DateValue(year, month, day, minute is null ? null : hour, minute, granularity);
        return true;
    }

    /// <summary>The same day without its time (or the value itself when it has none).</summary>
    public DateValue WithoutTime() => Granularity == DateGranularity.Minute ? OfDay(Year, Month!.Value, Day!.Value) : this;

    /// <summary>Contract form: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM or --MM-DD; empty for an empty value.</summary>
    public override string ToString() => Granularity switch
    {
        _ when !HasYear && Granularity != DateGranularity.None => string.Create(CultureInfo.InvariantCulture, $"--{Month:D2}-{Day:D2}"),
        DateGranularity.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DateGranularity.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DateGranularity.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DateGranularity.Minute => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}T{Hour:D2}:{Minute:D2}"),
        _ => string.Empty,
    };

    private static DateValue Create(int year, int? month, int? day, int? hour, int? minute) =>
        TryCreate(year, month, day, hour, minute, out var value, out var error)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(year), error);

    private static string? Validate(int year, int? month, int? day, int? hour, int? minute)
    {
        if (year is < 1 or > 9999)
        {
            return string.Create(CultureInfo.InvariantCulture, $"year {year} is out of range");
        }

        if (month is null)
        {
            return day is null && minute is null ? null : "a day needs a month";
        }

        if (month is < 1 or > 12)
        {
            return string.Create(CultureInfo.InvariantCulture, $"there is no month {month}");
        }

        if (day is null)
        {
            return minute is null ? null : "a time needs a day";
        }

        var days = DateTime.DaysInMonth(year, month.Value);
        if (day < 1 || day > days)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2} has no day {day}");
        }

        if (minute is null)
        {
            return hour is null ? null : "an hour needs minutes";
        }

        return hour is < 0 or > 23 || minute is < 0 or > 59
            ? string.Create(CultureInfo.InvariantCulture, $"{hour}:{minute:D2} is not a time of day")
            : null;
    }
}
