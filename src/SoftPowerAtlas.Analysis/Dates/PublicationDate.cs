using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Chooses a document's publication date the way a reader would: the front-matter or stamp date (a
/// month stamp made a day by the "วันนี้ (5 ต.ค.)" that opens the report in that month); else a date
/// standing (almost) alone on a line of the page header; else a labelled one (Published, เผยแพร่,
/// วันที่นำเข้าข้อมูล) or a dateline (BANGKOK, March 3, 2024 –; 20 ก.ค.2566 –); else the day a Thai report
/// opens with (วันนี้ (23 ก.พ. 68)), which stays a date of the report too. Only a date with its year is a
/// publication date.
/// </summary>
public static partial class PublicationDate
{
    // The header is the lines before the body text: it ends at the first long line.
    private const int BodyLineLength = 200;
    private const int MaxHeaderLines = 15;
    private const int MaxHeaderChars = 2500;

    // "(Almost) alone": at most this many letters besides the date (เผยแพร่:, Published on, date:).
    private const int AloneSlack = 16;

    // Bylines and datelines are looked for this far into the text.
    private const int BylineReach = 3000;

    // "วันนี้ (date)" dates the report when it opens a line this early, after at most a place word.
    private const int TodayReach = 1500;
    private const int TodayLead = 12;

    // Other dates on the published date's line are stamps too (Updated : …) when the line is this short.
    private const int StampLineLength = 120;

    // A date alone on one of the first lines is the page's stamp even when a long title line ends the header.
    private const int TopLines = 5;

    /// <summary>
    /// Returns the mentions with the chosen date (and header dates of the same day) marked
    /// <see cref="DateRole.Publication"/>, and the chosen one; Published is null when there is none.
    /// </summary>
    public static DocumentDates Choose(string text, IReadOnlyList<DateMention> mentions, DateMention? frontMatter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var headerEnd = HeaderEnd(text);
        DateMention? published = frontMatter is { HasValue: true, Value.HasYear: true } ? frontMatter with { Role = DateRole.Publication } : null;
        if (published is { Value.Granularity: DateGranularity.Month } stamp
            && mentions.FirstOrDefault(m => IsToday(text, m)) is { } today && today.Value.Year == stamp.Value.Year && today.Value.Month == stamp.Value.Month)
        {
            published = today;
        }

        published ??= mentions.FirstOrDefault(m => (m.Span.End <= headerEnd || (m.Span.Start < BylineReach && LineIndex(text, m) < TopLines)) && IsDay(m) && StandsAlone(text, m) && !IsSpacedNumbers(m));
        published ??= mentions.FirstOrDefault(m => m.Span.Start < BylineReach && IsDay(m) && Byline().IsMatch(LineBefore(text, m)));

        published ??= mentions.FirstOrDefault(m => m.Span.Start < BylineReach && IsDay(m) && IsDateline(text, m));

        // "วันนี้ (23 ก.พ. 68)" opening the report dates the page, and stays the day of what the report tells.
        if (published is null && mentions.FirstOrDefault(m => IsToday(text, m)) is { } opening)
        {
            return new DocumentDates(mentions, opening);
        }

        if (published is null)
        {
            return new DocumentDates([.. mentions.Select(m => IsUpdateStamp(text, m) ? m with { Role = DateRole.Publication } : m)], null);
        }

        var day = published.Value.WithoutTime();
        var stampLine = published.Span.IsEmpty ? (-1, -1) : LineOf(text, published);
        var marked = new DateMention[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var same = ReferenceEquals(m, published)
                || (m.Span.End <= headerEnd && IsDay(m) && m.Value.WithoutTime() == day && StandsAlone(text, m))
                || (IsDay(m) && stampLine.Item2 - stampLine.Item1 <= StampLineLength && LineOf(text, m) == stampLine)
                || (m.Span.Start < BylineReach && IsDay(m) && m.Value.WithoutTime() == day && IsDateline(text, m))
                || IsUpdateStamp(text, m);
            marked[i] = same ? m with { Role = DateRole.Publication } : m;
            if (ReferenceEquals(m, published))
            {
                published = marked[i];
            }
        }

        return new DocumentDates(marked, published);
    }

    /// <summary>"วันที่ปรับปรุงข้อมูล 20 ส.ค. 2565", "Last updated: 30 Nov 2022": the page's stamp wherever it stands, never an event's day.</summary>
    private static bool IsUpdateStamp(string text, DateMention m) => !m.Span.IsEmpty && IsDay(m) && UpdateLabel().IsMatch(Tail(LineBefore(text, m), UpdateLabelReach));

    // The update label (at most 14 characters) and what may follow it (20) end the line before the date: its
    // last 100 characters hold any match and the character before it. Reading the whole line for every date
    // made a page of one long line quadratic.
    private const int UpdateLabelReach = 100;

    private static ReadOnlySpan<char> Tail(ReadOnlySpan<char> s, int length) => s.Length <= length ? s : s[^length..];

