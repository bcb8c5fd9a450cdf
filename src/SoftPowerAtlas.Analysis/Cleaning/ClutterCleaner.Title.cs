using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>
/// The page's headline: not a section label or the site's name above it (ข่าวกิจกรรม, กระทรวงวัฒนธรรม),
/// not a photo caption, not a leading date stamp or dateline; when the text holds no headline, the
/// first sentence of its lead, never a whole paragraph.
/// </summary>
public sealed partial class ClutterCleaner
{
    // A headline is at least this long and a line past this length is a paragraph, not a headline.
    private const int MinHeadlineLength = 20;
    private const int MaxHeadlineLength = 300;

    // A line at least this long that ends with a full stop is a sentence of the body, not a headline.
    private const int MinBodySentence = 100;

    // A title longer than this is cut to its first sentence (or at a word near this length).
    private const int MaxTitleLength = 200;

    /// <summary>Lines a headline may be wrapped over below its first, and the longest of them.</summary>
    private const int MaxWrappedHeadlineLines = 3;

    private const int MaxWrappedHeadlineLine = 90;

    // Only a line this short loses a " - Site" part: a longer one is the body, whatever dashes it holds.
    private const int MaxSiteTitleLine = 200;

    // A line this short that is a dated day and at most this many other letters is a stamp of the page.
    private const int StampLineLength = 100;
    private const int MaxStampLetters = 24;

    /// <summary>
    /// A leading stamp " date 2024-04-03 …" on the first line: the publication date as written, with its
    /// span; what follows it on the line is the line's text. Returns where that text starts (or -1).
    /// </summary>
    private static int ReadStamp(List<Line> lines, Fate[] fate, MappedText text, ref DocumentMetadata metadata)
    {
        var first = Array.FindIndex(fate, f => f != Fate.Blank);
        if (first < 0 || Stamp().Match(lines[first].Text) is not { Success: true } stamp)
        {
            return -1;
        }

        var value = stamp.Groups["d"];
        if (metadata.PublishedAsWritten is null)
        {
            var at = lines[first].Start + value.Index;
            metadata = metadata with { PublishedAsWritten = value.Value, PublishedSpan = text.ToOriginal(at, at + value.Length) };
        }

        fate[first] = Fate.Keep;
        return lines[first].Start + stamp.Length;
    }

    /// <summary>
    /// The title is the loader's, or the headline line with the site's name cut off: a part of it that
    /// appears again as its own line, or what is left of it before a short " - Site" part. Later copies
    /// of the title, the site name lines and the masthead lines between (but no line with a date) are dropped.
    /// </summary>
    private DocumentMetadata FindTitle(List<Line> lines, Fate[] fate, MappedText text, DocumentMetadata metadata, int stampEnd, out int titleLine, out (int Start, int End) titleRange)
    {
        titleLine = HeadlineLine(lines, fate, stampEnd, out var isLead);
        titleRange = titleLine >= 0 ? (lines[titleLine].Start, lines[titleLine].End) : (0, 0);
        if (titleLine < 0)
        {
            return metadata;
        }

        var later = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = Math.Min(lines.Count, titleLine + HeaderLines) - 1; i > titleLine; i--)
        {
            later[LineText.Key(lines[i].Text)] = i;
        }

        var firstLine = titleLine;
        var first = lines[titleLine];
        var siteParts = new List<string>();
        string titleKey;
        if (metadata.Title is { } loaderTitle)
        {
            titleKey = LineText.Key(TitlePart(loaderTitle, later, siteParts) is { } part ? loaderTitle[part.Start..part.End] : loaderTitle);
            if (LineText.Key(first.Text) != titleKey)
            {
                titleLine = -1;
            }
        }
        else
        {
            if (first.Text.Length <= MaxSiteTitleLine && TitlePart(first.Text, later, siteParts) is { } p && !HasDigit(first.Text.AsSpan(p.End)) && !HasDigit(first.Text.AsSpan(0, p.Start)))
            {
                titleRange = (first.Start + p.Start, first.Start + p.End);
            }

            titleKey = LineText.Key(first.Text.AsSpan(titleRange.Start - first.Start, titleRange.End - titleRange.Start));
        }

