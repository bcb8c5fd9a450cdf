using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SoftPowerAtlas.Analysis.Documents;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// A web page: removes scripts and page chrome (navigation, ads, share bars, comments...), picks the
/// article block (<see cref="ArticleExtractor"/>), and writes its text with block elements as line breaks, each character mapped to
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

    public static ReadOutcome Read(string source, string name, int minVisibleLetters, string? articleSelector = null)
    {
        // Same length and offsets as the source; only tags nested past HtmlNesting.MaxDepth are blanked.
        var shallow = HtmlNesting.Limit(source);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(shallow);
        var map = HtmlSourceMap.Build(document, shallow);
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
        var root = ArticleExtractor.Find(body, articleSelector);
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
        || ArticleExtractor.Letters(element.TextContent) * 2 > pageLetters;
}
