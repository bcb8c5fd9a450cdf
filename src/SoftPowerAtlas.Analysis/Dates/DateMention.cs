using System.Globalization;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>What a date does in its sentence.</summary>
public enum DateRole
{
    Unknown,
    Publication,
    Event,
    Deadline,
    Period,

    /// <summary>Part of a name (a building named after a royal anniversary): not an event.</summary>
    Name,
}

/// <summary>Unit of a written duration.</summary>
public enum DateUnit
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A written length of time: "6 เดือน", "4 years".</summary>
public readonly record struct DateDuration(int Amount, DateUnit Unit);

/// <summary>
/// One date as written in a text: where it is, what it says and what it is for. A mention with
/// <see cref="Error"/> names an impossible date (31 February) and carries no value; a duration
/// counted from an event ("4 ปี นับตั้งแต่วันที่ลงนาม") carries only <see cref="Duration"/>.
/// </summary>
public sealed record DateMention(TextSpan Span, string Text, DateValue Value)
{
    /// <summary>Last period of a range (28-30 มิถุนายน 2567 ends 2024-06-30).</summary>
    public DateValue? End { get; init; }

    /// <summary>A Thai fiscal year: <see cref="Value"/> is its first month (October), <see cref="End"/> its last.</summary>
    public bool IsFiscalYear { get; init; }

    /// <summary>A quarter (Q3 2025, ไตรมาส 3/2568): <see cref="Value"/> is its first month, <see cref="End"/> the last month of the last quarter.</summary>
    public bool IsQuarter { get; init; }

    /// <summary>
    /// A deadline written as the end of its period (ภายในสิ้นปี, by the end of the year, ก่อนปีใหม่): as a date it
    /// is the period, as a due its last day.
    /// </summary>
    public bool EndsPeriod { get; init; }

    public DateRole Role { get; init; } = DateRole.Event;

    /// <summary>Written relative to another date (yesterday, ภายใน 6 เดือน, 4 ปี นับตั้งแต่…).</summary>
    public bool IsRelative { get; init; }

    /// <summary>The anchor a relative expression (or a day and month without a year) was resolved against.</summary>
    public DateOnly? ResolvedAgainst { get; init; }

    /// <summary>Why the written date cannot be a date; when set, <see cref="Value"/> is empty.</summary>
    public string? Error { get; init; }

    public DateDuration? Duration { get; init; }

    /// <summary>A duration counted back from the anchor (2 ปีที่แล้ว, 45 years ago): it says how long ago more than when.</summary>
    public bool CountsBack { get; init; }

    public bool HasValue => Error is null && !Value.IsEmpty;

    /// <summary>
    /// Contract form: YYYY[-MM[-DD[THH:MM]]], --MM-DD (no year in the text), a range A/B, FY2021 or
    /// FY2021/FY2022, 2025-Q3 or 2025-Q3/2025-Q4; empty when there is no value.
    /// </summary>
    public string Normalized
    {
        get
        {
            if (!HasValue)
            {
                return string.Empty;
            }

            if (IsFiscalYear)
            {
                var first = "FY" + (Value.Year + 1).ToString(CultureInfo.InvariantCulture);
                var last = End is { } e ? "FY" + e.Year.ToString(CultureInfo.InvariantCulture) : first;
                return first == last ? first : first + "/" + last;
            }

            if (IsQuarter)
            {
                var first = QuarterOf(Value);
                var last = End is { } e ? QuarterOf(e) : first;
                return first == last ? first : first + "/" + last;
            }

            return End is { } end && end != Value ? Value + "/" + end : Value.ToString();
        }
    }

    /// <summary>
    /// Contract form as a commitment's due: a range is due when it starts (an event promised is due on its
    /// first day), a period ended by a deadline word on its last day, a fiscal year or quarter in its own form.
    /// </summary>
    public string DueForm
    {
        get
        {
            if (!HasValue)
            {
                return string.Empty;
            }

            if (IsFiscalYear || IsQuarter)
            {
                var first = Normalized;
                var slash = first.IndexOf('/', StringComparison.Ordinal);
                return slash < 0 ? first : first[..slash];
            }

            if (EndsPeriod && Value.HasYear)
            {
                return DateValue.OfDay((End ?? Value).EndDate).ToString();
            }

            return Value.ToString();
        }
    }

    private static string QuarterOf(DateValue month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-Q{((month.Month ?? 1) + 2) / 3}");
}