        var lastCopy = -1;
        var siteKeys = siteParts.Select(p => LineText.Key(p)).ToHashSet(StringComparer.Ordinal);
        var firstKey = LineText.Key(first.Text);
        for (var i = Math.Max(titleLine, 0) + 1; i < Math.Min(lines.Count, Math.Max(titleLine, 0) + HeaderLines); i++)
        {
            // When the loader's title differs from it, the first kept line is the body's first paragraph,
            // not a copy of itself.
            var key = LineText.Key(lines[i].Text);
            if (i != firstLine && key.Length > 0 && (key == titleKey || key == firstKey))
            {
                fate[i] = Fate.Drop;
                lastCopy = i;
            }
            else if (siteKeys.Contains(key) && fate[i] == Fate.Keep)
            {
                fate[i] = Fate.Drop;
            }
        }

        for (var i = titleLine + 1; titleLine >= 0 && i < lastCopy; i++)
        {
            if (fate[i] == Fate.Keep && LineText.Words(lines[i].Text) <= MaxHeaderChromeWords && !IsLabelled(lines[i].Text) && !HasDate(lines[i].Text))
            {
                fate[i] = Fate.Drop;
            }
        }

        if (metadata.Title is null && titleLine >= 0)
        {
            var from = Math.Max(titleRange.Start, stampEnd);
            var (start, end) = Headline(text.Text, from, titleRange.End, isLead);
            if (end > start)
            {
                var title = text.Text[start..end];
                if (!isLead && end == titleRange.End && WrappedHeadline(lines, fate, titleLine) is { } wrapped)
                {
                    (title, end) = (string.Join(' ', [title, .. wrapped.Select(i => lines[i].Text.Trim())]), lines[wrapped[^1]].End);
                }

                metadata = metadata with { Title = title, TitleSpan = text.ToOriginal(start, end), TitleIsLead = isLead };
            }
        }

