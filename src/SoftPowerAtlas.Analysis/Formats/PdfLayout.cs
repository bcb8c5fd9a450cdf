using System.Text;
using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>A word as pdftotext boxed it: its text and where it starts and ends across the line.</summary>
internal readonly record struct PdfWord(string Text, double XMin, double XMax);

/// <summary>One line of a PDF page as pdftotext laid it out: its words in reading order and its box.</summary>
internal sealed record PdfLine(IReadOnlyList<PdfWord> Words, double XMin, double YMin, double XMax, double YMax)
{
    public string Text { get; } = PdfLayout.JoinWords(Words, YMax - YMin);

    public double Height => YMax - YMin;
}

/// <summary>A page of lines, with its size; <see cref="Ocr"/> when its text came from Tesseract.</summary>
internal sealed record PdfPage(double Width, double Height, IReadOnlyList<PdfLine> Lines, bool Ocr = false);

/// <summary>
/// Turns pages of positioned lines into paragraphs of clean text: lines repeated at the top or bottom
/// of most pages (headers, footers, page numbers) are dropped; a paragraph ends at a vertical gap, a
/// short line or an indented next line; lines join without a space between two Thai letters (Thai
/// wraps inside a run of words) and with one otherwise; a space pdftotext puts before a Thai vowel or
/// tone mark that cannot start a syllable (เป้ า) is taken out.
/// </summary>
internal static partial class PdfLayout
{
    /// <summary>A gap between two Thai words narrower than this share of the line's height is no space.</summary>
    private const double NoSpaceGap = 0.12;

    /// <summary>Share of a page's height, at the top and at the bottom, where headers and footers sit.</summary>
    private const double MarginBand = 0.12;

    public static PagedText Build(IReadOnlyList<PdfPage> pages, long maxChars)
    {
        var repeated = RepeatedMargins(pages);
        var text = new PagedText.Builder(maxChars);
        PdfLine? previous = null;
        var previousFull = false;
        foreach (var page in pages)
        {
            var kept = page.Lines.Where(l => l.Text.Length > 0 && !(IsMargin(page, l) && (repeated.Contains(Key(l.Text)) || PageNumber().IsMatch(l.Text)))).ToList();
            var left = kept.Count == 0 ? 0 : kept.Min(l => l.XMin);
            // Where a full line ends: the longest line's end; on a page of one or two lines, near the page's right edge.
            var right = kept.Count == 0 ? 0 : kept.Count < 3 && page.Width > 0 ? Math.Max(kept.Max(l => l.XMax), page.Width - left) : kept.Max(l => l.XMax);
            var first = true;
            foreach (var line in kept)
            {
                var words = line.Text;
                if (previous is not null)
                {
                    // A paragraph goes on over a page turn when the page before ended on a full line and this one is not indented.
                    var breaks = first
                        ? !previousFull || line.XMin > left + (1.5 * Math.Max(1, line.Height))
                        : NewParagraph(previous, line, left, right);
                    if (breaks)
                    {
                        text.EndParagraph();
                    }
                    else if (!JoinsWithoutSpace(previous.Text, words))
                    {
                        text.Append(" ");
                    }
                }

                if (first)
                {
                    text.StartPage();
                    first = false;
                }

                text.Append(words);
                previous = line;
                previousFull = right - left <= 0 || line.XMax >= right - (0.2 * (right - left));
                if (text.Full)
                {
                    return text.Build();
                }
            }

            if (first)
            {
                text.StartPage();
            }
        }

        return text.Build();
    }

