using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Storage.Postgres.Jobs;

/// <summary>What queueing did: files queued, files already queued before, and inputs that could not be read.</summary>
public sealed record QueueSummary(int Queued, int AlreadyQueued, IReadOnlyList<IngestProblem> Failed);

/// <summary>Jobs by state.</summary>
public readonly record struct JobCounts(long Queued, long Running, long Done, long Failed)
{
    /// <summary>Nothing left to do: no job queued or running.</summary>
    public bool Drained => Queued == 0 && Running == 0;
}

/// <summary>A job a worker holds under a lease: the file as it was queued.</summary>
internal sealed record ClaimedJob(long Id, string Source, byte[] Content, int Attempts);

/// <summary>
/// The ingest job table of a PostgreSQL store (<c>atlas queue</c>, <c>atlas worker</c>). Claims use
/// <c>FOR UPDATE SKIP LOCKED</c>, so workers never wait for each other or take the same job; a job
/// whose lease has passed (its worker died) is claimable again, alone, and failed after a set number
/// of claims (a poison job); failures are retried with exponential back-off up to a limit, then
/// marked failed with the reason.
/// </summary>
public sealed class IngestJobQueue(PostgresAtlasStore store)
{
    /// <summary>The store whose server holds the queue, where a worker stores what it ingests.</summary>
    internal PostgresAtlasStore Store => store;

    /// <summary>The database as messages name it, without its password.</summary>
    public string Location => store.Location;

    /// <summary>Reads each input and queues it; an input queued before with the same content is not queued twice.</summary>
    public QueueSummary Enqueue(IEnumerable<IngestInput> inputs, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int queued = 0, already = 0;
        var failed = new List<IngestProblem>();
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            """
            INSERT INTO ingest_jobs (source, content, content_sha256, not_before, queued_at)
            VALUES (@source, @content, @sha, @now, @now)
            ON CONFLICT (source, content_sha256) DO NOTHING
            """,
            connection);
        foreach (var input in inputs)
        {
            cancel.ThrowIfCancellationRequested();
            if (Read(input) is { Problem: { } problem })
            {
                failed.Add(new IngestProblem(input.Path, problem));
                continue;
            }

            byte[] content;
            try
            {
                if (DocumentLoader.ReadCapped(input.Path, DocumentLoader.DefaultMaxBytes) is not { } read)
                {
                    failed.Add(new IngestProblem(input.Path, string.Create(CultureInfo.InvariantCulture, $"{input.Path} is over the {DocumentLoader.DefaultMaxBytes / (1024 * 1024)} MB limit")));
                    continue;
                }

                content = read;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add(new IngestProblem(input.Path, $"{input.Path} cannot be read: {e.Message}"));
                continue;
            }

            command.Parameters.Clear();
            command.Parameters.AddWithValue("source", input.Path);
            command.Parameters.AddWithValue("content", content);
            command.Parameters.AddWithValue("sha", Convert.ToHexStringLower(SHA256.HashData(content)));
            command.Parameters.AddWithValue("now", Now());
            if (command.ExecuteNonQuery() == 1)
            {
                queued++;
            }
            else
            {
                already++;
            }
        }