        return metadata;
    }

    /// <summary>
    /// A headline wrapped over short lines ("กระทรวงวัฒนธรรม ร่วมกับ …" / "ลงนามบันทึกข้อตกลงความร่วมมือ" / "การส่งเสริม…"):
    /// the Thai lines right under it, up to a blank line the body follows, none a sentence's end, a date, a label,
    /// a byline or a long line; null when the headline stands alone.
    /// </summary>
    private List<int>? WrappedHeadline(List<Line> lines, Fate[] fate, int titleLine)
    {
        // Thai releases wrap their headlines; an English headline's next line is a byline or the site's name.
        if (EndsASentence(lines[titleLine].Text) || !Entities.Gazetteer.HasThaiLetter(lines[titleLine].Text))
        {
            return null;
        }

        var wrapped = new List<int>();
        var i = titleLine + 1;
        for (; i < lines.Count && fate[i] == Fate.Keep && wrapped.Count <= MaxWrappedHeadlineLines; i++)
        {
            var line = lines[i].Text.Trim();
            if (line.Length == 0 || line.Length > MaxWrappedHeadlineLine || EndsASentence(line) || HasDate(line) || IsLabelled(line)
                || !Entities.Gazetteer.HasThaiLetter(line) || line.StartsWith("โดย", StringComparison.Ordinal))
            {
                return null;
            }

            wrapped.Add(i);
        }

        // The block ends at a blank line and the body goes on after it.
        var blockEnds = i < lines.Count && fate[i] == Fate.Blank && Enumerable.Range(i, lines.Count - i).Any(k => fate[k] == Fate.Keep);
        return wrapped.Count is > 0 and <= MaxWrappedHeadlineLines && blockEnds ? wrapped : null;

        static bool EndsASentence(string line) => line.TrimEnd() is { Length: > 0 } t && t[^1] is '.' or ':' or '!' or '?' or ',';
    }

    /// <summary>
    /// The headline's line. The header is the kept lines before the first paragraph-long one; when it holds a
    /// stamp (a short line with a dated day: "24 ต.ค. 2562 13:40 น.", "Posted on 21 June 2024"), the headline
    /// is the nearest headline-like line above it (else the first below it); without one, the first
    /// headline-like line. Not headline-like: captions, clutter, breadcrumbs, menus, bylines, names of the
    /// site or section too short to be a headline. Without any, the first paragraph (its lead makes the title).
    /// </summary>
    private int HeadlineLine(List<Line> lines, Fate[] fate, int stampEnd, out bool isLead)
    {
        isLead = false;
        var header = new List<int>();
        var firstParagraph = -1;
        for (var i = 0; i < lines.Count && i < HeaderLines; i++)
        {
            if (fate[i] is Fate.Blank or Fate.Drop || IsCaption(lines[i].Text))
            {
                continue;
            }

            if (lines[i].Text.Length > MaxHeadlineLength)
            {
                firstParagraph = i;
                break;
            }

            header.Add(i);
        }

        // The first headline-like line, when the page repeats it (alone, or inside a "Title - Site" line), is the headline.
        var first = header.FindIndex(i => IsHeadlineLike(lines[i], stampEnd));
        if (first >= 0)
        {
            var later = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = first + 1; k < header.Count; k++)
            {
                later[LineText.Key(lines[header[k]].Text)] = k;
            }

            var own = OwnText(lines[header[first]], stampEnd);
            if (later.ContainsKey(LineText.Key(own)) || TitlePart(own, later, []) is not null)
            {
                return header[first];
            }
        }

        var stamp = header.FindIndex(i => IsStampLine(lines[i], fate[i], stampEnd));
        if (stamp >= 0)
        {
            for (var k = stamp - 1; k >= 0; k--)
            {
                if (IsHeadlineLike(lines[header[k]], stampEnd))
                {
                    return header[k];
                }
            }
        }

        // A headline stands above the body: once a sentence of the body has begun, a later line is not the headline
        // ("… a Thai language school.-VNA" closing a report of short paragraphs), nor is a longer paragraph below it.
        // A long line that stops at a comma is such a sentence, wrapped.
        var body = header.FindIndex(i => StartsTheBody(OwnText(lines[i], stampEnd)));
        foreach (var i in stamp >= 0 ? header.Skip(stamp + 1) : header)
        {
            if (body >= 0 && i >= header[body])
            {
                break;
            }

            if (IsHeadlineLike(lines[i], stampEnd))
            {
                return i;
            }
        }

        if (firstParagraph >= 0 && body < 0)
        {
            isLead = true;
            return firstParagraph;
        }

        // No headline-like line: the first kept line titles the page, and when it is a sentence of the body its lead does.
        var kept = header.FindIndex(i => fate[i] == Fate.Keep && !_vocabulary.IsClutter(OwnText(lines[i], stampEnd)));
        var chosen = kept >= 0 ? header[kept] : header.Count > 0 ? header[0] : -1;
        isLead = chosen >= 0 && StartsTheBody(OwnText(lines[chosen], stampEnd));
        return chosen;
    }

    /// <summary>A line's text, after a leading " date 2024-04-03" stamp when it holds one.</summary>
    private static string OwnText(Line line, int stampEnd) =>
        stampEnd > line.Start && stampEnd <= line.End ? line.Text[(stampEnd - line.Start)..].Trim() : line.Text;

    private static bool IsStampLine(Line line, Fate fate, int stampEnd) =>
        (fate == Fate.Date || (line.Text.Length <= StampLineLength && IsMostlyDay(line.Text))) && !(stampEnd > line.Start && stampEnd <= line.End);

    /// <summary>A dated day and little else: a label, a time, a view count ("เผยแพร่เมื่อ 08 พ.ค. 2567 | ผู้เข้าชม 1,284 ครั้ง").</summary>
    private static bool IsMostlyDay(string line)
    {
        if (!HasDigit(line))
        {
            return false;
        }

        var days = DateReader.Default.Find(line).Where(m => m.HasValue && m.Value.HasYear && m.Value.Granularity >= DateGranularity.Day && !m.IsRelative).ToList();
        if (days.Count == 0)
        {
            return false;
        }

        var letters = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsLetter(line[i]) && !days.Any(d => d.Span.Start <= i && i < d.Span.End))
            {
                letters++;
            }
        }

        return letters <= MaxStampLetters;
    }

    private bool IsHeadlineLike(Line line, int stampEnd)
    {
        var text = OwnText(line, stampEnd);
        return text.Length >= MinHeadlineLength && !_vocabulary.IsClutter(text) && !IsCaption(text) && !IsMenu(text)
            && _vocabulary.LabelAt(text, 0, requireColon: false) is not { Kind: "byline" or "published" or "updated" or "source" }
            && !(stampEnd <= line.Start && text.Length <= StampLineLength && IsMostlyDay(text))
            && !IsBodySentence(text) && !IsWrappedLine(text);
    }

    /// <summary>"On 16 November 2024, H.E. Ms. …, Minister,": a line that stops at a comma is a sentence wrapped onto the next line, not a headline.</summary>
    private static bool IsWrappedLine(string text) => text.TrimEnd() is { Length: > 0 } t && t[^1] is ',' or ';' or '،';

    /// <summary>
    /// "The festival opened on 24 September at the Emirates Golf Club, drawing crowds." A long line that
    /// ends as a sentence does is the report's first paragraph: headlines do not end with a full stop.
    /// </summary>
    private static bool IsBodySentence(string line)
    {
        var t = line.TrimEnd();
        return t.Length >= MinBodySentence && t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal) && LineText.Words(t) >= 12;
    }

    /// <summary>A sentence of the body, whole or wrapped onto the next line at a comma.</summary>
    private static bool StartsTheBody(string line) => IsBodySentence(line) || (IsWrappedLine(line) && line.TrimEnd().Length >= MinBodySentence);

    /// <summary>A breadcrumb (หน้าแรก > ข่าวประชาสัมพันธ์) or a menu (Home | About | News, หน้าหลัก  ข่าวสาร  ติดต่อเรา): short parts between separators.</summary>
    private static bool IsMenu(string line)
    {
        var parts = MenuSeparator().Split(line);
        return parts.Length >= 3 && parts.All(p => LineText.Words(p) <= 3) || (line.Contains(" > ", StringComparison.Ordinal) && LineText.Words(line) <= 8);
    }

    private static bool HasDigit(ReadOnlySpan<char> s) => s.IndexOfAnyInRange('0', '9') >= 0;

    private static bool HasDate(string line) => HasDigit(line) && DateReader.Default.Find(line).Any(m => m.HasValue && m.Value.HasYear && !m.IsRelative);

    private static bool IsCaption(string line) => Caption().IsMatch(line);

    private bool IsLabelled(string line) => _vocabulary.LabelAt(line, 0, requireColon: true) is not null;

    /// <summary>Range of the title inside a line that also names the site, or null when the whole line is the title.</summary>
    private static (int Start, int End)? TitlePart(string line, Dictionary<string, int> later, List<string> siteParts)
    {
        (int Start, int End)? best = null;
        string? site = null;
        foreach (var separator in Separators)
        {
            for (var at = line.IndexOf(separator, StringComparison.Ordinal); at > 0; at = line.IndexOf(separator, at + 1, StringComparison.Ordinal))
            {
                var before = Trimmed(line, 0, at);
                var after = Trimmed(line, at + separator.Length, line.Length);
                foreach (var (part, other) in new[] { (before, after), (after, before) })
                {
                    if (part.End > part.Start && later.ContainsKey(LineText.Key(line.AsSpan(part.Start, part.End - part.Start)))
                        && (best is null || part.End - part.Start > best.Value.End - best.Value.Start))
                    {
                        best = part;
                        site = line[other.Start..other.End];
                    }
                }
            }
        }

        if (best is null)
        {
            foreach (var separator in SpacedSeparators)
            {
                var at = line.LastIndexOf(separator, StringComparison.Ordinal);
                if (at <= 0)
                {
                    continue;
                }

                var suffix = line[(at + separator.Length)..].Trim();
                if (suffix.Length > 0 && LineText.Words(suffix) <= MaxSiteWords && suffix.Length * 10 <= line.Length * 4)
                {
                    best = Trimmed(line, 0, at);
                    site = suffix;
                    break;
                }
            }
        }

        if (site is { Length: > 0 })
        {
            siteParts.Add(site);
        }

        return best;
    }

    private static (int Start, int End) Trimmed(string line, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    // " date 2024-04-03 Thailand, UK agree MoUs": a stamp some stores put before the page's first line.
    [GeneratedRegex(@"^\s*(?i:date)\s*:?\s+(?<d>\d{4}-\d{2}(?:-\d{2})?)(?![\d-])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Stamp();

    // "Sorayut Chasombat, Ambassador …— supplied photo.", "Photo courtesy of @x (Instagram)", "ภาพ: …".
    [GeneratedRegex(@"(?:^(?i:photo(?:s|graph)?\b|picture\b|poster for\b|ภาพ\s*:|ภาพจาก|ที่มาภาพ|เครดิตภาพ).{0,100}$|(?i:supplied photo|file photo|\(photo[^)\n]{0,60}\)|photo\s*:[^\n]{0,60}|photo courtesy[^\n]{0,60})\.?\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"\s*\|\s*|\s{2,}|\t", RegexOptions.CultureInvariant)]
    private static partial Regex MenuSeparator();
}
