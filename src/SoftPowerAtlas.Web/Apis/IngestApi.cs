using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Web.Ingest;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>What an upload did, file by file.</summary>
public sealed record IngestResponse(IReadOnlyList<UploadResult> Files, int Stored, int Duplicates, int Failed);

/// <summary>POST /api/ingest: multipart upload of text, Markdown, HTML, Word, PDF and image files, ingested like <c>atlas ingest</c>.</summary>
public static class IngestApi
{
    /// <summary>Most files accepted in one request.</summary>
    public const int MaxFiles = 50;

    public static void MapIngestApi(this RouteGroupBuilder api)
    {
        api.MapPost("/ingest", Upload)
            .WithTags("Ingest")
            .WithSummary("Upload files (multipart/form-data, field 'files'); each is cleaned, analysed and stored, or reported with the reason it was not.")
            .WithDescription("Send multipart/form-data with the files in the field 'files' (at most 50, each at most 20 MB; .txt, .md, .html, .docx, .pdf, .png, .jpg, .tif). Anything else is a 415 problem. Admins only: send an API key ('Authorization: Bearer KEY'), or, from a signed-in page, the X-CSRF-TOKEN header.")
            .RequireAuthorization(AtlasPolicies.Admin)
            .DisableAntiforgery(); // Not the form binder's check: ApiCsrf checks the header token of every unsafe API request.
    }

    public static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> Upload(HttpRequest request, UploadIngester ingester, UiText text, CancellationToken cancel)
    {
        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"Send the files as multipart/form-data, not '{request.ContentType}'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancel);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload rejected", detail: e.Message);
        }

        if (form.Files.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No files", detail: "The form has no files; send them in the field 'files'.");
        }

        if (form.Files.Count > MaxFiles)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Too many files", detail: $"{form.Files.Count} files sent; at most {MaxFiles} per request.");
        }

        var results = new List<UploadResult>();
        foreach (var file in form.Files)
        {
            if (!IsReadableType(file.ContentType))
            {
                results.Add(new UploadResult(file.FileName, "failed", null, $"{file.FileName}: content type '{file.ContentType}' is not text, Markdown, HTML, Word, PDF or an image"));
                continue;
            }

            if (file.Length > ingester.MaxFileBytes)
            {
                results.Add(new UploadResult(file.FileName, "failed", null, $"{file.FileName} is {file.Length:N0} bytes; at most {ingester.MaxFileBytes:N0} are read"));
                continue;
            }

            await using var stream = file.OpenReadStream();
            results.Add(await ingester.IngestAsync(file.FileName, stream, cancel));
        }

        return TypedResults.Ok(new IngestResponse(
            [.. results.Select(r => r with { Display = text.StoreMessage(r.Message) })],
            results.Count(r => r.Status == "stored"),
            results.Count(r => r.Status == "duplicate"),
            results.Count(r => r.Status == "failed")));
    }

    /// <summary>Browsers send .md as text/markdown or nothing at all; binary types other than PDF, Word and images are refused.</summary>
    private static bool IsReadableType(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("image/png", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("image/jpeg", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("image/tiff", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
}
