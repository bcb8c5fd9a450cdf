using System.Diagnostics;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>One document extracted again: its new fact counts, and the edits that found no target.</summary>
public sealed record ReextractOutcome(long DocumentId, string Source, int Engagements, int Commitments, IReadOnlyList<UnappliedEdit> Unapplied, string? Problem);

/// <summary>What <see cref="Reextractor.Run"/> did.</summary>
public sealed record ReextractSummary(IReadOnlyList<ReextractOutcome> Documents, TimeSpan Elapsed)
{
    public int Failed => Documents.Count(d => d.Problem is not null);

    public IEnumerable<UnappliedEdit> Unapplied => Documents.SelectMany(d => d.Unapplied);
}

/// <summary>How far a run has got.</summary>
public readonly record struct ReextractProgress(int Done, int Total);

/// <summary>
/// Runs extraction again on stored documents with the current pipeline (their stored original text,
/// loaded as it was): the facts JSON and fact rows are written anew, the curation in force is applied
/// on top, and edits whose fact extraction no longer finds are reported. The document's text, ids,
/// content hash and sources stay. Documents are written in transactions of <see cref="BatchSize"/>.
/// </summary>
public sealed class Reextractor(IAtlasStore store, AnalysisPipeline pipeline)
{
    public const int BatchSize = 50;

    private readonly DocumentLoader _loader = new();

    /// <summary>Every stored document's id, in order.</summary>
    public IReadOnlyList<long> AllDocumentIds() =>
        StoreTransactions.Run(store, sql => (sql.Rows("SELECT id FROM documents ORDER BY id", r => r.GetInt64(0)), false), write: false);

    public ReextractSummary Run(IReadOnlyList<long> documentIds, IProgress<ReextractProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var started = Stopwatch.StartNew();
        var outcomes = new List<ReextractOutcome>(documentIds.Count);
        progress?.Report(new ReextractProgress(0, documentIds.Count));
        foreach (var chunk in documentIds.Chunk(BatchSize))
        {
            cancel.ThrowIfCancellationRequested();
            var analysed = chunk.AsParallel().AsOrdered().WithCancellation(cancel).Select(Analyse).ToList();
            outcomes.AddRange(StoreTransactions.Run(store, sql =>
            {
                var replay = new CurationReplay(sql);
                var written = new List<ReextractOutcome>();
                foreach (var (id, doc, facts, problem) in analysed)
                {
                    if (doc is null || facts is null)
                    {
                        written.Add(new ReextractOutcome(id, doc?.Source ?? "(not stored)", 0, 0, [], problem));
                        continue;
                    }

                    sql.Execute("UPDATE documents SET facts_json = NULL, facts_packed = @packed WHERE id = @id", ("@packed", PackedText.Pack(FactsJson.WriteCompact(facts))), ("@id", id));
                    var unapplied = DocumentFacts.Rewrite(sql, replay, id, doc.ContentHash, facts);
                    var engagements = sql.Long("SELECT count(*) FROM engagements WHERE document_id = @id", ("@id", id)) ?? 0;
                    var commitments = sql.Long("SELECT count(*) FROM commitments WHERE document_id = @id", ("@id", id)) ?? 0;
                    written.Add(new ReextractOutcome(id, doc.Source, (int)engagements, (int)commitments, unapplied, null));
                }

                return (written, true);
            }, write: true));
            progress?.Report(new ReextractProgress(outcomes.Count, documentIds.Count));
        }

        return new ReextractSummary(outcomes, started.Elapsed);
    }

    private (long Id, StoredDocument? Document, ExtractedFacts? Facts, string? Problem) Analyse(long id)
    {
        var doc = store.GetDocument(id);
        if (doc is null)
        {
            return (id, null, null, $"no document #{id}");
        }

        try
        {
            var format = Enum.TryParse<DocumentFormat>(doc.Format, ignoreCase: true, out var f) ? f : DocumentFormat.Text;
            var loaded = _loader.LoadText(doc.OriginalText, doc.Source, format);
            return loaded.Document is { } source
                ? (id, doc, ExtractedFacts.From(pipeline.Run(source)), null)
                : (id, doc, null, loaded.Error?.Message ?? "the stored text could not be loaded again");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One document's defect must not stop the others; it is reported with the document.
            return (id, doc, null, $"analysis failed ({e.GetType().Name}: {e.Message})");
        }
    }
}