    /// <summary>
    /// Words joined by one space, except where pdftotext split Thai where there is no space: before a
    /// vowel or tone mark that cannot start a syllable (เป้ า), or across a gap far narrower than a
    /// space (a tone mark's glyph pushes the next letter: measured 0.07 of the line's height, against
    /// 0.18 or more for a space, docs/BENCHMARKS.md).
    /// </summary>
    public static string JoinWords(IReadOnlyList<PdfWord> words, double height)
    {
        var line = new StringBuilder();
        PdfWord? previous = null;
        foreach (var word in words)
        {
            if (word.Text.Length == 0)
            {
                continue;
            }

            if (line.Length > 0 && previous is { } before)
            {
                var thai = IsThai(line[^1]);
                var glued = thai && (IsFollowingMark(word.Text[0]) || (IsThai(word.Text[0]) && word.XMin - before.XMax < NoSpaceGap * height));
                if (!glued)
                {
                    line.Append(' ');
                }
            }

            line.Append(ThaiOrder.Fix(word.Text));
            previous = word;
        }

        return line.ToString();
    }

    /// <summary>A Thai vowel or mark that is written after (or above, below) a consonant and never starts a word.</summary>
    public static bool IsFollowingMark(char c) => c is (>= '\u0E30' and <= '\u0E3A') or '\u0E45' or (>= '\u0E47' and <= '\u0E4E');

    /// <summary>
    /// Two Thai letters across a line end (Thai wraps inside a run of words), or a hyphen glued to the
    /// word before it ("ไทย-ญี่ปุ่น", "co-operation"): no space between the lines.
    /// </summary>
    private static bool JoinsWithoutSpace(string before, string after) =>
        (EndsThai(before) && StartsThai(after))
        || (before.Length >= 2 && before[^1] is '-' or '‐' && !char.IsWhiteSpace(before[^2]) && after.Length > 0 && char.IsLetterOrDigit(after[0]));

    private static bool IsThai(char c) => c is >= '\u0E01' and <= '\u0E5B';

    private static bool EndsThai(string text) => text.Length > 0 && IsThai(text[^1]) && text[^1] is not ('\u0E2F' or '\u0E46' or '\u0E5A' or '\u0E5B');

    private static bool StartsThai(string text) => text.Length > 0 && IsThai(text[0]);

    /// <summary>
    /// A paragraph ends where the next line starts after a gap of more than half a line, where this line
    /// stops well short of the right edge, or where the next line is indented.
    /// </summary>
    private static bool NewParagraph(PdfLine previous, PdfLine line, double left, double right)
    {
        var height = Math.Max(1, Math.Min(previous.Height, line.Height));
        if (line.YMin - previous.YMax > 0.5 * height || line.YMax < previous.YMin)
        {
            return true;
        }

        var width = right - left;
        if (width > 0 && previous.XMax < right - 0.2 * width)
        {
            return true;
        }

        return line.XMin > previous.XMin + 1.5 * height;
    }

    private static bool IsMargin(PdfPage page, PdfLine line) =>
        page.Height > 0 && (line.YMax <= page.Height * MarginBand || line.YMin >= page.Height * (1 - MarginBand));

    /// <summary>Margin lines (digits counted as one digit) found on at least half the pages, and on two or more.</summary>
    private static HashSet<string> RepeatedMargins(IReadOnlyList<PdfPage> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in page.Lines.Where(l => IsMargin(page, l)).Select(l => Key(l.Text)).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var needed = Math.Max(2, (pages.Count + 1) / 2);
        return counts.Where(c => c.Value >= needed && c.Key.Length > 0).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A margin line with its numbers made alike, so "หน้า 3" and "หน้า 4" are one header.</summary>
    private static string Key(string text) => Digits().Replace(text.Trim(), "#");

    /// <summary>A line that is only a page number: "3", "- 3 -", "3/12", "หน้า 3", "Page 3 of 12", Thai digits too.</summary>
    [GeneratedRegex(@"^\s*(?:(?:หน้า|Page|p\.)\s*)?[-–(\[]?\s*[0-9๐-๙]+\s*(?:(?:/|of|จาก)\s*[0-9๐-๙]+)?\s*[-–)\]]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"[0-9๐-๙]+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>For tests and benchmarks: a line from text, as pdftotext would box it.</summary>
    internal static PdfLine Line(string text, double y, double xMin = 50, double xMax = 550, double height = 20) =>
        new([new PdfWord(text, xMin, xMax)], xMin, y, xMax, y + height);
}
