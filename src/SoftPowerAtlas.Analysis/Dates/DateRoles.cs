using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Decides what a date is for from the words just before it: part of a name (เฉลิมพระเกียรติ
/// 80 พรรษา 5 ธันวาคม 2550), a deadline (ภายใน, by, คาดว่าจะ…ใน), a plan period (พ.ศ. 2563 - 2565)
/// or, by default, an event.
/// </summary>
internal sealed class DateRoles(DateLexicon lexicon)
{
    // How far back in the same clause a cue such as คาดว่าจะ or ตั้งเป้า still governs a date.
    private const int ClauseWindow = 60;

    public static DateRoles Default { get; } = new(DateLexicon.Default);

    /// <param name="text">The whole text.</param>
    /// <param name="c">The candidate.</param>
    /// <param name="windowStart">Where the clause may start: the end of the previous date, at the earliest.</param>
    public DateRole Assign(string text, DateCandidate c, int windowStart)
    {
        var lineStart = TextLines.LastBreak(text, Math.Max(c.Start - 1, 0)) + 1;
        var from = Math.Max(Math.Max(lineStart, windowStart), c.Start - ClauseWindow);
        var before = from < c.Start ? text.AsSpan(from, c.Start - from) : [];
        var trimmed = before.TrimEnd(" \t\u00A0(");

        if (c.NamesSomething || (c.Kind is CandidateKind.Date or CandidateKind.Month && EndsWithCue(StripCount(trimmed), DateRole.Name)))
        {
            return DateRole.Name;
        }

        var deadline = c.DeadlineWord || text.AsSpan(c.Start).StartsWith("ภายใน", StringComparison.Ordinal) || EndsWithCue(trimmed, DateRole.Deadline) || InClause(before, DateRole.Deadline);
        if (deadline)
        {
            return DateRole.Deadline;
        }

        if (c.Kind == CandidateKind.Duration)
        {
            // "4 ปี นับตั้งแต่วันที่ลงนาม": how long something runs, not when it happens.
            return DateRole.Period;
        }

        if (c.Kind == CandidateKind.Year && (c.EndYear is not null || EndsWithCue(trimmed, DateRole.Period) || InClause(before, DateRole.Period)))
        {
            return DateRole.Period;
        }

        return DateRole.Event;
    }

    /// <summary>"ครบรอบ 50 ปี" and "80 พรรษา" end in a count of years; the cue is the word before it.</summary>
    private static ReadOnlySpan<char> StripCount(ReadOnlySpan<char> s)
    {
        var t = s;
        if (t.EndsWith("ปี", StringComparison.Ordinal))
        {
            t = t[..^2].TrimEnd(" \t\u00A0");
            var i = t.Length;
            while (i > 0 && char.IsDigit(t[i - 1]))
            {
                i--;
            }

            if (i < t.Length)
            {
                return t[..i].TrimEnd(" \t\u00A0");
            }
        }

        return s;
    }

    private bool EndsWithCue(ReadOnlySpan<char> before, DateRole role)
    {
        foreach (var cue in lexicon.Cues)
        {
            if (cue.Role != role || !cue.RightBefore || !before.EndsWith(cue.Form, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var at = before.Length - cue.Form.Length;
            if (!IsLatinLetter(cue.Form[0]) || at == 0 || !IsLatinLetter(before[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private bool InClause(ReadOnlySpan<char> before, DateRole role)
    {
        foreach (var cue in lexicon.Cues)
        {
            if (cue.Role == role && !cue.RightBefore && before.Contains(cue.Form, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
