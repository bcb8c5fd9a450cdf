using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// The article links of a news listing page: every <c>&lt;a href&gt;</c>, resolved against the page
/// (and its <c>&lt;base&gt;</c>), whose absolute address matches the source's link pattern, in page
/// order, each once.
/// </summary>
public static class ListingLinks
{
    /// <summary>How long one pattern match may run: a user's pattern must not hang a collection run.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The pattern compiled as collection uses it, or the reason it is not a valid .NET regular expression.</summary>
    public static (Regex? Pattern, string? Error) Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return (new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout), null);
        }
        catch (ArgumentException e)
        {
            return (null, $"'{pattern}' is not a valid regular expression: {e.Message}");
        }
    }

    public static FeedReadResult Find(ReadOnlySpan<byte> bytes, string? headerCharset, Uri pageUri, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pageUri);
        ArgumentNullException.ThrowIfNull(pattern);
        if (DocumentLoader.DecodePage(bytes, headerCharset) is not { } html)
        {
            return FeedReadResult.Failure("the listing page is not readable text (empty, binary or of an unknown encoding)");
        }

        var document = new HtmlParser().ParseDocument(html);
        var baseUri = document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(pageUri, baseHref, out var declared)
            ? declared
            : pageUri;
        var items = new List<FeedItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { pageUri.AbsoluteUri };
        try
        {
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                if (FeedParser.Resolve(baseUri, anchor.GetAttribute("href")) is { } link
                    && pattern.IsMatch(link.AbsoluteUri)
                    && seen.Add(link.AbsoluteUri))
                {
                    var title = string.Join(' ', anchor.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    items.Add(new FeedItem(link, title.Length > 0 ? title : null, null));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return FeedReadResult.Failure($"the link pattern '{pattern}' took longer than a second on one link; simplify it");
        }

        return new FeedReadResult(items, null);
    }
}
