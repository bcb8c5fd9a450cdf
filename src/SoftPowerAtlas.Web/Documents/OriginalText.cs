using System.Text;
using Microsoft.Net.Http.Headers;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Documents;

/// <summary>
/// <c>/documents/{id}/original</c>: the stored original of a document exactly as read (HTML, Markdown
/// or text), served as UTF-8 plain text to anyone who may view documents, so it is shown, never run:
/// <c>nosniff</c>, and a sandbox policy with no sources at all. A PDF, Word or image document also
/// has its file at <c>/documents/{id}/file</c>.
/// </summary>
public static class OriginalText
{
    /// <summary>The address of a document's original.</summary>
    public static string Path(long id) => $"/documents/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/original";

    /// <summary>The address of the file a PDF, Word or image document was read from.</summary>
    public static string FilePath(long id) => $"/documents/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/file";

    public static void MapOriginalText(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/documents/{id:long}/original", Serve).RequireAuthorization(AtlasPolicies.Viewer).ExcludeFromDescription();
        app.MapGet("/documents/{id:long}/file", ServeFile).RequireAuthorization(AtlasPolicies.Viewer).ExcludeFromDescription();
    }

    /// <summary>
    /// The original file of a PDF, Word or image document, always as a download (a PDF may carry script;
    /// it is opened by the reader's own viewer, never inside atlas' pages); 404 for a text document.
    /// </summary>
    private static IResult ServeFile(long id, IAtlasStore store, HttpContext context)
    {
        if (store.GetDocument(id) is not { } document || Storage.Files.DocumentFiles.Get(store, id) is not { } file)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Bytes, file.MediaType, SourceLabel.Display(document.Source, null));
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
