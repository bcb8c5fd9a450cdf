using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>Labelled header and footer lines: bylines, publication labels, source addresses.</summary>
public sealed partial class ClutterCleaner
{
    /// <summary>
    /// Byline lines ("เผยแพร่:   โดย: ผู้จัดการออนไลน์…"): the byline goes to metadata, the labels are
    /// dropped, text glued after the byline stays. Source lines ("ที่มา : https://…") stay and give the address.
    /// </summary>
    private DocumentMetadata ReadLabels(List<Line> lines, Fate[] fate, MappedText text, DocumentMetadata metadata, out Dictionary<int, (int Start, int End)> keptRanges)
    {
        keptRanges = [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (fate[i] != Fate.Keep)
            {
                continue;
            }

            var line = lines[i].Text;
            if (_vocabulary.LabelAt(line, 0, requireColon: false) is not { } label)
            {
                continue;
            }

            if (label.Kind == "source")
            {
                metadata = ReadSource(lines, i, label.ValueStart, text, metadata);
                continue;
            }

            if (label.Kind is "byline" or "published" or "updated")
            {
                var (byline, published, remainder) = SplitLabels(line, metadata.Title);
                if (byline is not null && metadata.Byline is null)
                {
                    metadata = metadata with { Byline = byline };
                }

                var p = published ?? (0, 0);
                var dated = published is not null && _vocabulary.IsDateLine(line.AsSpan(p.Start, p.End - p.Start));
                if (dated && metadata.PublishedAsWritten is null)
                {
                    metadata = metadata with { PublishedAsWritten = line[p.Start..p.End], PublishedSpan = text.ToOriginal(lines[i].Start + p.Start, lines[i].Start + p.End) };
                }

                if (dated)
                {
                    // "Published : 3 Apr 2023 08:40 AM | Updated : 5 Apr 2023 06:12 PM": the stamps are dates of the page.
                    fate[i] = Fate.Date;
                }
                else if (remainder is { } r)
                {
                    keptRanges[i] = (lines[i].Start + r, lines[i].End);
                }
                else
                {
                    fate[i] = Fate.Drop;
                }
            }
        }

        return metadata;
    }

    /// <summary>Splits a label line into byline, published value and the start of text glued after them.</summary>
    private (string? Byline, (int Start, int End)? Published, int? Remainder) SplitLabels(string line, string? title)
    {
        string? byline = null;
        (int, int)? published = null;
        var at = 0;
        while (at < line.Length && _vocabulary.LabelAt(line, at, requireColon: at > 0 || LineText.Words(line) > 6) is { } label)
        {
            var valueStart = label.ValueStart;
            while (valueStart < line.Length && LineText.IsBlank(line[valueStart]))
            {
                valueStart++;
            }

            var valueEnd = NextLabel(line, valueStart) ?? line.Length;
            var value = line[valueStart..valueEnd].TrimEnd(' ', '\t', '|', '–', '-', ',', ';');
            if (label.Kind == "byline" && value.Length > 0)
            {
                var length = BylineLength(value, title);
                byline = value[..length].Trim();
                var rest = valueStart + length;
                while (rest < line.Length && LineText.IsBlank(line[rest]))
                {
                    rest++;
                }

                if (valueEnd == line.Length)
                {
                    return (byline, published, rest < line.Length ? rest : null);
                }
            }
            else if (label.Kind == "published" && value.Length > 0)
            {
                published = (valueStart, valueStart + value.Length);
            }

            at = valueEnd;
        }

        return (byline, published, at < line.Length ? at : null);
    }

    private int? NextLabel(string line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            if ((i == from || LineText.IsBlank(line[i - 1]) || LineText.IsThai(line[i])) && _vocabulary.LabelAt(line, i, requireColon: true) is not null)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Length of the byline at the start of a value that may run on into the lead: a known desk, up to the title's first words, or a short name.</summary>
    private int BylineLength(string value, string? title)
    {
        foreach (var publisher in _vocabulary.Publishers)
        {
            if (value.StartsWith(publisher, StringComparison.OrdinalIgnoreCase))
            {
                return publisher.Length;
            }
        }

        if (title?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { Length: >= 2 } firstWord)
        {
            var at = value.IndexOf(firstWord, 1, StringComparison.Ordinal);
            if (at > 0)
            {
                return at;
            }
        }

        if (LineText.Words(value) <= 6 && value.Length <= 60)
        {
            return value.Length;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? space : value.Length;
    }

    private static DocumentMetadata ReadSource(List<Line> lines, int index, int valueStart, MappedText text, DocumentMetadata metadata)
    {
        if (metadata.SourceUrl is not null)
        {
            return metadata;
        }

        var line = lines[index];
        var at = FindUrl(line.Text, valueStart);
        var lineStart = line.Start;
        var lineText = line.Text;
        if (at is null && line.Text.AsSpan(valueStart).Trim().IsEmpty && index + 1 < lines.Count)
        {
            lineText = lines[index + 1].Text;
            lineStart = lines[index + 1].Start;
            at = FindUrl(lineText, 0);
        }

        if (at is not { } url)
        {
            return metadata;
        }

        return metadata with
        {
            SourceUrl = lineText[url.Start..url.End],
            SourceUrlSpan = text.ToOriginal(lineStart + url.Start, lineStart + url.End),
        };
    }

    private static (int Start, int End)? FindUrl(string line, int from)
    {
        var start = line.IndexOf("http", from, StringComparison.OrdinalIgnoreCase);
        if (start < 0 || !(line.AsSpan(start).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || line.AsSpan(start).StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var end = start;
        while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not ('<' or '>' or '"' or '“' or '”'))
        {
            end++;
        }

        while (end > start && line[end - 1] is '.' or ',' or ';' or ')' or ']' or '\'')
        {
            end--;
        }

        return (start, end);
    }
}
