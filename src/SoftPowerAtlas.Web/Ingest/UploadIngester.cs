using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Web.Ingest;

/// <summary>
/// What happened to one uploaded file: stored (with its id), a duplicate of a stored document, or failed and why
/// (<see cref="Message"/>, in English); <see cref="Display"/> says it in the interface language of the request.
/// </summary>
public sealed record UploadResult(string File, string Status, long? DocumentId, string Message)
{
    public string? Display { get; init; }
}

/// <summary>
/// Ingests uploaded files with the same loader, pipeline and duplicate policy as <c>atlas ingest</c>,
/// one transaction per file, one writer at a time. Files are recorded with the source <c>upload/NAME</c>.
/// </summary>
public sealed class UploadIngester(IAtlasStore store, AnalysisPipeline pipeline)
{
    /// <summary>File name endings the loader reads.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly DocumentLoader _loader = new();

    public long MaxFileBytes => _loader.MaxBytes;

    public async Task<UploadResult> IngestAsync(string fileName, Stream content, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = UploadNames.Sanitize(fileName);
        if (name.Length == 0)
        {
            return new UploadResult(fileName ?? string.Empty, "failed", null, "the file has no name");
        }

        if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant(), StringComparer.Ordinal))
        {
            return new UploadResult(name, "failed", null, $"{name}: {Path.GetExtension(name)} files are not read (only {string.Join(", ", Extensions)})");
        }

        var source = "upload/" + name;
        var loaded = _loader.Load(content, source);
        if (!loaded.IsSuccess)
        {
            return new UploadResult(name, "failed", null, loaded.Error.Message);
        }

        NewDocument document;
        try
        {
            document = IngestRunner.ToNewDocument(pipeline.Run(loaded.Document));
        }
        catch (AnalysisBudgetExceededException e)
        {
            return new UploadResult(name, "failed", null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect met on one file must not answer 500 for the whole upload and drop the files after it.
            return new UploadResult(name, "failed", null, $"{source}: analysis failed ({e.GetType().Name}: {e.Message})");
        }

        await _writer.WaitAsync(cancel);
        try
        {
            using var batch = store.BeginBatch();
            var outcome = batch.Ingest(document);
            batch.Commit();
            return outcome.Status switch
            {
                IngestStatus.Added => new UploadResult(name, "stored", outcome.DocumentId, $"stored as document {outcome.DocumentId}"),
                IngestStatus.AddedNearDuplicate => new UploadResult(name, "stored", outcome.DocumentId, $"stored as document {outcome.DocumentId}, a near duplicate of document {outcome.Match?.DocumentId}"),
                _ => new UploadResult(name, "duplicate", outcome.DocumentId, $"already stored as document {outcome.DocumentId}"),
            };
        }
        catch (StoreException e)
        {
            return new UploadResult(name, "failed", null, e.Message);
        }
        finally
        {
            _writer.Release();
        }
    }
}
