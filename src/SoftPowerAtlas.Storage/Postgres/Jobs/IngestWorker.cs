using System.Collections.Concurrent;
using System.Data.Common;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Storage.Postgres.Jobs;

/// <summary>What a worker has done so far.</summary>
public readonly record struct WorkerProgress(int Jobs, int Stored, int Duplicates, int Failed, int Retried);

/// <summary>
/// One <c>atlas worker</c>: claims a batch of queued jobs, analyses them on its cores outside any
/// transaction, then stores the documents and marks their jobs done in one transaction. If the
/// process dies, its uncommitted jobs go back to the queue when their lease passes; a job it lost
/// to another worker meanwhile is skipped, so no document is stored twice or lost. If the database
/// goes away (a restart), every step waits it out with back-off (<see cref="Reconnect"/>): a batch
/// whose transaction died is stored again from its analysis, and no job counts an attempt for it.
/// </summary>
public sealed class IngestWorker(IngestJobQueue queue, AnalysisPipeline pipeline, DocumentLoader loader)
{
    private readonly IngestJobQueue _queue = queue;
    private readonly PostgresAtlasStore _store = queue.Store;

    /// <summary>How the worker signs its claims: host and process by default.</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Jobs claimed, and stored in one transaction, at a time.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How long a claim holds before another worker may take the job over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Tries before a job that keeps failing for a passing reason, or whose workers keep dying on it, is marked failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Documents analysed at once.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How long to wait when no job is ready.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for a database that went away, and how often to knock.</summary>
    public ReconnectPolicy Reconnect { get; init; } = new();

    /// <summary>Where the worker says that it lost the database and that it is back.</summary>
    public Action<string>? Say { get; init; }

    /// <summary>
    /// Works until cancelled, or with <paramref name="untilDrained"/> until no job is queued or
    /// running (waiting out the leases of jobs other workers hold).
    /// </summary>
    /// <exception cref="StoreException">The database stayed away longer than <see cref="Reconnect"/> allows.</exception>
    public async Task<WorkerProgress> RunAsync(bool untilDrained, IProgress<WorkerProgress>? progress = null, CancellationToken cancel = default)
    {
        var db = new Reconnector(Reconnect, _store.Location, _store.DataSource.Clear, Say, _store.Clock);
        var done = new WorkerProgress();
        while (!cancel.IsCancellationRequested)
        {
            var givenUp = await db.RunAsync(_ => _queue.FailAbandoned(MaxAttempts), cancel).ConfigureAwait(false);
            if (givenUp > 0)
            {
                done = done with { Jobs = done.Jobs + givenUp, Failed = done.Failed + givenUp };
                progress?.Report(done);
            }

            var jobs = await db.RunAsync(
                afterOutage =>
                {
                    if (afterOutage)
                    {
                        // The worker holds no job here: any marked as its own were claimed by a try whose answer was lost.
                        _queue.ReleaseUnheld(Name);
                    }

                    return _queue.Claim(Name, BatchSize, Lease);
                },
                cancel).ConfigureAwait(false);
            if (jobs.Count == 0)
            {
                if (untilDrained && (await db.RunAsync(_ => _queue.Counts(), cancel).ConfigureAwait(false)).Drained)
                {
                    break;
                }

                await Task.Delay(PollInterval, cancel).ConfigureAwait(false);
                continue;
            }

            var analysed = await Task.Run(() => AnalyseAll(jobs, cancel), cancel).ConfigureAwait(false);
            var before = done;
            try
            {
                // Run again after an outage: the rolled-back transaction left nothing behind, and jobs
                // that another worker took over meanwhile (or a commit whose answer was lost) are skipped.
                done = await db.RunAsync(_ => Store(jobs, analysed, before), cancel).ConfigureAwait(false);
            }
            catch (Exception e) when ((e is StoreException or DbException) && !ReconnectPolicy.IsLost(e))
            {
                // The database refused the batch: nothing of it is stored, and its jobs are due again later.
                await db.RunAsync(
                    _ =>
                    {
                        _queue.Retry(jobs, Name, e.Message, MaxAttempts);
                        return jobs.Count;
                    },
                    cancel).ConfigureAwait(false);
                done = before with { Retried = before.Retried + jobs.Count };
            }

            progress?.Report(done);
        }

        return done;
    }

    private ConcurrentDictionary<long, (PreparedDocument? Document, string? Problem)> AnalyseAll(IReadOnlyList<ClaimedJob> jobs, CancellationToken cancel)
    {
        var analysed = new ConcurrentDictionary<long, (PreparedDocument? Document, string? Problem)>();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancel }, job => analysed[job.Id] = Analyse(job));
        return analysed;
    }

    private WorkerProgress Store(IReadOnlyList<ClaimedJob> jobs, ConcurrentDictionary<long, (PreparedDocument? Document, string? Problem)> analysed, WorkerProgress done)
    {
        using var batch = _store.BeginIngestBatch();
        var owned = _queue.LockOwned(batch, Name, jobs.Select(j => j.Id).ToList());
        var finished = new List<(long Id, long? DocumentId, string Outcome, string? Error)>();
        var toStore = new List<(ClaimedJob Job, PreparedDocument Document)>();
        foreach (var job in jobs.Where(j => owned.Contains(j.Id)))
        {
            var (document, problem) = analysed[job.Id];
            if (document is null)
            {
                finished.Add((job.Id, null, "failed", problem ?? "could not be read"));
                done = done with { Jobs = done.Jobs + 1, Failed = done.Failed + 1 };
            }
            else
            {
                toStore.Add((job, document));
            }
        }

        var outcomes = batch.IngestAll([.. toStore.Select(s => s.Document)], pipeline);
        for (var i = 0; i < toStore.Count; i++)
        {
            finished.Add((toStore[i].Job.Id, outcomes[i].DocumentId, outcomes[i].Status.ToString(), null));
            var stored = outcomes[i].Status is IngestStatus.Added or IngestStatus.AddedNearDuplicate;
            done = done with { Jobs = done.Jobs + 1, Stored = done.Stored + (stored ? 1 : 0), Duplicates = done.Duplicates + (stored ? 0 : 1) };
        }

        _queue.FinishAll(batch, finished);
        batch.Commit();
        return done;
    }

    private (PreparedDocument?, string?) Analyse(ClaimedJob job)
    {
        try
        {
            using var stream = new MemoryStream(job.Content, writable: false);
            var loaded = loader.Load(stream, job.Source);
            return loaded.Document is { } source
                ? (KnownTexts.Prepare(pipeline, _store, source, ReconnectPolicy.IsLost), null)
                : (null, loaded.Error?.Message ?? $"{job.Source} could not be read");
        }
        catch (AnalysisBudgetExceededException e)
        {
            return (null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect met on one document must not stop the worker; the job records it.
            return (null, $"{job.Source}: analysis failed ({e.GetType().Name}: {e.Message})");
        }
    }
}
