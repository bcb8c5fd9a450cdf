using AngleSharp.Dom;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>Title, publication date, address and author of a page, from its head and microdata.</summary>
internal static class HtmlMetadata
{
    public static DocumentMetadata Read(IDocument document, HtmlSourceMap map)
    {
        var metadata = DocumentMetadata.Empty;
        if (Title(document, map) is { } title)
        {
            metadata = metadata with { Title = title.Value, TitleSpan = title.Span };
        }

        if (Published(document, map) is { } published)
        {
            metadata = metadata with { PublishedAsWritten = published.Value, PublishedSpan = published.Span };
        }

        var canonical = Attribute(document, "link[rel~=canonical][href]", "href", map) ?? Meta(document, "og:url", map);
        if (canonical is not null)
        {
            metadata = metadata with { SourceUrl = canonical.Value.Value };
        }

        var author = Meta(document, "author", map) ?? Meta(document, "article:author", map) ?? Text(document, "[itemprop=author]", map);
        if (author is not null)
        {
            metadata = metadata with { Byline = author.Value.Value };
        }

        return metadata;
    }

    private static (string Value, TextSpan? Span)? Title(IDocument document, HtmlSourceMap map) =>
        Meta(document, "og:title", map) ?? Text(document, "head > title, title", map) ?? Text(document, "h1", map);

    private static (string Value, TextSpan? Span)? Published(IDocument document, HtmlSourceMap map)
    {
        if (Meta(document, "article:published_time", map) is { } meta)
        {
            return meta;
        }

        if (document.QuerySelector("[itemprop=datePublished]") is { } item)
        {
            var value = item.GetAttribute("content") ?? item.GetAttribute("datetime");
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value.Trim(), map.AttributeValue(item, value.Trim()));
            }

            return Text(item, map);
        }

        if (Attribute(document, "article time[datetime], time[datetime]", "datetime", map) is { } time)
        {
            return time;
        }

        return Meta(document, "pubdate", map) ?? Meta(document, "publishdate", map) ?? Meta(document, "date", map) ?? Meta(document, "dc.date", map);
    }

    /// <summary>Content of <c>&lt;meta property|name|itemprop="key"&gt;</c>.</summary>
    private static (string Value, TextSpan? Span)? Meta(IDocument document, string key, HtmlSourceMap map)
    {
        foreach (var meta in document.Head?.QuerySelectorAll("meta[content]") ?? document.QuerySelectorAll("meta[content]"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                var value = meta.GetAttribute("content")!.Trim();
                if (value.Length > 0)
                {
                    return (value, map.AttributeValue(meta, value));
                }
            }
        }

        return null;
    }

    private static (string Value, TextSpan? Span)? Attribute(IDocument document, string selector, string attribute, HtmlSourceMap map)
    {
        var element = document.QuerySelector(selector);
        var value = element?.GetAttribute(attribute)?.Trim();
        return element is null || string.IsNullOrEmpty(value) ? null : (value, map.AttributeValue(element, value));
    }

    private static (string Value, TextSpan? Span)? Text(IDocument document, string selector, HtmlSourceMap map) =>
        document.QuerySelector(selector) is { } element ? Text(element, map) : null;

    /// <summary>An element's text with whitespace collapsed, and the source span from its first to its last character.</summary>
    private static (string Value, TextSpan? Span)? Text(IElement element, HtmlSourceMap map)
    {
        var text = HtmlTextWriter.Write(element, map, int.MaxValue);
        var value = text.Text.Replace('\n', ' ').Trim();
        if (value.Length == 0)
        {
            return null;
        }

        var span = text.ToOriginal(0, text.Length);
        return (value, span);
    }
}
