using System.Threading.Channels;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Storage.Ingest;

/// <summary>Counts so far, for a progress bar.</summary>
public readonly record struct IngestProgress(int Seen, int Stored, int Duplicates, int Failed);

/// <summary>An input that was not stored, and why.</summary>
public sealed record IngestProblem(string Path, string Reason);

/// <summary>What an ingest run did.</summary>
public sealed record IngestSummary(
    int Ingested,
    int NearDuplicates,
    int Duplicates,
    IReadOnlyList<IngestProblem> Failed,
    IReadOnlyList<(string Path, long Id, IngestStatus Status)> Stored,
    TimeSpan Elapsed);

/// <summary>
/// Streams inputs through loading and the analysis pipeline on every core, and one writer stores
/// them in batches, one transaction each, so a crash or kill leaves whole documents or none.
/// Memory stays flat: at most a few hundred documents are in flight at once.
/// </summary>
public sealed class IngestRunner(IAtlasStore store, AnalysisPipeline pipeline, DocumentLoader loader)
{
    /// <summary>Documents stored per transaction.</summary>
    public int BatchSize { get; init; } = 200;

    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where "-" reads from.</summary>
    public Func<Stream> StandardInput { get; init; } = Console.OpenStandardInput;

    public async Task<IngestSummary> RunAsync(IEnumerable<IngestInput> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var pending = Channel.CreateBounded<IngestInput>(Workers * 8);
        var analysed = Channel.CreateBounded<(IngestInput Input, PreparedDocument? Document, string? Problem)>(BatchSize * 2);

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    await pending.Writer.WriteAsync(input, cancel);
                }
            }
            finally
            {
                pending.Writer.Complete();
            }
        }, cancel);

        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var input in pending.Reader.ReadAllAsync(cancel))
            {
                await analysed.Writer.WriteAsync(Analyse(input), cancel);
            }
        }, cancel)).ToArray();

        var closer = Task.WhenAll(workers).ContinueWith(t => analysed.Writer.Complete(t.Exception), TaskScheduler.Default);

        var failed = new List<IngestProblem>();
        var stored = new List<(string, long, IngestStatus)>();
        int ingested = 0, near = 0, duplicates = 0, seen = 0;
        var waiting = new List<(IngestInput Input, PreparedDocument Document)>();

        // A batch opens (and takes the write lock) only when its documents are analysed, and stores them at once.
        void Store()
        {
            if (waiting.Count == 0)
            {
                return;
            }

            IReadOnlyList<IngestOutcome> outcomes;
            using (var batch = store.BeginBatch())
            {
                outcomes = batch.IngestAll([.. waiting.Select(w => w.Document)], pipeline);
                batch.Commit();
            }

            for (var i = 0; i < waiting.Count; i++)
            {
                stored.Add((waiting[i].Input.Path, outcomes[i].DocumentId, outcomes[i].Status));
                switch (outcomes[i].Status)
                {
                    case IngestStatus.Added:
                        ingested++;
                        break;
                    case IngestStatus.AddedNearDuplicate:
                        ingested++;
                        near++;
                        break;
                    default:
                        duplicates++;
                        break;
                }
            }

            waiting.Clear();
        }

        await foreach (var (input, document, problem) in analysed.Reader.ReadAllAsync(CancellationToken.None))
        {
            seen++;
            if (document is null)
            {
                failed.Add(new IngestProblem(input.Path, problem ?? "unknown error"));
            }
            else
            {
                waiting.Add((input, document));
                if (waiting.Count >= BatchSize)
                {
                    Store();
                }
            }

            progress?.Report(new IngestProgress(seen, ingested, duplicates, failed.Count));
        }

        Store();
        progress?.Report(new IngestProgress(seen, ingested, duplicates, failed.Count));

        await producer.ConfigureAwait(false);
        await closer.ConfigureAwait(false);
        return new IngestSummary(ingested, near, duplicates, failed, stored, started.Elapsed);
    }

    private (IngestInput, PreparedDocument?, string?) Analyse(IngestInput input)
    {
        if (input.Problem is not null)
        {
            return (input, null, input.Problem);
        }

        try
        {
            var loaded = input.IsStandardInput ? loader.Load(StandardInput(), "-") : loader.Load(input.Path);
            if (loaded.Document is not { } source)
            {
                return (input, null, loaded.Error?.Message ?? "could not be read");
            }

            return (input, KnownTexts.Prepare(pipeline, store, source), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (input, null, e.Message);
        }
        catch (AnalysisBudgetExceededException e)
        {
            // Analysis ends before the document reaches the writer: nothing of it is stored, the batch goes on.
            return (input, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect met on one document must not lose the rest of the batch; it is reported with the file.
            return (input, null, $"analysis failed ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>The row a document becomes: texts, fingerprints and its facts.</summary>
    public static NewDocument ToNewDocument(AnalyzedDocument doc)
    {
        var words = doc.Words().ToList();
        var dates = doc.Get<DocumentDates>();
        return new NewDocument
        {
            Source = doc.Source.Source,
            Format = doc.Source.Format.ToString().ToLowerInvariant(),
            Title = doc.Metadata.Title,
            SourceUrl = doc.Metadata.SourceUrl,
            Byline = doc.Metadata.Byline,
            PublishedAsWritten = doc.Metadata.PublishedAsWritten,
            Published = dates?.Published is { Error: null } p ? p.Value.WithoutTime().ToString() : null,
            Language = doc.LanguageCode,
            Encoding = doc.Metadata.Encoding,
            OriginalText = doc.Source.Original,
            CleanText = doc.Text.Text,
            SegmentedText = string.Join(' ', words),
            ContentHash = Fingerprint.ContentHash(doc.Text.Text),
            SimHash = Fingerprint.SimHash(words),
            Facts = ExtractedFacts.From(doc),
            File = doc.Source.File,
        };
    }
}
