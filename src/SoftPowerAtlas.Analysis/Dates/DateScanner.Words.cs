using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Dates that lean on words: months and weekdays named alone, relative words and durations, the days
/// of a list, and the words around a date that say whether it is past or to come.
/// </summary>
internal sealed partial class DateScanner
{
    // How far back in its line a word may say a date is past or to come (เมื่อ, will, จะ).
    private const int TenseReach = 60;

    // How many earlier days a list may hold (1, 5, 8 และ 12 มีนาคม).
    private const int MaxListedDays = 8;

    private void MonthsAlone(string text, List<DateCandidate> found)
    {
        foreach (Match m in patterns.ThaiMonthAlone.Matches(text))
        {
            var first = m.Groups["m"];
            if (!ReadMonth(text, first, yearFollows: false, out var month, out _, afterMonthWord: true))
            {
                continue;
            }

            var end = first.Index + first.Length;
            int? month2 = null;
            var second = m.Groups["m2"];
            if (second.Success && ReadMonth(text, second, yearFollows: false, out var mo2, out _, afterMonthWord: true))
            {
                month2 = mo2;
                end = second.Index + second.Length;
            }

            found.Add(new DateCandidate { Start = m.Index, End = end, Kind = CandidateKind.Month, Month = month, EndMonth = month2 });
        }

        // ต.ค. นี้, ตุลาคมนี้: the month to come.
        for (var at = text.IndexOf("นี้", StringComparison.Ordinal); at >= 0; at = text.IndexOf("นี้", at + 3, StringComparison.Ordinal))
        {
            var m = Before(patterns.ThaiMonthBeforeThis, text, at, 24);
            if (m.Success && ReadMonth(text, m.Groups["m"], yearFollows: false, out var month, out _))
            {
                found.Add(new DateCandidate { Start = m.Index, End = at + 3, Kind = CandidateKind.Month, Month = month, Tense = DateTense.Future });
            }
        }

        foreach (Match m in patterns.EnglishMonthAlone.Matches(text))
        {
            var leadMatch = Before(patterns.EnglishMonthLead, text, m.Index, 32);
            if (!leadMatch.Success)
            {
                continue;
            }

            var end = m.Index + m.Length;

            // "in March." ends its sentence; the dot belongs to an abbreviation only (in Jan.).
            var last = (m.Groups["m2"].Success ? m.Groups["m2"] : m.Groups["m"]).ValueSpan.TrimEnd('.');
            if (text[end - 1] == '.' && last.Length >= 4 && !last.Equals("Sept", StringComparison.OrdinalIgnoreCase))
            {
                end--;
            }

            var rest = text.AsSpan(end).TrimStart(" \t\u00A0");
            if (!rest.IsEmpty && char.IsAsciiDigit(rest[0]))
            {
                // "in May 5" or "by March 2024": another shape reads it whole.
                continue;
            }

            var first = m.Groups["m"];
            if (!lexicon.TryMonth(first.ValueSpan.TrimEnd('.'), out var month, out _))
            {
                continue;
            }

            int? month2 = m.Groups["m2"].Success && lexicon.TryMonth(m.Groups["m2"].ValueSpan.TrimEnd('.'), out var mo2, out _) ? mo2 : null;
            var lead = leadMatch.Groups["lead"].Value.ToUpperInvariant();
            found.Add(new DateCandidate
            {
                DeadlineWord = lead is "BY" or "BEFORE",
                Start = leadMatch.Groups["lead"].Index,
                End = end,
                Kind = CandidateKind.Month,
                Month = month,
                EndMonth = month2,
                Part = PartOf(lead),
                Tense = lead switch
                {
                    "LAST" => DateTense.Past,
                    "NEXT" or "THIS" => DateTense.Future,
                    _ => DateTense.Unknown,
                },
            });
        }
    }

