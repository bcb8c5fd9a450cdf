namespace SoftPowerAtlas.Storage;

/// <summary>What ingesting one document did.</summary>
public enum IngestStatus
{
    /// <summary>A new text, stored.</summary>
    Added,

    /// <summary>A new text, stored and linked to the near duplicate in <see cref="IngestOutcome.Match"/>.</summary>
    AddedNearDuplicate,

    /// <summary>Text already stored from another source; this source was recorded against it.</summary>
    ExactDuplicate,

    /// <summary>Text already stored from this very source; nothing changed.</summary>
    AlreadyStored,
}

/// <summary>Result of <see cref="IngestBatchExtensions.Ingest"/>.</summary>
public sealed record IngestOutcome(IngestStatus Status, long DocumentId, DocumentMatch? Match);

/// <summary>The duplicate policy of ingest, written once for every store.</summary>
public static class IngestBatchExtensions
{
    /// <summary>
    /// Stores <paramref name="document"/> unless its text is already stored (then records the new
    /// source), linking it to its nearest near duplicate if there is one.
    /// </summary>
    public static IngestOutcome Ingest(this IIngestBatch batch, NewDocument document)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(document);
        var exact = batch.FindExact(document.ContentHash);
        if (exact is not null)
        {
            return batch.RecordDuplicate(exact, document.Source);
        }

        var near = batch.FindNear(document.SimHash);
        var id = batch.Add(near is null ? document : document with { NearDuplicateOf = near.DocumentId });
        return new IngestOutcome(near is null ? IngestStatus.Added : IngestStatus.AddedNearDuplicate, id, near);
    }

    /// <summary>
    /// Stores <paramref name="documents"/> in order with the policy of <see cref="Ingest"/>: a later
    /// document of the list sees the earlier ones. An engine may store the whole list at once.
    /// </summary>
    public static IReadOnlyList<IngestOutcome> IngestAll(this IIngestBatch batch, IReadOnlyList<NewDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(documents);
        return batch is Ingest.IBulkIngest bulk
            ? bulk.IngestAll([.. documents.Select(d => new Ingest.BulkInput(d.Source, d, null, null))])
            : documents.Select(batch.Ingest).ToList();
    }

    /// <summary>Records <paramref name="source"/> against the stored text <paramref name="exact"/>: a new source of it, or one already known.</summary>
    public static IngestOutcome RecordDuplicate(this IIngestBatch batch, DocumentMatch exact, string source)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(exact);
        var status = batch.AddSource(exact.DocumentId, source) ? IngestStatus.ExactDuplicate : IngestStatus.AlreadyStored;
        return new IngestOutcome(status, exact.DocumentId, exact);
    }
}
