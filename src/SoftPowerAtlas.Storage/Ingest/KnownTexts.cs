using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Storage.Ingest;

/// <summary>
/// What analysis hands the writer: the new document, or, when the store already held the text as it
/// stood after cleaning, only that text's content hash (<see cref="KnownHash"/>): segmentation, dates
/// and extraction never ran for it.
/// </summary>
public sealed record PreparedDocument(SourceDocument Loaded, NewDocument? Document, string? KnownHash);

/// <summary>
/// A file whose text is already stored costs only its loading and cleaning (issue 20): ingest, the
/// queue's workers and collection look the cleaned text's content hash up before the rest of the
/// analysis, and the writer records the new source against the stored document, as it does for any
/// exact duplicate. The look is a hint; the writer's own check inside its transaction decides.
/// </summary>
public static class KnownTexts
{
    /// <summary>
    /// Runs <paramref name="pipeline"/> on <paramref name="loaded"/> unless <paramref name="store"/> already holds its text.
    /// A look-up that fails with an exception <paramref name="unknownOn"/> accepts (a worker's lost
    /// database) counts the text as not stored: it is analysed in full, and the writer decides.
    /// </summary>
    public static PreparedDocument Prepare(AnalysisPipeline pipeline, IAtlasStore store, SourceDocument loaded, Func<Exception, bool>? unknownOn = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        string? hash = null;
        var analysed = pipeline.RunUnlessKnown(loaded, text => IsStored(store, hash = Fingerprint.ContentHash(text), unknownOn));
        return analysed is null ? new PreparedDocument(loaded, null, hash) : new PreparedDocument(loaded, IngestRunner.ToNewDocument(analysed), null);
    }

    /// <summary>
    /// Stores a prepared document with the duplicate policy of <see cref="IngestBatchExtensions.Ingest"/>. A text
    /// found stored before analysis but gone by now (deleted in between) is analysed after all.
    /// </summary>
    public static IngestOutcome Ingest(this IIngestBatch batch, PreparedDocument prepared, AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (prepared.Document is { } document)
        {
            return batch.Ingest(document);
        }

        if (prepared.KnownHash is { } hash && batch.FindExact(hash) is { } exact)
        {
            return batch.RecordDuplicate(exact, prepared.Loaded.Source);
        }

        return batch.Ingest(IngestRunner.ToNewDocument(pipeline.Run(prepared.Loaded)));
    }

    /// <summary>
    /// Stores <paramref name="prepared"/> in order, as <see cref="Ingest(IIngestBatch, PreparedDocument, AnalysisPipeline)"/>
    /// on each would; a batch that can write a whole list at once (PostgreSQL) does.
    /// </summary>
    public static IReadOnlyList<IngestOutcome> IngestAll(this IIngestBatch batch, IReadOnlyList<PreparedDocument> prepared, AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (batch is not IBulkIngest bulk)
        {
            return prepared.Select(p => batch.Ingest(p, pipeline)).ToList();
        }

        return bulk.IngestAll([.. prepared.Select(p => new BulkInput(
            p.Loaded.Source, p.Document, p.KnownHash, () => IngestRunner.ToNewDocument(pipeline.Run(p.Loaded))))]);
    }

    private static bool IsStored(IAtlasStore store, string contentHash, Func<Exception, bool>? unknownOn)
    {
        try
        {
            return store.Read((connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT 1 FROM documents WHERE content_hash = @hash";
                command.Bind(("@hash", contentHash));
                return command.ExecuteScalar() is not null;
            });
        }
        catch (Exception e) when (unknownOn?.Invoke(e) == true)
        {
            return false;
        }
    }
}