    /// <summary>
    /// "on Friday", "said Monday", "เมื่อวันศุกร์ที่ผ่านมา": the day of that name nearest the anchor on the
    /// side the words point to. Not "every Friday", "Good Friday", "Monday to Friday" or a weekday opening a date.
    /// </summary>
    private DateCandidate? Weekday(string text, Match m)
    {
        var wd = m.Groups["wd"];
        if (!lexicon.TryWeekday(wd.ValueSpan, out var day))
        {
            return null;
        }

        var end = m.Index + m.Length;
        var after = text.AsSpan(end).TrimStart(" \t\u00A0");
        var thai = m.Value.StartsWith("วัน", StringComparison.Ordinal);
        if (thai && (after.StartsWith("ที่") ? StartsWithDigit(after[3..].TrimStart(" \t\u00A0")) : StartsWithDigit(after)))
        {
            return null;
        }

        if (!thai && (StartsWithDigit(after) || (after.StartsWith(",") && (StartsWithDigit(after[1..].TrimStart(" ")) || StartsWithMonth(after[1..].TrimStart(" "))))))
        {
            return null;
        }

        if (after.StartsWith("-") || after.StartsWith("–") || after.StartsWith("ถึง") || StartsRange(after))
        {
            return null;
        }

        var before = text.AsSpan(Math.Max(0, m.Index - 8), Math.Min(8, m.Index)).TrimEnd(" \t\u00A0");
        if (before.EndsWith("-") || before.EndsWith("–") || before.EndsWith("ถึง") || before.EndsWith(" to", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lead = Before(patterns.WeekdayLead, text, m.Index, 16).Groups["lead"];
        var leadWord = lead.Success ? lead.Value.ToUpperInvariant() : string.Empty;
        if (leadWord is "EVERY" or "EACH" or "ทุก" or "BLACK" or "GOOD" or "CYBER" or "EASTER" or "HOLY" or "ASH" or "SUPER" or "PALM")
        {
            return null;
        }

        var (tense, offset) = leadWord switch
        {
            "LAST" => (DateTense.Past, -1),
            "เมื่อ" => (DateTense.Past, 0),
            "NEXT" => (DateTense.Future, 1),
            "THIS" or "COMING" => (DateTense.Future, 0),
            _ => (DateTense.Unknown, 0),
        };
        if (thai && after.StartsWith("หน้า"))
        {
            (tense, offset) = (DateTense.Future, 1);
            end = text.IndexOf("หน้า", end, StringComparison.Ordinal) + "หน้า".Length;
        }

        // The span takes the word before (on Friday, เมื่อวันศุกร์) so that the bare name never stands for a longer date.
        return new DateCandidate
        {
            Start = lead.Success ? lead.Index : m.Index,
            End = end,
            Kind = CandidateKind.Weekday,
            Weekday = day,
            Tense = tense,
            Offset = offset,
            DeadlineWord = leadWord is "BY",
        };
    }

    /// <summary>"to Friday", "through Sunday": the weekday opens a range of days.</summary>
    private bool StartsRange(ReadOnlySpan<char> after)
    {
        foreach (var word in (string[])["to ", "through ", "till ", "until "])
        {
            if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var rest = after[word.Length..].TrimStart(" ");
                var end = 0;
                while (end < rest.Length && char.IsAsciiLetter(rest[end]))
                {
                    end++;
                }

                return end > 0 && lexicon.TryWeekday(rest[..end], out _);
            }
        }

        return false;
    }

    private static bool StartsWithDigit(ReadOnlySpan<char> s) => !s.IsEmpty && (char.IsAsciiDigit(s[0]) || s[0] is >= '\u0E50' and <= '\u0E59');

    private bool StartsWithMonth(ReadOnlySpan<char> s)
    {
        var end = 0;
        while (end < s.Length && char.IsAsciiLetter(s[end]))
        {
            end++;
        }

        return end > 0 && lexicon.TryMonth(s[..end], out _, out var kind) && kind == MonthKind.English;
    }

    /// <summary>"12 และ 14 มีนาคม 2567", "5, 8 and 12 June": the earlier days of a list are dates of their own in the same month.</summary>
    private void ListedDaysBefore(string text, int dayAt, DateCandidate main, List<DateCandidate> found)
    {
        var last = main.Day!.Value;
        for (var i = 0; i < MaxListedDays; i++)
        {
            var m = Before(patterns.ListedDayBefore, text, dayAt, 28);
            var d = m.Groups["d"];
            if (!m.Success || Number(d.ValueSpan) is var day && (day < 1 || day >= last))
            {
                return;
            }

            found.Add(new DateCandidate { Start = PrefixStart(text, d.Index), End = d.Index + d.Length, Kind = CandidateKind.Date, Year = main.Year, Month = main.Month, Day = day });
            (last, dayAt) = (day, d.Index);
        }
    }

    /// <summary>"March 12 and 14, 2024": the later days of a list are dates of their own; a year after the last is all of theirs.</summary>
    private void ListedDaysAfter(string text, DateCandidate main, List<DateCandidate> found)
    {
        var items = new List<DateCandidate>();
        var last = main.Day!.Value;
        var at = main.End;
        int? year = null;
        while (items.Count < MaxListedDays && patterns.ListedDayAfter.Match(text, at) is { Success: true } m)
        {
            var d = m.Groups["d"];
            var day = Number(d.ValueSpan);
            if (day <= last || day > 31 || StartsWithMonth(text.AsSpan(d.Index + d.Length).TrimStart(" ")))
            {
                break;
            }

            var item = new DateCandidate { Start = d.Index, End = d.Index + d.Length, Kind = CandidateKind.Date, Month = main.Month, Day = day };
            items.Add(item);
            (last, at) = (day, item.End);
            if (m.Groups["y1"].Success)
            {
                year = Number(m.Groups["y1"].ValueSpan);
                item.End = m.Groups["y1"].Index + m.Groups["y1"].Length;
                break;
            }
        }

        if (year is not null)
        {
            main.Year = year;
            items.ForEach(item => item.Year = year);
        }

        found.AddRange(items);
    }

    /// <summary>
    /// For a date whose year is not written: a year named relative to the anchor after it (this year, ปีหน้า), words
    /// that say it is past or to come (เมื่อ … ที่ผ่านมา, … นี้, will), and whether it opens a dateline.
    /// </summary>
    private void ReadSurroundings(string text, DateCandidate c)
    {
        var yearless = c.Kind is CandidateKind.Date or CandidateKind.Month or CandidateKind.Quarter && c.Year is null && c.Error is null;
        if (!yearless && c.Kind != CandidateKind.Weekday)
        {
            return;
        }

        if (yearless && c.YearOffset is null && patterns.RelativeYearAfter.Match(text, c.End) is { Success: true } rel)
        {
            c.YearOffset = rel.Groups["rel"].Value.ToUpperInvariant() switch
            {
                "ปีหน้า" => 1,
                "ปีที่แล้ว" or "ปีก่อน" => -1,
                var w when w.StartsWith("NEXT", StringComparison.Ordinal) => 1,
                var w when w.StartsWith("LAST", StringComparison.Ordinal) => -1,
                _ => 0,
            };
            c.End = rel.Index + rel.Length;
        }

        if (patterns.TenseAfter.Match(text, c.End) is { Success: true } after && c.Tense == DateTense.Unknown)
        {
            c.Tense = after.Groups["future"].Success ? DateTense.Future : DateTense.Past;
            if (yearless && after.Groups["future"].Value == "นี้")
            {
                c.End = after.Index + after.Length;
            }
        }

        var lineStart = c.Start == 0 ? 0 : TextLines.LastBreak(text, c.Start - 1) + 1;
        if (c.Tense == DateTense.Unknown && c.Kind == CandidateKind.Weekday && PastVerbBefore(text, c.Start))
        {
            c.Tense = DateTense.Past;
        }

        if (c.Tense == DateTense.Unknown)
        {
            c.Tense = ClauseTense(text, c.Start);
        }

        if (c.Tense == DateTense.Unknown && c.Kind == CandidateKind.Weekday)
        {
            c.Tense = WeekdayTense(text, c);
        }

        c.Dateline = yearless && c.Kind == CandidateKind.Date && IsDateline(text, lineStart, c);
    }

    /// <summary>"… the spokesman announced on Sunday": a verb in the past right before an English weekday says which Sunday.</summary>
    private static bool PastVerbBefore(string text, int at)
    {
        var before = text.AsSpan(Math.Max(0, at - 16), Math.Min(16, at)).TrimEnd();
        var verb = before[(before.LastIndexOf(' ') + 1)..];
        return verb.Length > 0 && char.IsAsciiLetterLower(verb[0]) && (verb.EndsWith("ed", StringComparison.Ordinal)
            || verb is "said" or "met" or "told" or "held" or "was" or "were" or "took" or "made" or "gave" or "began");
    }

    /// <summary>
    /// "On Wednesday, the former prime minister will speak on …", "… will join a discussion … on Thursday.": an
    /// English weekday whose sentence speaks of the future, wherever its "will" stands.
    /// </summary>
    private static DateTense WeekdayTense(string text, DateCandidate c)
    {
        var lineStart = c.Start == 0 ? 0 : TextLines.LastBreak(text, c.Start - 1) + 1;
        var from = Math.Max(text.AsSpan(0, c.Start).LastIndexOf('.') + 1, lineStart);
        var to = text.IndexOfAny(['.', '\n'], c.End);
        var sentence = text.AsSpan(from, (to < 0 ? text.Length : to) - from);
        return FutureInSentence().IsMatch(sentence) ? DateTense.Future : DateTense.Unknown;
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:will|is set to|are set to|is scheduled to|are scheduled to)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex FutureInSentence();

    /// <summary>"BANGKOK, Nov 11 (TNA) –", "28 ก.พ. – ครม.…": a day opening its line, alone or after a place, before a dash or an agency.</summary>
    private bool IsDateline(string text, int lineStart, DateCandidate c)
    {
        if (!patterns.DatelineHead.IsMatch(text.AsSpan(lineStart, c.Start - lineStart)))
        {
            return false;
        }

        var after = text.AsSpan(c.End).TrimStart(" \t\u00A0");
        if (after.StartsWith("("))
        {
            var close = after.IndexOf(')');
            if (close is > 1 and <= 24)
            {
                return true;
            }
        }

        return after.StartsWith("–") || after.StartsWith("—") || after.StartsWith("- ") || after.StartsWith(":");
    }
}
