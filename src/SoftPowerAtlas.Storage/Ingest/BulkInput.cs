namespace SoftPowerAtlas.Storage.Ingest;

/// <summary>
/// One input of <see cref="IBulkIngest.IngestAll"/>: a new document, or only the content hash of a
/// text analysis found stored (<see cref="KnownHash"/>) with how to analyse it after all should the
/// text be gone by the time the batch writes.
/// </summary>
internal sealed record BulkInput(string Source, NewDocument? Document, string? KnownHash, Func<NewDocument>? Analyse)
{
    /// <summary>The content hash the duplicate check looks up.</summary>
    public string ContentHash => Document?.ContentHash ?? KnownHash ?? throw new InvalidOperationException("a bulk input holds a document or a known hash");
}

/// <summary>
/// A batch that stores a whole list in a few round trips (PostgreSQL) rather than a statement per
/// row, with the same outcome as <see cref="IngestBatchExtensions.Ingest"/> called on each input in order.
/// </summary>
internal interface IBulkIngest
{
    IReadOnlyList<IngestOutcome> IngestAll(IReadOnlyList<BulkInput> inputs);
}