    private static bool IsDay(DateMention m) =>
        m.HasValue && m.Value.HasYear && !m.IsRelative && !m.IsFiscalYear && m.End is null && m.Value.Granularity >= DateGranularity.Day;

    /// <summary>"วันนี้ (23 กุมภาพันธ์ 2568) นางสาว…" opening a line near the top (after a place word at most): the report's day.</summary>
    private static bool IsToday(string text, DateMention m)
    {
        if (m.Span.Start >= TodayReach || !IsDay(m))
        {
            return false;
        }

        var (start, _) = LineOf(text, m);
        var before = text.AsSpan(start, m.Span.Start - start).TrimEnd(" \t(");
        return before.EndsWith("วันนี้", StringComparison.Ordinal) && Letters(before[..^"วันนี้".Length]) <= TodayLead;
    }

    private static int HeaderEnd(string text)
    {
        var lines = 0;
        var start = 0;
        while (start < text.Length && start < MaxHeaderChars)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(start, end - start).Trim();
            if (line.Length >= BodyLineLength)
            {
                return start;
            }

            if (line.Length > 0 && ++lines >= MaxHeaderLines)
            {
                return end;
            }

            start = end + 1;
        }

        return Math.Min(start, text.Length);
    }

    private static (int Start, int End) LineOf(string text, DateMention m)
    {
        var start = m.Span.Start == 0 ? 0 : TextLines.LastBreak(text, m.Span.Start - 1) + 1;
        var end = TextLines.NextBreak(text, m.Span.End);
        return (start, end < 0 ? text.Length : end);
    }

    private static bool StandsAlone(string text, DateMention m)
    {
        var (start, end) = LineOf(text, m);
        // "วันที่ 10 กันยายน 2567 เวลา 16:30 น. ผู้เขียนข่าว : …": a labelled field after the date is another field of the header.
        var after = text.AsSpan(m.Span.End, end - m.Span.End);
        var label = NextLabel().Match(after.ToString());
        if (label.Success)
        {
            after = after[..label.Index];
        }

        return Letters(text.AsSpan(start, m.Span.Start - start)) + Letters(after) <= AloneSlack;
    }

    private static int Letters(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                n++;
            }
        }

        return n;
    }

    private static ReadOnlySpan<char> LineBefore(string text, DateMention m)
    {
        var (start, _) = LineOf(text, m);
        return text.AsSpan(start, m.Span.Start - start);
    }

    /// <summary>"BANGKOK, March 12, 2024 –", "20 ก.ค.2566 – นายอิทธิพล…": a place and a comma, or nothing, before the date; a dash after a bare one.</summary>
    private static bool IsDateline(string text, DateMention m)
    {
        var before = LineBefore(text, m);
        return Dateline().IsMatch(before) || (before.Trim().IsEmpty && DashAfter().IsMatch(text.AsSpan(m.Span.End)));
    }

    /// <summary>Which non-empty line of the text the mention is on (0 for the first).</summary>
    private static int LineIndex(string text, DateMention m)
    {
        var lines = 0;
        var inLine = false;
        for (var i = 0; i < m.Span.Start && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines += inLine ? 1 : 0;
                inLine = false;
            }
            else if (!char.IsWhiteSpace(text[i]))
            {
                inLine = true;
            }
        }

        return lines;
    }

    /// <summary>"16 12 2562": three numbers a page may show for anything (a caption, a file); not a stamp by themselves.</summary>
    private static bool IsSpacedNumbers(DateMention m) => SpacedNumbers().IsMatch(m.Text);

    // "20 ก.ค.2566 – นายอิทธิพล…": a date opening its line before a dash is the report's dateline.
    [GeneratedRegex(@"^[ \t]*[–—-][ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex DashAfter();

    [GeneratedRegex(@"(?:\b(?i:Updated|Last updated|Last modified|Modified)\b|อัปเดต|อัพเดท|อัพเดต|ปรับปรุงข้อมูล|ปรับปรุงล่าสุด|แก้ไขล่าสุด|แก้ไขเมื่อ)[^\n\p{N}]{0,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex UpdateLabel();

    [GeneratedRegex(@"^\d{1,2} \d{1,2} \d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedNumbers();

    [GeneratedRegex(@"(?:^|\s|\|)\p{L}[\p{L}\p{M}]*\s?:\s", RegexOptions.CultureInvariant)]
    private static partial Regex NextLabel();

    [GeneratedRegex(@"(?:\b(?:Published|Posted|Updated|Released|By\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*)\b|เผยแพร่|โพสต์|ประกาศเมื่อ|วันที่ลงข่าว|ข่าววันที่|วันที่นำเข้าข้อมูล|วันที่บันทึก|^\s*(?i:date)\s*:?\s*$)[^\n]{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    // BANGKOK, / Bangkok, Thailand, — a place in capitals and a comma opening the first paragraph (after the page's
    // " date 2024-05-31" stamp when the paragraph shares its line).
    [GeneratedRegex(@"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+)*,(?:\s*\p{Lu}[\p{L}.'-]+,)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
