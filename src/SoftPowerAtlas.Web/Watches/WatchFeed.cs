using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Watches;

/// <summary>
/// A watch's Atom 1.0 feed at <c>/watch/{id}/feed.atom?token=…</c>, for a feed reader or mail tool that
/// has no browser session: the secret token in the address opens it (<see cref="WatchStore.FindByFeedToken"/>),
/// never a password or cookie. Entries are the watch's matching documents, newest ingest first.
/// </summary>
public static class WatchFeed
{
    /// <summary>Entries a feed carries.</summary>
    public const int Entries = 50;

    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapWatchFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/watch/{id:long}/feed.atom", Get).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The feed's address with its token, absolute (what a feed reader is given).</summary>
    public static string Address(HttpRequest request, long id, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}/watch/{id}/feed.atom?token={Uri.EscapeDataString(token)}");
    }

    /// <summary>404 for a wrong or old token as for a missing watch: the address tells nobody whether a watch exists.</summary>
    public static IResult Get(long id, string? token, HttpContext context, WatchStore watches, WatchReader reader, UiText text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(watches);
        ArgumentNullException.ThrowIfNull(reader);
        if (watches.FindByFeedToken(id, token) is not { } watch)
        {
            return TypedResults.NotFound();
        }

        var documents = reader.Latest(watch, Entries);
        var bytes = Write(watch, documents, context.Request, text);
        context.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Bytes(bytes, ContentType);
    }

    /// <summary>The Atom document of the watch's documents.</summary>
    public static byte[] Write(Watch watch, IReadOnlyList<WatchDocument> documents, HttpRequest request, UiText text)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(text);
        var site = string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}");
        var updated = documents.Count > 0 ? documents.Max(d => d.IngestedAt) : watch.CreatedAt;
        var feed = new SyndicationFeed(
            watch.Name + " · SoftPowerAtlas",
            WatchText.Kind(watch.Kind, text) + ": " + WatchText.Target(watch, text),
            new Uri(string.Create(CultureInfo.InvariantCulture, $"{site}/watch/{watch.Id}")),
            string.Create(CultureInfo.InvariantCulture, $"{site}/watch/{watch.Id}"),
            updated)
        {
            Language = text.Language,
            Generator = "SoftPowerAtlas",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "SoftPowerAtlas" });
        feed.Links.Add(new SyndicationLink(new Uri(site + request.Path), "self", null, "application/atom+xml", 0));
        feed.Items = documents.Select(d =>
        {
            var link = new Uri(string.Create(CultureInfo.InvariantCulture, $"{site}/documents/{d.Id}"));
            var item = new SyndicationItem(d.Title ?? text.Format("doc.untitled", d.Id), (SyndicationContent?)null, link, link.AbsoluteUri, d.IngestedAt)
            {
                Summary = new TextSyndicationContent(d.Summary),
                PublishDate = d.IngestedAt,
            };
            return item;
        }).ToList();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }
}
