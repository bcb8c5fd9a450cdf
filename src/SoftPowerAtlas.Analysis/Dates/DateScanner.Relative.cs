using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Relative words and durations (ปีหน้า, within the next three months, อีก 2 ปี, 45 years ago), and the
/// words of a clause that say whether what it tells is past or to come.
/// </summary>
internal sealed partial class DateScanner
{
    private DateCandidate? Relative(Match m)
    {
        if (!lexicon.TryRelative(m.Value, out var word))
        {
            return null;
        }

        return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Relative, Unit = word.Unit, Offset = word.Offset, Part = word.Part };
    }

    private DateCandidate? Duration(string text, Match m)
    {
        var amount = Number(m.Groups["n"].ValueSpan);
        var unit = lexicon.Unit(m.Groups["unit"].Value);
        if (m.Groups["from"].Success)
        {
            return CountedFrom(m, amount, unit);
        }

        if (m.Groups["ago"].Success)
        {
            return new DateCandidate { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Relative, Unit = unit, Offset = -amount, IsDuration = true };
        }

        var cue = Before(patterns.DurationCue, text, m.Index, 28);
        return FromCue(text, cue.Groups["cue"], cue.Groups["next"], amount, unit, m.Index + m.Length);
    }

    /// <summary>A term counted from an event (4 ปี นับตั้งแต่วันที่ลงนาม, three years from the date of signing): no date until the event's.</summary>
    private static DateCandidate CountedFrom(Match m, int amount, DateUnit unit) =>
        new() { Start = m.Index, End = m.Index + m.Length, Kind = CandidateKind.Duration, Unit = unit, Offset = amount, IsDuration = true };

    private DateCandidate? DurationInWords(string text, Match m) =>
        FromCue(text, m.Groups["cue"], m.Groups["next"], lexicon.NumberValue(m.Groups["n"].ValueSpan), lexicon.Unit(m.Groups["unit"].Value), m.Index + m.Length);

    private static bool LooksBack(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(" \t\u00A0");
        var start = before.Length;
        while (start > 0 && char.IsAsciiLetter(before[start - 1]))
        {
            start--;
        }

        var word = InvariantCase.ToUpper(before[start..]);
        return word is "TIME" or "TIMES" or "BEST" or "WORST" or "HIGHEST" or "LOWEST" or "LARGEST" or "BIGGEST" or "SMALLEST" or "FASTEST"
            or "STRONGEST" or "WEAKEST" or "LONGEST" or "GREATEST" or "FIRST" or "LAST";
    }

    /// <summary>Which side of the anchor the words in the clause before <paramref name="at"/> point to (เมื่อ, was; จะ, will, next).</summary>
    private DateTense ClauseTense(string text, int at)
    {
        var lineStart = at == 0 ? 0 : TextLines.LastBreak(text, at - 1) + 1;
        var from = Math.Max(lineStart, at - TenseReach);
        Match? last = null;
        for (var m = patterns.TenseBefore.Match(text, from, at - from); m.Success; m = m.NextMatch())
        {
            last = m;
        }

        return last is null ? DateTense.Unknown : last.Groups["future"].Success ? DateTense.Future : DateTense.Past;
    }

    /// <summary>
    /// A duration after its cue: "ภายใน 6 เดือน", "within the next three months" cover the time from the anchor on
    /// (a deadline at its end); "in two years", "อีก 2 ปี" name the period that far ahead.
    /// </summary>
    private DateCandidate? FromCue(string text, Group cue, Group next, int amount, DateUnit unit, int end)
    {
        if (!cue.Success || amount <= 0 || (char.IsAsciiLetter(cue.Value[0]) && cue.Index > 0 && char.IsAsciiLetter(text[cue.Index - 1])))
        {
            return null;
        }

        var word = InvariantCase.ToUpper(cue.ValueSpan);
        var within = word.StartsWith("ภายใน", StringComparison.Ordinal) || word.StartsWith("WITHIN", StringComparison.Ordinal);
        if (word.StartsWith("OVER", StringComparison.Ordinal) && !next.Success)
        {
            return null;
        }

        // "in two years" is that far ahead only when the clause speaks of what is to come; "the second time in
        // 22 years", "the highest in ten years" look back whatever the tense.
        if (word == "IN" && (ClauseTense(text, cue.Index) != DateTense.Future || LooksBack(text.AsSpan(Math.Max(0, cue.Index - 12), Math.Min(12, cue.Index)))))
        {
            return null;
        }

        return new DateCandidate
        {
            Start = cue.Index,
            End = end,
            Kind = CandidateKind.Relative,
            Unit = unit,
            Offset = amount,
            IsDuration = true,
            Spans = within || next.Success,
            DeadlineWord = within,
        };
    }
}
