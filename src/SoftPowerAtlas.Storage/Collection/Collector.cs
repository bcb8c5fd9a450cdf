using System.Diagnostics;
using System.Security.Cryptography;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// One collection run: checks every source (conditionally), lists its article links, fetches each
/// article (conditionally when a copy is held), and ingests a page whose bytes changed through the
/// normal pipeline (<see cref="IngestBatchExtensions.Ingest"/>), the whole page as the document's
/// original text so offsets point into the page as fetched. Every item's fetch is recorded in
/// <see cref="SourceStore"/> as soon as it ends, so a killed run continues where it stopped. A
/// document is committed before its fetch record: a kill between the two re-fetches the page next
/// run, which then finds the text already stored and records it without storing it twice.
/// </summary>
public sealed class Collector(IAtlasStore store, SourceStore sources, AnalysisPipeline pipeline, WebFetcher fetcher, TimeProvider clock)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Most article fetches in one run; the rest wait for the next run (new items first).</summary>
    public int? MaxItems { get; init; }

    public async Task<CollectSummary> RunAsync(IProgress<CollectProgress>? progress = null, CancellationToken cancel = default)
    {
        var started = Stopwatch.StartNew();
        var all = sources.List();
        var checks = new SourceCheck[all.Count];
        var listed = new List<(Source Source, Uri Link, string? Title)>[all.Count];
        var validatorsOf = new System.Collections.Concurrent.ConcurrentDictionary<long, FetchValidators?>();
        int checkedCount = 0, done = 0, added = 0, unchanged = 0, failed = 0, queued = 0;
        void Report() => progress?.Report(new CollectProgress(checkedCount, all.Count, done, queued, added, unchanged, failed));

        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = 4 }, async (i, token) =>
        {
            (checks[i], listed[i], var validators) = await CheckSourceAsync(all[i], token);
            validatorsOf[all[i].Id] = validators;
            Interlocked.Increment(ref checkedCount);
            Report();
        });

        var candidates = Order(listed.SelectMany(l => l));
        var take = MaxItems is { } max ? Math.Min(max, candidates.Count) : candidates.Count;
        var work = candidates.Take(take).ToList();
        queued = work.Count;
        Report();

        var outcomes = new ItemOutcome[work.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, work.Count),
            new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Math.Max(1, fetcher.Policy.GlobalConcurrency) },
            async (i, token) =>
            {
                var outcome = await CollectItemAsync(work[i].Source, work[i].Link, work[i].Title, work[i].Known, token);
                outcomes[i] = outcome;
                switch (outcome.Status)
                {
                    case ItemStatus.New or ItemStatus.Updated:
                        Interlocked.Increment(ref added);
                        break;
                    case ItemStatus.Unchanged or ItemStatus.Duplicate:
                        Interlocked.Increment(ref unchanged);
                        break;
                    default:
                        Interlocked.Increment(ref failed);
                        break;
                }

                Interlocked.Increment(ref done);
                Report();
            });

        // A source's validators are kept only once every item it listed was handled: after a run that
        // deferred some, the next run must list them again rather than hear "304, nothing new".
        var deferredSources = candidates.Skip(take).Select(c => c.Source.Id).ToHashSet();
        foreach (var check in checks)
        {
            if (check.Status is "ok" or "unchanged")
            {
                var validators = deferredSources.Contains(check.Source.Id) ? new FetchValidators(null, null) : validatorsOf[check.Source.Id];
                sources.RecordCheck(check.Source.Id, check.Status, null, validators);
            }
        }

        return new CollectSummary(checks, outcomes, candidates.Count - take, started.Elapsed);
    }

    /// <summary>Items never fetched first, then those that failed or were refused, then re-checks of copies held.</summary>
    private List<(Source Source, Uri Link, string? Title, FetchedItem? Known)> Order(IEnumerable<(Source Source, Uri Link, string? Title)> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<(Source, Uri, string?, FetchedItem?, int Rank)>();
        foreach (var (source, link, title) in items)
        {
            if (!seen.Add(link.AbsoluteUri))
            {
                continue;
            }

            var known = sources.GetItem(link.AbsoluteUri);
            var rank = known is null ? 0 : known.Status is ItemStatus.Failed or ItemStatus.Refused ? 1 : 2;
            ordered.Add((source, link, title, known, rank));
        }

        return ordered.OrderBy(o => o.Rank).Select(o => (o.Item1, o.Item2, o.Item3, o.Item4)).ToList();
    }

    /// <summary>Fetches and reads a source; records a failure at once, success (with validators) at the end of the run.</summary>
    private async Task<(SourceCheck, List<(Source, Uri, string?)>, FetchValidators?)> CheckSourceAsync(Source source, CancellationToken cancel)
    {
        var result = await fetcher.FetchAsync(source.Url, source.Validators.IsEmpty ? null : source.Validators, cancel);
        switch (result.Status)
        {
            case FetchStatus.NotModified:
                // The list is as it was: only earlier failures are worth another try.
                var retry = sources.ItemsOf(source.Id, ItemStatus.Failed).Concat(sources.ItemsOf(source.Id, ItemStatus.Refused))
                    .Select(i => (source, new Uri(i.Url), i.Title)).ToList();
                return (new SourceCheck(source, "unchanged", null, 0), retry, result.Validators);
            case FetchStatus.Ok:
                var read = Read(source, result);
                if (read.Error is { } error)
                {
                    var reason = $"{source.Url}: {error}";
                    sources.RecordCheck(source.Id, "failed", reason, null);
                    return (new SourceCheck(source, "failed", reason, 0), [], null);
                }

                return (new SourceCheck(source, "ok", null, read.Items.Count), read.Items.Select(i => (source, i.Link, i.Title)).ToList(), result.Validators);
            default:
                var status = result.Status == FetchStatus.Refused ? "refused" : "failed";
                sources.RecordCheck(source.Id, status, result.Reason, null);
                return (new SourceCheck(source, status, result.Reason, 0), [], null);
        }
    }

    private static FeedReadResult Read(Source source, FetchResult result)
    {
        if (source.Kind == SourceKind.Feed)
        {
            return FeedParser.Parse(result.Body.Span, result.Final);
        }

        var (pattern, error) = ListingLinks.Compile(source.LinkPattern ?? string.Empty);
        return pattern is null ? FeedReadResult.Failure(error!) : ListingLinks.Find(result.Body.Span, result.Charset, result.Final, pattern);
    }

    private async Task<ItemOutcome> CollectItemAsync(Source source, Uri link, string? title, FetchedItem? known, CancellationToken cancel)
    {
        var url = link.AbsoluteUri;

        // Validators are sent only while we hold the copy they describe.
        var held = known is { DocumentId: not null } ? known.Validators : null;
        var result = await fetcher.FetchAsync(link, held is { IsEmpty: false } ? held : null, cancel);
        var item = new FetchedItem
        {
            SourceId = source.Id,
            Url = url,
            FinalUrl = result.Final.AbsoluteUri == url ? null : result.Final.AbsoluteUri,
            Title = title,
            ETag = result.ETag ?? known?.ETag,
            LastModified = result.LastModified ?? known?.LastModified,
            ContentHash = known?.ContentHash,
            FetchedAt = clock.GetUtcNow(),
            Status = ItemStatus.Failed,
            HttpStatus = result.HttpStatus,
            DocumentId = known?.DocumentId,
        };

        switch (result.Status)
        {
            case FetchStatus.NotModified:
                return Record(item with { Status = ItemStatus.Unchanged });
            case FetchStatus.Refused:
                return Record(item with { Status = ItemStatus.Refused, Reason = result.Reason });
            case FetchStatus.Failed:
                return Record(item with { Status = ItemStatus.Failed, Reason = result.Reason });
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(result.Body.Span));
        item = item with { ETag = result.ETag, LastModified = result.LastModified };
        if (hash == known?.ContentHash && known.DocumentId is not null)
        {
            return Record(item with { Status = ItemStatus.Unchanged });
        }

        var loader = new DocumentLoader { ArticleSelector = source.Selector, MaxBytes = fetcher.Policy.MaxBytes };
        var format = result.MediaType is "text/plain" ? DocumentFormat.Text : DocumentFormat.Html;
        var loaded = loader.LoadPage(result.Body.Span, url, result.Charset, format);
        if (loaded.Document is not { } page)
        {
            return Record(item with { Status = ItemStatus.Failed, Reason = loaded.Error?.Message ?? $"{url}: could not be read" });
        }

        PreparedDocument document;
        try
        {
            document = KnownTexts.Prepare(pipeline, store, page);
        }
        catch (AnalysisBudgetExceededException e)
        {
            return Record(item with { Status = ItemStatus.Failed, Reason = e.Message });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect met on one page must not stop the run; it is reported with the address.
            return Record(item with { Status = ItemStatus.Failed, Reason = $"{url}: analysis failed ({e.GetType().Name}: {e.Message})" });
        }

        IngestOutcome stored;
        await _writer.WaitAsync(cancel);
        try
        {
            using var batch = store.BeginBatch();
            stored = batch.Ingest(document, pipeline);
            batch.Commit();
        }
        finally
        {
            _writer.Release();
        }

        var status = stored.Status switch
        {
            IngestStatus.Added or IngestStatus.AddedNearDuplicate => known?.DocumentId is null ? ItemStatus.New : ItemStatus.Updated,
            IngestStatus.ExactDuplicate => ItemStatus.Duplicate,
            _ => ItemStatus.Unchanged,
        };
        return Record(item with { Status = status, ContentHash = hash, DocumentId = stored.DocumentId });
    }

    private ItemOutcome Record(FetchedItem item)
    {
        sources.Record(item);
        return new ItemOutcome(item.SourceId, item.Url, item.Status, item.DocumentId, item.Reason);
    }
}
