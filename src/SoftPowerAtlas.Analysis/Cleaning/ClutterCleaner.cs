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
            Pipeline.AnalysisBudget.ThrowIfExceeded();
            var line = lines[i].Text;
            fate[i] = line.Length == 0 ? Fate.Blank
                : _vocabulary.IsDateLine(line) ? Fate.Date
                : _vocabulary.IsClutter(line) || ClutterVocabulary.IsHashtags(line) || Boilerplate.Contains(line) ? Fate.Drop
                : Fate.Keep;
        }

        var stampEnd = ReadStamp(lines, fate, text, ref metadata);
        metadata = FindTitle(lines, fate, text, metadata, stampEnd, out var titleLine, out var titleRange);
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
