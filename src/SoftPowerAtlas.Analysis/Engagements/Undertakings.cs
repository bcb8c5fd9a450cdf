using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>What every source of commitments shares: whether a date is still ahead, its contract value as a due, and the text shown for an undertaking.</summary>
internal static class Undertakings
{
    private const int MaxWhat = 200;

    /// <summary>A date strictly after the publication date: something still to happen when the text was written.</summary>
    public static bool IsAhead(ExtractionInput input, DateMention d) =>
        input.Published is { } published && !d.IsFiscalYear && d.Value.StartDate > published;

    /// <summary>
    /// The contract's due value: a fiscal year as <c>FY2025</c>; a span of years or months (a period,
    /// "ปี 2566-2567", "from January until December") by its end; a run of days (an event) by its first day.
    /// </summary>
    public static string? DueValue(DateMention? due)
    {
        if (due is null)
        {
            return null;
        }

        // A deadline word (ภายในสิ้นปี) is due on its period's last day, a quarter in its own form.
        if (due.EndsPeriod || due.IsQuarter)
        {
            return due.DueForm;
        }

        if (due.IsFiscalYear)
        {
            var n = due.Normalized;
            var slash = n.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? n : n[(slash + 1)..];
        }

        if (due.End is { } end && end != due.Value && due.Value.Granularity is DateGranularity.Year or DateGranularity.Month)
        {
            return end.ToString();
        }

        return due.Value.ToString();
    }

    public static bool IsDueCandidate(DateMention d) =>
        d.Error is null && d.HasValue && d.Value.HasYear && d.Role is not (DateRole.Name or DateRole.Publication) && !d.Span.IsEmpty;

    /// <summary>A date on or before the publication date (an event the day a release is dated is reported, not promised), or written as past, is a report of what happened.</summary>
    public static bool IsPast(ExtractionInput input, DateMention due)
    {
        var text = input.Text;
        var after = text.AsSpan(due.Span.End, Math.Min(14, text.Length - due.Span.End));
        // "ปี 2566 ที่ผ่านมา" (the past year); not the next paragraph opening with "ที่ผ่านมา …".
        if (after.TrimStart(' ').StartsWith("ที่ผ่านมา", StringComparison.Ordinal))
        {
            return true;
        }

        var before = text.AsSpan(Math.Max(0, due.Span.Start - 10), Math.Min(10, due.Span.Start));
        if (before.Contains("เมื่อ", StringComparison.Ordinal) || before.Contains("since", StringComparison.OrdinalIgnoreCase) || before.Contains("last", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (input.Published is not { } published || due.IsFiscalYear)
        {
            return false;
        }

        var last = (due.End ?? due.Value).EndDate;
        return last <= published;
    }

    /// <summary>The clause, cut on a word boundary at about 200 characters.</summary>
    public static string What(string text, TextSpan clause)
    {
        var s = text.AsSpan(clause.Start, clause.Length).Trim();
        if (s.Length <= MaxWhat)
        {
            return s.ToString();
        }

        var cut = s[..MaxWhat].LastIndexOf(' ');
        return (cut > MaxWhat / 2 ? s[..cut] : s[..MaxWhat]).TrimEnd(" ,;").ToString() + "…";
    }
}
