namespace SoftPowerAtlas.Analysis.Dates;

internal enum CandidateKind
{
    /// <summary>A day (and month) with or without its year, possibly a range of days.</summary>
    Date,

    /// <summary>A month with or without its year (มกราคม 2567, in May, ต.ค. นี้), or a range of months.</summary>
    Month,
    Year,
    FiscalYear,

    /// <summary>A quarter of a year (Q3 2025, ไตรมาสที่ 3/2568), or a range of quarters.</summary>
    Quarter,

    /// <summary>A relative word (yesterday, ปีหน้า) or a duration from the anchor (ภายใน 6 เดือน).</summary>
    Relative,

    /// <summary>A weekday standing for the day near the anchor it names (on Friday, เมื่อวันศุกร์ที่ผ่านมา).</summary>
    Weekday,

    /// <summary>A duration counted from an event that is not a date (4 ปี นับตั้งแต่วันที่ลงนาม).</summary>
    Duration,
}

/// <summary>Which side of the anchor a date written without its year falls on, as the words around it tell.</summary>
internal enum DateTense
{
    /// <summary>No word says: the year that puts it nearest the anchor.</summary>
    Unknown,

    /// <summary>เมื่อ…ที่ผ่านมา, last, was: on or before the anchor.</summary>
    Past,

    /// <summary>…นี้, ที่จะถึง, will, next: on or after the anchor.</summary>
    Future,
}

/// <summary>
/// A date shape found by the scanner, its parts read but not yet resolved: the year may still be
/// missing (shared with a later date or taken from the anchor) and a relative one has no value yet.
/// </summary>
internal sealed class DateCandidate
{
    public int Start { get; set; }

    public int End { get; set; }

    public CandidateKind Kind { get; init; }

    /// <summary>Gregorian year as written, or null when the text gives none.</summary>
    public int? Year { get; set; }

    public int? Month { get; init; }

    public int? Day { get; init; }

    public int? Hour { get; init; }

    public int? Minute { get; init; }

    public int? EndYear { get; set; }

    public int? EndMonth { get; init; }

    public int? EndDay { get; init; }

    /// <summary>An impossible date found in an unmistakable date shape.</summary>
    public string? Error { get; set; }

    /// <summary>The mention itself opens with ภายใน (ภายในปี 2566, ภายใน 6 เดือน).</summary>
    public bool DeadlineWord { get; init; }

    public DateUnit Unit { get; init; }

    /// <summary>Offset in <see cref="Unit"/> from the anchor (relative words, durations).</summary>
    public int Offset { get; init; }

    /// <summary>A duration (amount and unit) as opposed to a relative word.</summary>
    public bool IsDuration { get; init; }

    /// <summary>A duration that covers the time from the anchor on (within the next three months), not a point after it.</summary>
    public bool Spans { get; init; }

    /// <summary>Which part of the period a relative word or a year names (กลางปีหน้า, mid-2025, สิ้นปี).</summary>
    public PeriodPart Part { get; init; }

    /// <summary>The year is the anchor's plus this (October 5 this year, ไตรมาส 3 ปีหน้า), when it is not written.</summary>
    public int? YearOffset { get; set; }

    /// <summary>Which side of the anchor the date falls on when its year must be found.</summary>
    public DateTense Tense { get; set; }

    /// <summary>The weekday a <see cref="CandidateKind.Weekday"/> candidate names.</summary>
    public DayOfWeek Weekday { get; init; }

    /// <summary>A year that names something (Expo 2025, ครั้งที่ 2/2568): the role is <see cref="DateRole.Name"/>.</summary>
    public bool NamesSomething { get; init; }

    /// <summary>A dateline (BANGKOK, Nov 11 (TNA) –): its year can only be the publication's.</summary>
    public bool Dateline { get; set; }

    /// <summary>Which of two readings of the same span wins: a bare year (-1) gives way to one read with its word.</summary>
    public int Priority { get; init; }

    /// <summary>The year was not written: it came from a list, the anchor or the passage.</summary>
    public bool YearInferred { get; set; }

    /// <summary>Set when the year was not written and came from the anchor.</summary>
    public DateOnly? ResolvedAgainst { get; set; }

    public bool IsRange => EndDay is not null || EndMonth is not null || EndYear is not null;

    public int Length => End - Start;

    /// <summary>A copy to resolve, so one scan can be resolved against several anchors.</summary>
    public DateCandidate Clone() => (DateCandidate)MemberwiseClone();
}
