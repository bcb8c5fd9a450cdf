using System.Text;
using Microsoft.Net.Http.Headers;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Documents;

/// <summary>
/// <c>/documents/{id}/original</c>: the stored original of a document exactly as read (HTML, Markdown
/// or text), served as UTF-8 plain text to anyone who may view documents, so it is shown, never run:
/// <c>nosniff</c>, and a sandbox policy with no sources at all.
/// </summary>
public static class OriginalText
{
    /// <summary>The address of a document's original.</summary>
    public static string Path(long id) => $"/documents/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/original";

    public static void MapOriginalText(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/documents/{id:long}/original", Serve).RequireAuthorization(AtlasPolicies.Viewer).ExcludeFromDescription();
    }

    private static IResult Serve(long id, IAtlasStore store, HttpContext context)
    {
        if (store.GetDocument(id) is not { } document)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        var name = System.IO.Path.ChangeExtension(SourceLabel.Display(document.Source, null), ".txt");
        headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        return TypedResults.Text(document.OriginalText, "text/plain; charset=utf-8", Encoding.UTF8);
    }
}
