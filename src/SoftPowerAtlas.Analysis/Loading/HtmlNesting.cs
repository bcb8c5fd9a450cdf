using System.Collections.Frozen;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Bounds how deep a page's elements nest before the HTML parser reads it. The parser checks every
/// start tag against the whole stack of open elements, so 100,000 nested <c>&lt;div&gt;</c>s cost it
/// time that grows with the square of the page (a 1 MB page took a minute). A single linear scan of
/// the tags keeps an approximate stack (void elements, self-closed tags and elements a sibling closes
/// implicitly, such as <c>p</c> and <c>li</c>, are not counted; raw text, comments and quoted attribute
/// values are skipped); a start tag deeper than <see cref="MaxDepth"/>, and the end tag that closes it,
/// become spaces of the same length. Offsets stay those of the page; the text of such elements is kept
/// and joins the deepest element kept. Real pages nest a few dozen levels.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>The deepest element kept as an element (AngleSharp itself attaches elements past 512 as siblings).</summary>
    public const int MaxDepth = 256;

    /// <summary>How far down the stack an end tag looks for its start tag; an end tag matching nothing nearer is left to the parser.</summary>
    private const int EndTagSearch = 64;

    private static readonly FrozenSet<string> Uncounted = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp", "html", "head", "body");

    private static readonly FrozenSet<string> RawText = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext");

    /// <summary><paramref name="source"/> itself when nothing nests deeper than <see cref="MaxDepth"/>, else a copy with the deeper tags blanked.</summary>
    public static string Limit(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        char[]? blanked = null;
        var stack = new List<(string Name, bool Blanked)>();
        var i = 0;
        while ((i = source.IndexOf('<', i)) >= 0 && i + 1 < source.Length)
        {
            var c = source[i + 1];
            if (c == '!' || c == '?')
            {
                i = SkipMarkup(source, i);
                continue;
            }

            var closing = c == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < source.Length && (char.IsAsciiLetterOrDigit(source[nameEnd]) || source[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(source[nameStart]))
            {
                i++; // a '<' that opens no tag is text
                continue;
            }

            var end = TagEnd(source, nameEnd);
            var name = source[nameStart..nameEnd];
            if (closing)
            {
                if (Close(stack, name))
                {
                    Blank(source, ref blanked, i, end);
                }
            }
            else if (RawText.Contains(name))
            {
                end = RawTextEnd(source, end, name);
            }
            else if (!Uncounted.Contains(name) && source[end - 2] != '/')
            {
                var deep = stack.Count >= MaxDepth;
                stack.Add((name, deep));
                if (deep)
                {
                    Blank(source, ref blanked, i, end);
                }
            }

            i = end;
        }

        return blanked is null ? source : new string(blanked);
    }

    /// <summary>Pops up to the nearest open element of that name; true when it was blanked (so its end tag is too).</summary>
    private static bool Close(List<(string Name, bool Blanked)> stack, string name)
    {
        for (var k = stack.Count - 1; k >= 0 && k >= stack.Count - EndTagSearch; k--)
        {
            if (string.Equals(stack[k].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                var wasBlanked = stack[k].Blanked;
                stack.RemoveRange(k, stack.Count - k);
                return wasBlanked;
            }
        }

        return false;
    }

    private static void Blank(string source, ref char[]? blanked, int start, int end)
    {
        blanked ??= source.ToCharArray();
        Array.Fill(blanked, ' ', start, end - start);
    }

    /// <summary>Just past the '&gt;' that ends a tag whose name ends at <paramref name="from"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(string source, int from)
    {
        var afterEquals = false;
        for (var i = from; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (afterEquals && c is '"' or '\'')
            {
                var close = source.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return source.Length;
                }

                i = close;
                afterEquals = false;
            }
            else if (c == '=')
            {
                afterEquals = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = false;
            }
        }

        return source.Length;
    }

    /// <summary>Past a comment, a doctype or a processing instruction.</summary>
    private static int SkipMarkup(string source, int at)
    {
        if (string.CompareOrdinal(source, at, "<!--", 0, 4) == 0)
        {
            var close = source.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return close < 0 ? source.Length : close + 3;
        }

        var end = source.IndexOf('>', at);
        return end < 0 ? source.Length : end + 1;
    }

    /// <summary>Past the end tag of a script, style or other element whose content is not markup.</summary>
    private static int RawTextEnd(string source, int from, string name)
    {
        var i = from;
        while ((i = source.IndexOf("</", i, StringComparison.Ordinal)) >= 0)
        {
            if (i + 2 + name.Length <= source.Length && string.Compare(source, i + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var end = source.IndexOf('>', i);
                return end < 0 ? source.Length : end + 1;
            }

            i += 2;
        }

        return source.Length;
    }
}
