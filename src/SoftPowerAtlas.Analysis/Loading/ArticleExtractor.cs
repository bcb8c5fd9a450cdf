using System.Collections.Frozen;
using AngleSharp.Dom;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Finds the element holding a page's article, once <see cref="HtmlReader"/> has removed scripts and
/// chrome: a configured CSS selector first (a site's own rule), then article markup
/// (<c>itemprop=articleBody</c>, <c>article</c>, <c>main</c>) when it holds real prose, else the block
/// with the most text outside links, scored by content density: each paragraph-like block adds its
/// own unlinked letters to its parent and half to its grandparent, blocks that are mostly links add
/// nothing, and a candidate's score falls with its link density and with class or id words of
/// comments, share bars and related-story lists. No per-site rule is built in.
/// The element is part of the parsed page, so the text written from it maps back to the page source.
/// </summary>
internal static class ArticleExtractor
{
    /// <summary>Letters a block needs to count as a paragraph.</summary>
    private const int MinParagraphLetters = 25;

    /// <summary>Markup-named articles smaller than this are cards or teasers, not the article.</summary>
    private const int MinArticleLetters = 100;

    private static readonly FrozenSet<string> ProseBlocks = FrozenSet.Create(StringComparer.Ordinal, "p", "pre", "blockquote");

    private static readonly FrozenSet<string> PositiveWords = FrozenSet.Create(
        StringComparer.Ordinal, "article", "content", "entry", "post", "story", "body", "detail", "details", "news", "text", "main");

    private static readonly FrozenSet<string> NegativeWords = FrozenSet.Create(
        StringComparer.Ordinal, "comment", "comments", "share", "related", "more", "tags", "meta", "author", "caption", "credit", "gallery", "list");

    /// <summary>The article element of <paramref name="body"/>; <paramref name="body"/> itself when nothing better is found.</summary>
    public static IElement Find(IElement body, string? selector)
    {
        if (!string.IsNullOrWhiteSpace(selector) && BySelector(body, selector) is { } configured)
        {
            return configured;
        }

        if (Largest(body.QuerySelectorAll("[itemprop=articleBody]")) is { } articleBody)
        {
            return articleBody;
        }

        foreach (var markup in (string[])["article", "main, [role=main]"])
        {
            if (Largest(body.QuerySelectorAll(markup)) is { } element
                && Letters(element.TextContent) >= MinArticleLetters
                && LinkDensity(element) < 0.5)
            {
                return element;
            }
        }

        return ByDensity(body) ?? body;
    }

    /// <summary>The largest element matching a site's selector; null when the selector is invalid or matches no text.</summary>
    internal static IElement? BySelector(IElement body, string selector)
    {
        try
        {
            var matches = body.QuerySelectorAll(selector);
            var best = Largest(matches);
            return best is not null && Letters(best.TextContent) > 0 ? best : null;
        }
        catch (DomException)
        {
            return null;
        }
    }

    /// <summary>The block whose paragraphs hold the most text outside links; null on a page without paragraphs.</summary>
    internal static IElement? ByDensity(IElement body)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var block in body.QuerySelectorAll("p, pre, blockquote, li, td, div, section, dd"))
        {
            var (own, linked) = OwnLetters(block);
            if (own < MinParagraphLetters || linked * 2 > own)
            {
                continue;
            }

            // Prose elements count fully; a div or list item with its own text counts a little less.
            var weight = (own - linked) * (ProseBlocks.Contains(block.LocalName) ? 1.0 : 0.75);
            if (block.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + weight;
                if (parent.ParentElement is { } grandparent && !ReferenceEquals(parent, body))
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + (weight / 2);
                }
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (candidate, score) in scores)
        {
            var adjusted = score * (1 - LinkDensity(candidate)) * ClassWeight(candidate);
            if (adjusted > bestScore)
            {
                best = candidate;
                bestScore = adjusted;
            }
        }

        return best is null ? null : Widen(best, body);
    }

    /// <summary>
    /// An article split over sibling blocks (a lead div, then the paragraphs) is gathered by going up
    /// while the parent adds mostly prose, not links, and the chosen block is less than half of it.
    /// </summary>
    private static IElement Widen(IElement best, IElement body)
    {
        var current = best;
        while (current.ParentElement is { } parent && !ReferenceEquals(current, body))
        {
            var inner = Letters(current.TextContent);
            var outer = Letters(parent.TextContent);
            if (outer == 0 || inner * 2 > outer || LinkDensity(parent) > 0.25 || ClassWeight(parent) < 1)
            {
                break;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>Below 1 for class or id words of comments, share bars and lists; above 1 for words of articles.</summary>
    private static double ClassWeight(IElement element)
    {
        var weight = 1.0;
        foreach (var value in (string?[])[element.ClassName, element.Id])
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var part in value.ToLowerInvariant().Split([' ', '\t', '\n', '\r', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (NegativeWords.Contains(part))
                {
                    return 0.5;
                }

                if (PositiveWords.Contains(part))
                {
                    weight = 1.25;
                }
            }
        }

        return weight;
    }

    private static IElement? Largest(IHtmlCollection<IElement> elements) =>
        elements.Length == 0 ? null : elements.MaxBy(e => Letters(e.TextContent));

    /// <summary>Letters of a block's own text (text nodes and inline children, not nested blocks), and how many of them are in links.</summary>
    private static (int Own, int Linked) OwnLetters(IElement element)
    {
        int own = 0, linked = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                own += Letters(text.Data);
            }
            else if (child is IElement inline && !HtmlTextWriter.IsBlock(inline.LocalName))
            {
                var letters = Letters(inline.TextContent);
                own += letters;
                linked += inline.LocalName == "a" ? letters : inline.QuerySelectorAll("a").Sum(a => Letters(a.TextContent));
            }
        }

        return (own, linked);
    }

    /// <summary>Share of an element's letters that are link text (1 for an element without letters).</summary>
    internal static double LinkDensity(IElement element)
    {
        var all = Letters(element.TextContent);
        if (all == 0)
        {
            return 1;
        }

        var linked = element.QuerySelectorAll("a").Sum(a => Letters(a.TextContent));
        return Math.Min(1, (double)linked / all);
    }

    internal static int Letters(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                n++;
            }
        }

        return n;
    }
}
