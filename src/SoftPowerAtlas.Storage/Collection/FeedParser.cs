using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>One entry of a feed or listing page: the article address and what the feed says of it.</summary>
public sealed record FeedItem(Uri Link, string? Title, DateTimeOffset? Published);

/// <summary>The items a source lists, or why it could not be read (<see cref="Error"/> names the problem).</summary>
public sealed record FeedReadResult(IReadOnlyList<FeedItem> Items, string? Error)
{
    public static FeedReadResult Failure(string error) => new([], error);
}

/// <summary>
/// Reads RSS 2.0 (also RSS 1.0/RDF) and Atom feeds: item links resolved against the feed address,
/// titles and dates. Malformed XML, a DTD, or a document that is no feed is a result with a message,
/// never an exception. Thread-safe.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly Encoding ThaiEncoding = CreateThaiEncoding();

    public static FeedReadResult Parse(ReadOnlySpan<byte> bytes, Uri feedUri)
    {
        ArgumentNullException.ThrowIfNull(feedUri);
        if (bytes.IsEmpty)
        {
            return FeedReadResult.Failure("the feed is empty (0 bytes)");
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                // No DTD, no external entities: a feed has no need of them and they are an attack surface.
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                IgnoreComments = true,
            };

            // The stream lets the reader honour the declared encoding; Thai code pages it cannot name are decoded here.
            using var reader = ThaiDeclared(bytes)
                ? XmlReader.Create(new StringReader(ThaiEncoding.GetString(bytes)), settings)
                : XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            return FeedReadResult.Failure(string.Create(CultureInfo.InvariantCulture, $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}"));
        }

        var root = document.Root!; // XDocument.Load fails on a document without a root element.
        var items = root.Name.LocalName switch
        {
            "rss" or "RDF" => ReadRss(root, feedUri),
            "feed" when root.Name.Namespace == Atom => ReadAtom(root, feedUri),
            _ => null,
        };
        return items is null
            ? FeedReadResult.Failure($"not an RSS or Atom feed (the root element is <{root.Name.LocalName}>)")
            : new FeedReadResult(items, null);
    }

    private static List<FeedItem> ReadRss(XElement root, Uri feedUri)
    {
        var items = new List<FeedItem>();
        foreach (var item in root.Descendants().Where(e => e.Name.LocalName == "item"))
        {
            var link = Child(item, "link")?.Value.Trim();
            if (string.IsNullOrEmpty(link) && Child(item, "guid") is { } guid
                && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase))
            {
                link = guid.Value.Trim();
            }

            if (Resolve(feedUri, link) is { } uri)
            {
                items.Add(new FeedItem(uri, Child(item, "title")?.Value.Trim(), ParseDate(Child(item, "pubDate")?.Value ?? Child(item, "date")?.Value)));
            }
        }

        return Distinct(items);
    }

    private static List<FeedItem> ReadAtom(XElement root, Uri feedUri)
    {
        var items = new List<FeedItem>();
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            var links = entry.Elements(Atom + "link").ToList();
            var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
            if (Resolve(feedUri, (string?)link?.Attribute("href")) is { } uri)
            {
                var date = entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value;
                items.Add(new FeedItem(uri, entry.Element(Atom + "title")?.Value.Trim(), ParseDate(date)));
            }
        }

        return Distinct(items);
    }

    /// <summary>An absolute http(s) address, or null for an empty, malformed or non-web link.</summary>
    internal static Uri? Resolve(Uri baseUri, string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(baseUri, link.Trim(), out var uri))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        // The fragment names a place in a page, not another page.
        return new UriBuilder(uri) { Fragment = string.Empty }.Uri;
    }

    private static List<FeedItem> Distinct(List<FeedItem> items) =>
        items.DistinctBy(i => i.Link.AbsoluteUri, StringComparer.Ordinal).ToList();

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>RFC 822 (RSS) or RFC 3339 (Atom) dates; null when unreadable (a feed's date is a hint, not a fact).</summary>
    private static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        // "Tue, 04 Jun 2024 09:30:00 GMT" parses above; zone names like "+0700" without a colon do not.
        string[] formats = ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss zzz"];
        var normalised = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') ? text[..^2] + ":" + text[^2..] : text;
        return DateTimeOffset.TryParseExact(normalised, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed) ? parsed : null;
    }

    /// <summary>
    /// True when the XML declaration names a Thai code page under a name .NET does not know
    /// (TIS-620, ISO-8859-11) or one it knows only through the code-pages provider.
    /// </summary>
    private static bool ThaiDeclared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        if (!head.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return false;
        }

        var end = head.IndexOf("?>", StringComparison.Ordinal);
        var declaration = (end > 0 ? head[..end] : head).ToLowerInvariant();
        return declaration.Contains("tis-620", StringComparison.Ordinal) || declaration.Contains("tis620", StringComparison.Ordinal)
            || declaration.Contains("iso-8859-11", StringComparison.Ordinal) || declaration.Contains("874", StringComparison.Ordinal);
    }

    private static Encoding CreateThaiEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(874);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Line", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
