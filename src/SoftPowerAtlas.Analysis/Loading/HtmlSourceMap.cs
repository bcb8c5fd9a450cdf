using AngleSharp.Dom;
using AngleSharp.Html;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Where each character of each text node of a parsed page came from in the page source. AngleSharp
/// records only where elements start, so the text of every node is aligned against the source from
/// there: tags and comments skipped, character references decoded (the characters of <c>&amp;amp;</c>
/// map to its whole source range), CR LF read as one line break. A node that cannot be aligned maps
/// all its characters to the start tag of its parent.
/// </summary>
internal sealed class HtmlSourceMap
{
    private const int SearchWindow = 4096;
    private readonly string _source;
    private readonly Dictionary<INode, NodeRanges> _ranges = new(ReferenceEqualityComparer.Instance);

    private HtmlSourceMap(string source) => _source = source;

    private enum TextMode
    {
        Normal,
        Escapable,
        Raw,
    }

    public static HtmlSourceMap Build(IDocument document, string source)
    {
        var map = new HtmlSourceMap(source);
        var cursor = 0;
        map.Visit(document, ref cursor);
        return map;
    }

    /// <summary>Original start and end of every character of a text node.</summary>
    public (int[] Starts, int[] Ends) RangesOf(IText node)
    {
        if (_ranges.TryGetValue(node, out var ranges))
        {
            return (ranges.Starts, ranges.Ends);
        }

        var at = Anchor(node) ?? 0;
        var starts = new int[node.Data.Length];
        Array.Fill(starts, at);
        return (starts, starts);
    }

    /// <summary>Original span of an element's start tag (<c>&lt;</c> to <c>&gt;</c>), when known.</summary>
    public TextSpan? StartTag(IElement element)
    {
        if (element.SourceReference is not { } reference)
        {
            return null;
        }

        var start = reference.Position.Index;
        if (start < 0 || start >= _source.Length || _source[start] != '<')
        {
            return null;
        }

        var end = _source.IndexOf('>', start);
        return new TextSpan(start, end < 0 ? _source.Length : end + 1);
    }

    /// <summary>Span of an attribute's value inside an element's start tag, or the tag itself.</summary>
    public TextSpan? AttributeValue(IElement element, string value)
    {
        if (StartTag(element) is not { } tag)
        {
            return null;
        }

        foreach (var candidate in new[] { value, value.Replace("&", "&amp;", StringComparison.Ordinal) })
        {
            var found = candidate.Length == 0 ? -1 : _source.IndexOf(candidate, tag.Start, tag.Length, StringComparison.Ordinal);
            if (found >= 0)
            {
                return new TextSpan(found, found + candidate.Length);
            }
        }

        return tag;
    }

    private void Visit(INode node, ref int cursor)
    {
        if (node is IElement element && element.SourceReference is { } reference && reference.Position.Index < _source.Length
            && (reference.Position.Index > cursor || IsTablePart(element.LocalName)))
        {
            // Text misplaced inside a table is moved before it by the parser ("foster parenting"), so
            // aligning it carries the cursor past the table; a table part goes back to where it starts.
            cursor = reference.Position.Index;
        }

        if (node is IText text && text.Data.Length > 0)
        {
            var mode = ModeOf(text.ParentElement);
            if (Align(text.Data, cursor, mode) is { } aligned)
            {
                _ranges[text] = aligned;
                cursor = aligned.End;
            }
            else if (Search(text.Data, cursor, mode) is { } found)
            {
                _ranges[text] = found;
                cursor = found.End;
            }
            else
            {
                var at = text.ParentElement is { } parent && StartTag(parent) is { } tag ? tag : new TextSpan(cursor, cursor);
                var starts = new int[text.Data.Length];
                var ends = new int[text.Data.Length];
                Array.Fill(starts, at.Start);
                Array.Fill(ends, at.End);
                _ranges[text] = new NodeRanges(starts, ends, cursor);
            }

            return;
        }

        foreach (var child in node.ChildNodes)
        {
            Visit(child, ref cursor);
        }
    }

    private NodeRanges? Search(string data, int from, TextMode mode)
    {
        var limit = Math.Min(_source.Length, from + SearchWindow);
        for (var p = from + 1; p < limit; p++)
        {
            var c = _source[p];
            if ((c == data[0] || c == '&' || c == '\r') && Align(data, p, mode) is { } aligned)
            {
                return aligned;
            }
        }

        return null;
    }

