namespace SoftPowerAtlas.Analysis.Dates;

internal enum CandidateKind
{
    /// <summary>A day (and month) with or without its year, possibly a range of days.</summary>
    Date,
    Month,
    Year,
    FiscalYear,

    /// <summary>A relative word (yesterday, ปีหน้า) or a duration from the anchor (ภายใน 6 เดือน).</summary>
    Relative,

    /// <summary>A duration counted from an event that is not a date (4 ปี นับตั้งแต่วันที่ลงนาม).</summary>
    Duration,
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

    /// <summary>Set when the year was not written and came from the anchor.</summary>
    public DateOnly? ResolvedAgainst { get; set; }

    public bool IsRange => EndDay is not null || EndMonth is not null || EndYear is not null;

    public int Length => End - Start;
}
