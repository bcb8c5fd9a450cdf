using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>
/// Drops the lines a reader skips (template words, hashtag lines, the site name around the title, a
/// repeated title, empty byline labels, lines the site repeats on every page) and reads the title,
/// header date, byline and source address on the way. Works line by line on mapped text, so the
/// cleaned text still maps to the original. Immutable and thread-safe.
/// </summary>
public sealed partial class ClutterCleaner
{
    private const int HeaderLines = 20;
    private const int MaxHeaderChromeWords = 12;
    private const int MaxSiteWords = 5;

    private static readonly string[] SpacedSeparators = [" - ", " | ", " – ", " — ", " :: ", " » "];
    private static readonly string[] Separators = [.. SpacedSeparators, "-", "|"];

    private readonly ClutterVocabulary _vocabulary = ClutterVocabulary.Shared;

    public ClutterCleaner(SiteBoilerplate? boilerplate = null) => Boilerplate = boilerplate ?? SiteBoilerplate.None;

    /// <summary>Lines this cleaner drops as the site's own furniture.</summary>
    public SiteBoilerplate Boilerplate { get; }

    public CleanResult Clean(MappedText text, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(metadata);
        var lines = Split(text);
        var fate = new Fate[lines.Count];
        var dropped = new List<string>();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Text;
            fate[i] = line.Length == 0 ? Fate.Blank
                : _vocabulary.IsDateLine(line) ? Fate.Date
                : _vocabulary.IsClutter(line) || ClutterVocabulary.IsHashtags(line) || Boilerplate.Contains(line) ? Fate.Drop
                : Fate.Keep;
        }

        metadata = FindTitle(lines, fate, text, metadata, out var titleLine, out var titleRange);
        DropTail(lines, fate, titleLine);
        metadata = ReadHeaderDate(lines, fate, titleLine, metadata, text);
        metadata = ReadLabels(lines, fate, text, metadata, out var keptRanges);

        var builder = new MappedText.Builder(text.OriginalLength, text.Length);
        var blankPending = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (fate[i])
            {
                case Fate.Blank:
                    blankPending = builder.Length > 0;
                    continue;
                case Fate.Drop:
                    dropped.Add(line.Text);
                    continue;
                default:
                    var (start, end) = i == titleLine ? titleRange : keptRanges.GetValueOrDefault(i, (line.Start, line.End));
                    if (start >= end)
                    {
                        continue;
                    }

                    if (builder.Length > 0)
                    {
                        var newline = text.OriginalOf(line.Start);
                        builder.Append('\n', newline.Start, newline.Start);
                        if (blankPending)
                        {
                            builder.Append('\n', newline.Start, newline.Start);
                        }
                    }

                    blankPending = false;
                    builder.AppendFrom(text, start, end);
                    continue;
            }
        }

        return new CleanResult(builder.Build(), metadata, dropped);
    }

    private static List<Line> Split(MappedText text)
    {
        var lines = new List<Line>();
        var s = text.Text;
        var start = 0;
        while (start <= s.Length)
        {
            var newline = s.IndexOf('\n', start);
            var end = newline < 0 ? s.Length : newline;
            int a = start, b = end;
            while (a < b && LineText.IsBlank(s[a]))
            {
                a++;
            }

            while (b > a && LineText.IsBlank(s[b - 1]))
            {
                b--;
            }

            lines.Add(new Line(a, b, s[a..b]));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return lines;
    }

    /// <summary>
    /// The title is the loader's, or the first kept line with the site's name cut off: a part of it
    /// that appears again as its own line, or what is left of it before a short " - Site" part. Later
    /// copies of the title, the site name lines and the masthead lines between are dropped.
    /// </summary>
    private DocumentMetadata FindTitle(List<Line> lines, Fate[] fate, MappedText text, DocumentMetadata metadata, out int titleLine, out (int Start, int End) titleRange)
    {
        titleLine = Array.IndexOf(fate, Fate.Keep);
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
            var part = TitlePart(first.Text, later, siteParts);
            if (part is { } p)
            {
                titleRange = (first.Start + p.Start, first.Start + p.End);
            }

            var title = first.Text[(titleRange.Start - first.Start)..(titleRange.End - first.Start)];
            titleKey = LineText.Key(title);
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
            if (fate[i] == Fate.Keep && LineText.Words(lines[i].Text) <= MaxHeaderChromeWords && !IsLabelled(lines[i].Text))
            {
                fate[i] = Fate.Drop;
            }
        }

        if (metadata.Title is null && titleLine >= 0)
        {
            metadata = metadata with { Title = LinesText(lines, titleLine, titleRange), TitleSpan = text.ToOriginal(titleRange.Start, titleRange.End) };
        }

        return metadata;
    }

    private static string LinesText(List<Line> lines, int index, (int Start, int End) range) =>
        lines[index].Text[(range.Start - lines[index].Start)..(range.End - lines[index].Start)];

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

    /// <summary>From a "related news" heading in the second half of the text to the end, nothing is article.</summary>
    private void DropTail(List<Line> lines, Fate[] fate, int titleLine)
    {
        var total = lines.Sum(l => l.End - l.Start);
        var seen = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            seen += lines[i].End - lines[i].Start;
            if (i != titleLine && seen * 2 > total && _vocabulary.IsTailMarker(lines[i].Text))
            {
                for (var j = i; j < lines.Count; j++)
                {
                    if (fate[j] != Fate.Blank)
                    {
                        fate[j] = Fate.Drop;
                    }
                }

                return;
            }
        }
    }

    private static DocumentMetadata ReadHeaderDate(List<Line> lines, Fate[] fate, int titleLine, DocumentMetadata metadata, MappedText text)
    {
        if (metadata.PublishedAsWritten is not null)
        {
            return metadata;
        }

        var limit = Math.Min(lines.Count, Math.Max(titleLine, 0) + HeaderLines);
        for (var i = 0; i < limit; i++)
        {
            if (fate[i] == Fate.Date)
            {
                return metadata with { PublishedAsWritten = lines[i].Text, PublishedSpan = text.ToOriginal(lines[i].Start, lines[i].End) };
            }
        }

        return metadata;
    }

    private enum Fate
    {
        Blank,
        Keep,
        Date,
        Drop,
    }

    private readonly record struct Line(int Start, int End, string Text);
}

/// <summary>Cleaned text (mapped to the original), metadata read from it, and the lines dropped, for review.</summary>
public sealed record CleanResult(MappedText Text, DocumentMetadata Metadata, IReadOnlyList<string> DroppedLines);