    private NodeRanges? Align(string data, int from, TextMode mode)
    {
        var starts = new int[data.Length];
        var ends = new int[data.Length];
        var j = 0;
        var p = from;
        var source = _source;
        while (j < data.Length)
        {
            if (p >= source.Length)
            {
                return null;
            }

            var c = source[p];
            if (mode == TextMode.Normal && c == '<' && SkipMarkup(p) is var after && after > p)
            {
                p = after;
                continue;
            }

            if (mode != TextMode.Raw && c == '&' && TryReference(p, out var value, out var referenceEnd)
                && string.CompareOrdinal(data, j, value, 0, value.Length) == 0)
            {
                for (var k = 0; k < value.Length; k++)
                {
                    starts[j + k] = p;
                    ends[j + k] = referenceEnd;
                }

                j += value.Length;
                p = referenceEnd;
                continue;
            }

            if (c == '\r')
            {
                if (data[j] != '\n')
                {
                    return null;
                }

                var end = p + 1 < source.Length && source[p + 1] == '\n' ? p + 2 : p + 1;
                starts[j] = p;
                ends[j] = end;
                j++;
                p = end;
                continue;
            }

            if (c == data[j] || (c == '\0' && data[j] == '\uFFFD'))
            {
                starts[j] = p;
                ends[j] = p + 1;
                j++;
                p++;
                continue;
            }

            return null;
        }

        return new NodeRanges(starts, ends, p);
    }

    /// <summary>End of a tag, comment or doctype starting at <paramref name="p"/>, or <paramref name="p"/> when '&lt;' is text.</summary>
    private int SkipMarkup(int p)
    {
        var source = _source;
        if (p + 1 >= source.Length)
        {
            return p;
        }

        var next = source[p + 1];
        if (source.AsSpan(p).StartsWith("<!--", StringComparison.Ordinal))
        {
            var close = source.IndexOf("-->", p + 4, StringComparison.Ordinal);
            return close < 0 ? source.Length : close + 3;
        }

        if (char.IsAsciiLetter(next) || next is '/' or '!' or '?')
        {
            var quote = '\0';
            for (var i = p + 1; i < source.Length; i++)
            {
                var c = source[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c is '"' or '\'' && source[i - 1] == '=')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    return i + 1;
                }
            }

            return source.Length;
        }

        return p;
    }

    /// <summary>Decodes a character reference at <paramref name="p"/> the way the HTML tokenizer does in text.</summary>
    private bool TryReference(int p, out string value, out int end)
    {
        var source = _source;
        value = string.Empty;
        end = p;
        if (p + 1 >= source.Length)
        {
            return false;
        }

        if (source[p + 1] == '#')
        {
            var i = p + 2;
            var hex = i < source.Length && source[i] is 'x' or 'X';
            if (hex)
            {
                i++;
            }

            var digitsStart = i;
            long code = 0;
            while (i < source.Length && (hex ? char.IsAsciiHexDigit(source[i]) : char.IsAsciiDigit(source[i])))
            {
                var digit = char.IsAsciiDigit(source[i]) ? source[i] - '0' : (source[i] | 0x20) - 'a' + 10;
                code = Math.Min((code * (hex ? 16 : 10)) + digit, 0x110000);
                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }

            if (i < source.Length && source[i] == ';')
            {
                i++;
            }

            end = i;
            var number = (int)code;
            value = number == 0 || number > 0x10FFFF || number is >= 0xD800 and <= 0xDFFF
                ? "\uFFFD"
                : (HtmlEntityProvider.IsInCharacterTable(number) ? HtmlEntityProvider.GetSymbolFromTable(number) : null) ?? char.ConvertFromUtf32(number);
            return true;
        }

        var nameEnd = p + 1;
        while (nameEnd < source.Length && nameEnd - p <= 40 && char.IsAsciiLetterOrDigit(source[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == p + 1)
        {
            return false;
        }

        var resolver = HtmlEntityProvider.Resolver;
        if (nameEnd < source.Length && source[nameEnd] == ';' && resolver.GetSymbol(source[(p + 1)..(nameEnd + 1)]) is { } named)
        {
            value = named;
            end = nameEnd + 1;
            return true;
        }

        for (var e = nameEnd; e > p + 1; e--)
        {
            if (resolver.GetSymbol(source[(p + 1)..e]) is { } legacy)
            {
                value = legacy;
                end = e;
                return true;
            }
        }

        return false;
    }

    private static TextMode ModeOf(IElement? parent) => parent?.LocalName switch
    {
        "script" or "style" or "xmp" or "iframe" or "noembed" or "noframes" or "plaintext" => TextMode.Raw,
        "title" or "textarea" => TextMode.Escapable,
        _ => TextMode.Normal,
    };

    private static bool IsTablePart(string name) => name is "table" or "caption" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th";

    private int? Anchor(INode node)
    {
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (StartTag(parent) is { } tag)
            {
                return tag.Start;
            }
        }

        return null;
    }

    private readonly record struct NodeRanges(int[] Starts, int[] Ends, int End);
}