        return new QueueSummary(queued, already, failed);
    }

    public JobCounts Counts()
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = 'running'),
                   count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed')
            FROM ingest_jobs
            """,
            connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new JobCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The failed jobs with their reasons, oldest first.</summary>
    public IReadOnlyList<IngestProblem> Failures(int limit = 100)
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT source, coalesce(error, '') FROM ingest_jobs WHERE state = 'failed' ORDER BY id LIMIT @limit", connection);
        command.Parameters.AddWithValue("limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<IngestProblem>();
        while (reader.Read())
        {
            list.Add(new IngestProblem(reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }

    /// <summary>
    /// Marks failed, with the reason, each job whose lease passed after <paramref name="maxAttempts"/>
    /// claims: every worker that took it died or hung (a poison job). Returns how many.
    /// </summary>
    internal int FailAbandoned(int maxAttempts)
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            """
            UPDATE ingest_jobs SET state = 'failed', finished_at = @now, lease_until = NULL, outcome = 'failed',
                error = 'gave up after ' || attempts || ' attempts: each worker that took this job stopped before finishing it (last: ' || coalesce(worker, '?') || ')'
                    || coalesce('; earlier: ' || error, '')
            WHERE state = 'running' AND lease_until < @now AND attempts >= @max
            """,
            connection);
        command.Parameters.AddWithValue("now", Now());
        command.Parameters.AddWithValue("max", maxAttempts);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Takes ready jobs for <paramref name="worker"/>. A job whose lease passed was held by a worker
    /// that died (or hung), perhaps on the job itself: it is claimed alone, so a poison job's next
    /// death counts against it and not against a batch of innocent neighbours (see <see cref="FailAbandoned"/>).
    /// Otherwise up to <paramref name="count"/> queued jobs that are due.
    /// </summary>
    internal IReadOnlyList<ClaimedJob> Claim(string worker, int count, TimeSpan lease)
    {
        using var connection = store.DataSource.OpenConnection();
        var now = Now();
        using var command = new NpgsqlCommand(
            """
            WITH abandoned AS (
                SELECT id FROM ingest_jobs WHERE state = 'running' AND lease_until < @now
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED),
            due AS (
                SELECT id FROM ingest_jobs WHERE state = 'queued' AND not_before <= @now AND NOT EXISTS (SELECT 1 FROM abandoned)
                ORDER BY id LIMIT @count FOR UPDATE SKIP LOCKED)
            UPDATE ingest_jobs j SET state = 'running', worker = @worker, lease_until = @leaseUntil, attempts = j.attempts + 1
            WHERE j.id IN (SELECT id FROM abandoned UNION ALL SELECT id FROM due)
            RETURNING j.id, j.source, j.content, j.attempts
            """,
            connection);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("leaseUntil", now + lease);
        command.Parameters.AddWithValue("count", count);
        using var reader = command.ExecuteReader();
        var jobs = new List<ClaimedJob>();
        while (reader.Read())
        {
            jobs.Add(new ClaimedJob(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetInt32(3)));
        }

        return jobs.OrderBy(j => j.Id).ToList();
    }

    /// <summary>
    /// Gives back to the queue, without counting the attempt, every job marked as held by
    /// <paramref name="worker"/>, which holds none at this point: a claim the server committed while
    /// its answer was lost with the connection. Returns how many.
    /// </summary>
    internal int ReleaseUnheld(string worker)
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            "UPDATE ingest_jobs SET state = 'queued', lease_until = NULL, attempts = greatest(attempts - 1, 0) WHERE worker = @worker AND state = 'running'",
            connection);
        command.Parameters.AddWithValue("worker", worker);
        return command.ExecuteNonQuery();
    }

    /// <summary>Locks the jobs of <paramref name="ids"/> that <paramref name="worker"/> still holds, inside the batch's transaction.</summary>
    internal HashSet<long> LockOwned(Ingest.PostgresIngestBatch batch, string worker, IReadOnlyCollection<long> ids)
    {
        using var command = new NpgsqlCommand(
            "SELECT id FROM ingest_jobs WHERE id = ANY(@ids) AND worker = @worker AND state = 'running' FOR UPDATE",
            batch.Transaction.Connection!, // a batch's transaction always has its connection
            batch.Transaction);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("worker", worker);
        using var reader = command.ExecuteReader();
        var owned = new HashSet<long>();
        while (reader.Read())
        {
            owned.Add(reader.GetInt64(0));
        }

        return owned;
    }

    /// <summary>Marks jobs finished in one statement inside the batch's transaction: each done with its document, or failed for good with its error.</summary>
    internal void FinishAll(Ingest.PostgresIngestBatch batch, IReadOnlyList<(long Id, long? DocumentId, string Outcome, string? Error)> jobs)
    {
        using var command = new NpgsqlCommand(
            """
            UPDATE ingest_jobs j SET state = CASE WHEN f.error IS NULL THEN 'done' ELSE 'failed' END, document_id = f.document_id,
                outcome = f.outcome, error = f.error, finished_at = $5, lease_until = NULL
            FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS f (id, document_id, outcome, error)
            WHERE j.id = f.id
            """,
            batch.Transaction.Connection!, // a batch's transaction always has its connection
            batch.Transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.DocumentId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Outcome).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Error).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = Now() });
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Gives jobs back after a failure that may pass (the database refused the batch): each is due
    /// again after 2^attempts seconds (at most 5 minutes, with jitter), or failed after <paramref name="maxAttempts"/>.
    /// </summary>
    internal void Retry(IEnumerable<ClaimedJob> jobs, string worker, string error, int maxAttempts)
    {
        using var connection = store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            """
            UPDATE ingest_jobs SET state = CASE WHEN attempts >= @max THEN 'failed' ELSE 'queued' END,
                not_before = @notBefore, error = @error, lease_until = NULL
            WHERE id = @id AND worker = @worker AND state = 'running'
            """,
            connection);
        foreach (var job in jobs)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, job.Attempts)) * (0.75 + (Random.Shared.NextDouble() / 2)));
            command.Parameters.Clear();
            command.Parameters.AddWithValue("max", maxAttempts);
            command.Parameters.AddWithValue("notBefore", Now() + delay);
            command.Parameters.AddWithValue("error", string.Create(CultureInfo.InvariantCulture, $"attempt {job.Attempts}: {error}"));
            command.Parameters.AddWithValue("id", job.Id);
            command.Parameters.AddWithValue("worker", worker);
            command.ExecuteNonQuery();
        }
    }

    private static IngestInput Read(IngestInput input)
    {
        if (input.Problem is not null)
        {
            return input;
        }

        if (input.IsStandardInput)
        {
            return input with { Problem = "standard input cannot be queued; save it to a file first" };
        }

        if (DocumentLoader.FormatOf(input.Path) is null)
        {
            return input with { Problem = $"{input.Path}: {Path.GetExtension(input.Path)} files are not read (only {DocumentLoader.ReadableExtensions})" };
        }

        var info = new FileInfo(input.Path);
        if (!info.Exists)
        {
            return input with { Problem = $"{input.Path} does not exist" };
        }

        return info.Length > DocumentLoader.DefaultMaxBytes
            ? input with { Problem = string.Create(CultureInfo.InvariantCulture, $"{input.Path} is {info.Length / (1024 * 1024)} MB, over the {DocumentLoader.DefaultMaxBytes / (1024 * 1024)} MB limit") }
            : input;
    }

    private DateTimeOffset Now() => store.Clock.GetUtcNow();
}
