using System.Collections.Frozen;
using AngleSharp.Dom;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Writes the text of an element as a reader sees it: block elements and <c>&lt;br&gt;</c> end lines,
/// runs of whitespace become one space (kept as written inside <c>&lt;pre&gt;</c>), no space at line
/// ends. Every character keeps the source range its text node came from.
/// </summary>
internal sealed class HtmlTextWriter
{
    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(
        StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
        "tfoot", "tr", "ul", "title");

    private readonly HtmlSourceMap _map;
    private readonly MappedText.Builder _builder;
    private bool _breakPending;
    private TextSpan? _spacePending;
    private int _preDepth;

    private HtmlTextWriter(HtmlSourceMap map, int originalLength)
    {
        _map = map;
        _builder = new MappedText.Builder(originalLength, 4096);
    }

    public static bool IsBlock(string localName) => Blocks.Contains(localName);

    public static MappedText Write(INode root, HtmlSourceMap map, int originalLength)
    {
        var writer = new HtmlTextWriter(map, originalLength);
        writer.Visit(root);
        return writer._builder.Build();
    }

    private void Visit(INode node)
    {
        switch (node)
        {
            case IText text:
                WriteText(text);
                break;
            case IElement element:
                var name = element.LocalName;
                if (name == "br")
                {
                    if (_preDepth == 0 && _builder.Length > 0)
                    {
                        _breakPending = true;
                    }

                    break;
                }

                var block = Blocks.Contains(name);
                if (block)
                {
                    _breakPending = true;
                }
                else if (name is "td" or "th" or "img")
                {
                    _spacePending ??= new TextSpan(0, 0);
                }

                if (name == "pre")
                {
                    _preDepth++;
                }

                foreach (var child in element.ChildNodes)
                {
                    Visit(child);
                }

                if (name == "pre")
                {
                    _preDepth--;
                }

                if (block)
                {
                    _breakPending = true;
                }

                break;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Visit(child);
                }

                break;
        }
    }

    private void WriteText(IText text)
    {
        var data = text.Data;
        var (starts, ends) = _map.RangesOf(text);
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var range = new TextSpan(starts[i], ends[i]);
            if (_preDepth > 0)
            {
                if (c == '\n')
                {
                    _builder.Append('\n', range.Start, range.End);
                    _breakPending = false;
                    _spacePending = null;
                    continue;
                }
            }
            else if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _spacePending ??= range;
                continue;
            }

            if (_breakPending && _builder.Length > 0 && _builder.LastChar != '\n')
            {
                _builder.Append('\n', range.Start, range.Start);
            }
            else if (_spacePending is { } space && _builder.Length > 0 && _builder.LastChar != '\n' && !_breakPending)
            {
                var at = space.IsEmpty ? new TextSpan(range.Start, range.Start) : space;
                _builder.Append(' ', at.Start, at.End);
            }

            _breakPending = false;
            _spacePending = null;
            _builder.Append(c, range.Start, range.End);
        }
    }
}
