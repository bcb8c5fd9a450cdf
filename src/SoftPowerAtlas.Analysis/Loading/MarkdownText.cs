using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Takes Markdown marks out of text (heading marks, emphasis, link and image syntax, code ticks,
/// quote and list markers), copying every kept character with its original offset.
/// </summary>
internal static class MarkdownText
{
    public static void Strip(string text, int start, int end, MappedText.Builder builder)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var newline = text.IndexOf('\n', lineStart, end - lineStart);
            var lineEnd = newline < 0 ? end : newline;
            StripLine(text, lineStart, lineEnd, builder);
            if (newline < 0)
            {
                break;
            }

            builder.Append('\n', newline, newline + 1);
            lineStart = newline + 1;
        }
    }

    private static void StripLine(string text, int start, int end, MappedText.Builder builder)
    {
        var contentEnd = end;
        if (contentEnd > start && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        var line = text.AsSpan(start, contentEnd - start);
        var trimmed = line.Trim();
        if (trimmed.Length >= 3 && IsRule(trimmed))
        {
            return;
        }

        if (trimmed.StartsWith('[') && trimmed.Contains("]:", StringComparison.Ordinal) && !trimmed.Contains(' '))
        {
            return;
        }

        var i = start;
        while (i < contentEnd && i - start < 4 && text[i] == ' ')
        {
            i++;
        }

        while (i < contentEnd && text[i] == '>')
        {
            i++;
            if (i < contentEnd && text[i] == ' ')
            {
                i++;
            }
        }

        var hashes = 0;
        while (i + hashes < contentEnd && text[i + hashes] == '#')
        {
            hashes++;
        }

        var heading = hashes is > 0 and <= 6 && (i + hashes == contentEnd || text[i + hashes] == ' ');
        if (heading)
        {
            i += hashes;
            while (i < contentEnd && text[i] == ' ')
            {
                i++;
            }

            while (contentEnd > i && (text[contentEnd - 1] == '#' || text[contentEnd - 1] == ' '))
            {
                contentEnd--;
            }
        }
        else if (i + 1 < contentEnd && text[i] is '-' or '*' or '+' && text[i + 1] == ' ')
        {
            i += 2;
        }

        Inline(text, i, contentEnd, builder);
    }

    private static bool IsRule(ReadOnlySpan<char> line)
    {
        var mark = line[0];
        if (mark is not ('-' or '=' or '*' or '_'))
        {
            return false;
        }

        foreach (var c in line)
        {
            if (c != mark && c != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static void Inline(string text, int start, int end, MappedText.Builder builder)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < end && char.IsAsciiLetterOrDigit(text[i + 1]) is false && !char.IsWhiteSpace(text[i + 1]):
                    builder.Append(text[i + 1], i, i + 2);
                    i += 2;
                    continue;
                case '!' when i + 1 < end && text[i + 1] == '[' && TryLink(text, i + 1, end, out _, out _, out var imageEnd):
                    i = imageEnd;
                    continue;
                case '[' when TryLink(text, i, end, out var labelStart, out var labelEnd, out var linkEnd):
                    Inline(text, labelStart, labelEnd, builder);
                    i = linkEnd;
                    continue;
                case '`':
                    i++;
                    continue;
                case '*' or '~':
                    var run = Run(text, i, end, c);
                    if (IsDelimiter(text, i, run, start, end, intraword: c == '*'))
                    {
                        i += run;
                        continue;
                    }

                    builder.AppendCopied(text.AsSpan(i, run), i);
                    i += run;
                    continue;
                case '_':
                    var underscores = Run(text, i, end, c);
                    if (IsDelimiter(text, i, underscores, start, end, intraword: false))
                    {
                        i += underscores;
                        continue;
                    }

                    builder.AppendCopied(text.AsSpan(i, underscores), i);
                    i += underscores;
                    continue;
                default:
                    builder.Append(c, i, i + 1);
                    i++;
                    continue;
            }
        }
    }

    private static int Run(string text, int i, int end, char c)
    {
        var n = 0;
        while (i + n < end && text[i + n] == c)
        {
            n++;
        }

        return n;
    }

    /// <summary>An emphasis run opens or closes: text on one side, not whitespace on both.</summary>
    private static bool IsDelimiter(string text, int i, int run, int start, int end, bool intraword)
    {
        if (text[i] == '~' && run < 2)
        {
            return false;
        }

        var before = i > start ? text[i - 1] : ' ';
        var after = i + run < end ? text[i + run] : ' ';
        var opens = !char.IsWhiteSpace(after);
        var closes = !char.IsWhiteSpace(before);
        if (!opens && !closes)
        {
            return false;
        }

        if (!intraword && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after))
        {
            return false;
        }

        return true;
    }

    /// <summary>Matches <c>[label](target)</c> or <c>[label][ref]</c> starting at <paramref name="open"/>.</summary>
    private static bool TryLink(string text, int open, int end, out int labelStart, out int labelEnd, out int linkEnd)
    {
        labelStart = open + 1;
        labelEnd = linkEnd = -1;
        var depth = 0;
        var i = open;
        for (; i < end; i++)
        {
            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                break;
            }
        }

        if (i >= end - 1)
        {
            return false;
        }

        labelEnd = i;
        var close = text[i + 1] switch
        {
            '(' => ')',
            '[' => ']',
            _ => '\0',
        };
        if (close == '\0')
        {
            return false;
        }

        var target = text.IndexOf(close, i + 2, end - i - 2);
        if (target < 0)
        {
            return false;
        }

        linkEnd = target + 1;
        return true;
    }
}
