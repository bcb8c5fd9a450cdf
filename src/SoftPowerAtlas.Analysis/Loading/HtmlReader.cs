using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SoftPowerAtlas.Analysis.Documents;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// A web page: removes scripts and page chrome (navigation, ads, share bars, comments...), picks the
/// article block, and writes its text with block elements as line breaks, each character mapped to
/// the page source. Title, date and address come from the head (Open Graph, canonical link, time).
/// </summary>
internal static class HtmlReader
{
    private static readonly FrozenSet<string> AlwaysRemoved = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "button", "select",
        "textarea", "input", "dialog", "link", "meta");

    private static readonly FrozenSet<string> ChromeRoles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar");

    private static readonly FrozenSet<string> ChromeWords = EmbeddedWordList.Load("Loading/Data/html-chrome-words.txt");

    public static ReadOutcome Read(string source, string name, int minVisibleLetters)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(source);
        var map = HtmlSourceMap.Build(document, source);
        var body = document.Body ?? document.DocumentElement;

        var (visible, scripted) = CountLetters(body);
        if (visible < minVisibleLetters && scripted > visible)
        {
            return Fail(name, LoadErrorKind.MostlyScript, $"{name} is mostly script: {visible} visible letters against {scripted} characters of script or style");
        }

        if (visible == 0)
        {
            return Fail(name, LoadErrorKind.Empty, $"{name} has no visible text");
        }

        var metadata = HtmlMetadata.Read(document, map);
        RemoveChrome(body, visible);
        var root = ArticleRoot(body);
        var text = HtmlTextWriter.Write(root, map, source.Length);
        if (!text.Text.Any(char.IsLetter) && !ReferenceEquals(root, body))
        {
            text = HtmlTextWriter.Write(body, map, source.Length);
        }

        if (!text.Text.Any(char.IsLetter))
        {
            return Fail(name, LoadErrorKind.Empty, $"{name} has no article text once menus, ads and other page parts are removed");
        }

        return new ReadOutcome(text, metadata);
    }

    /// <summary>True when a class or id names chrome: one of its tokens, or a -/_ part of one, is a chrome word.</summary>
    internal static bool LooksLikeChrome(string? classOrId)
    {
        if (string.IsNullOrEmpty(classOrId))
        {
            return false;
        }

        foreach (var token in classOrId.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = token.ToLowerInvariant();
            if (ChromeWords.Contains(lower))
            {
                return true;
            }

            foreach (var part in lower.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (ChromeWords.Contains(part))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ReadOutcome Fail(string name, LoadErrorKind kind, string message) =>
        new(null, DocumentMetadata.Empty, new LoadError(name, kind, message));

    private static (int Visible, int Scripted) CountLetters(IElement root)
    {
        int visible = 0, scripted = 0;
        Count(root);
        return (visible, scripted);

        void Count(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement element)
                {
                    if (AlwaysRemoved.Contains(element.LocalName))
                    {
                        scripted += element.TextContent.Length;
                    }
                    else
                    {
                        Count(element);
                    }
                }
                else if (child is IText text)
                {
                    foreach (var c in text.Data)
                    {
                        if (char.IsLetter(c))
                        {
                            visible++;
                        }
                    }
                }
            }
        }
    }

    private static void RemoveChrome(IElement body, int pageLetters)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (!body.Contains(element))
            {
                continue;
            }

            if (AlwaysRemoved.Contains(element.LocalName) || IsHidden(element))
            {
                element.Remove();
                continue;
            }

            var chrome = element.LocalName switch
            {
                "nav" or "form" => true,
                "header" or "footer" or "aside" => element.Closest("article, main, [itemprop=articleBody]") is null,
                "article" or "main" or "h1" => false,
                _ => (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role))
                    || LooksLikeChrome(element.ClassName) || LooksLikeChrome(element.Id),
            };
            if (chrome && !HoldsArticle(element, pageLetters))
            {
                element.Remove();
            }
        }
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style
            && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

    /// <summary>A chrome-looking wrapper that holds the article itself (a page-wide form, a body class) is kept.</summary>
    private static bool HoldsArticle(IElement element, int pageLetters) =>
        element.QuerySelector("article, main, [itemprop=articleBody], h1") is not null
        || Letters(element.TextContent) * 2 > pageLetters;

    private static IElement ArticleRoot(IElement body)
    {
        if (Largest(body.QuerySelectorAll("[itemprop=articleBody]")) is { } articleBody)
        {
            return articleBody;
        }

        if (Largest(body.QuerySelectorAll("article")) is { } article && Letters(article.TextContent) >= 100)
        {
            return article;
        }

        if (Largest(body.QuerySelectorAll("main, [role=main]")) is { } main && Letters(main.TextContent) >= 100)
        {
            return main;
        }

        return BestBlock(body) ?? body;
    }

    private static IElement? Largest(IHtmlCollection<IElement> elements) =>
        elements.Length == 0 ? null : elements.MaxBy(e => Letters(e.TextContent));

    /// <summary>The block whose paragraphs hold the most text not inside links (readability-style scoring).</summary>
    private static IElement? BestBlock(IElement body)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var paragraph in body.QuerySelectorAll("p, pre, td, blockquote, div, li"))
        {
            var own = OwnLetters(paragraph);
            if (own < 25)
            {
                continue;
            }

            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + own;
                if (parent.ParentElement is { } grandparent)
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + (own / 2.0);
                }
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (candidate, score) in scores)
        {
            var adjusted = score * (1 - LinkDensity(candidate));
            if (adjusted > bestScore)
            {
                best = candidate;
                bestScore = adjusted;
            }
        }

        return best;
    }

    /// <summary>Letters of a block's own text: its text nodes and inline children, not nested blocks.</summary>
    private static int OwnLetters(IElement element)
    {
        var letters = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                letters += Letters(text.Data);
            }
            else if (child is IElement inline && !HtmlTextWriter.IsBlock(inline.LocalName))
            {
                letters += Letters(inline.TextContent);
            }
        }

        return letters;
    }

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
