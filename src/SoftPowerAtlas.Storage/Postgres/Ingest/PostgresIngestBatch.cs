using System.Data;
using System.Diagnostics;
using Npgsql;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Resolution;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Postgres.Ingest;

/// <summary>
/// An ingest transaction on PostgreSQL. A whole list (<see cref="IngestAll"/>, what ingest and the
/// workers call) is stored in five round trips, whatever its size: (1) the locks, the duplicate
/// check and the near-duplicate candidates; (2) ids from the sequences; (3) the documents; (4) every
/// other row, one statement per table; (5) the commit. Only steps 1-3 hold the exclusive claim lock,
/// so writers queue for the duplicate check and the ids, not for the analysis or the bulk write. A
/// text another writer stores meanwhile is caught by the content hash's unique index, which makes
/// the second insert wait for the first writer and then skip it: the text becomes a duplicate here.
/// The batch also holds the ingest lock shared, so a curation edit (which takes it alone) never
/// lands between its replay of the edits in force and its commit. One document at a time
/// (<see cref="Add"/> and the rest, used by collection and uploads) takes the ingest lock alone and
/// writes row by row, as before.
/// </summary>
internal sealed partial class PostgresIngestBatch : IIngestBatch, IBulkIngest
{
    /// <summary>Key of the session lock held from the duplicate check until the batch's documents are inserted.</summary>
    internal const long ClaimLock = 0x534F46_5441_434C; // "SOFTACL"

    private const string Candidates = """
        SELECT DISTINCT d.id, d.source, d.sim_hash
        FROM unnest($1::smallint[], $2::integer[]) AS q (band, value)
        JOIN document_bands b ON b.band = q.band AND b.value = q.value
        JOIN documents d ON d.id = b.document_id
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PostgresDialect _dialect;
    private readonly SearchText _searchText;
    private readonly TimeProvider _clock;
    private IngestBatch? _rows;
    private bool _claimHeld;
    private bool _finished;

    public PostgresIngestBatch(NpgsqlConnection connection, PostgresDialect dialect, SearchText searchText, TimeProvider clock)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        _dialect = dialect;
        _searchText = searchText;
        _clock = clock;
    }

    /// <summary>The batch's transaction, for work that must commit with its documents (a job marked done).</summary>
    internal NpgsqlTransaction Transaction => _transaction;

    /// <summary>How long the last <see cref="IngestAll"/> held (or waited for) the claim lock; null before one ran.</summary>
    internal TimeSpan? LockHeld => Timings?.Locked;

    /// <summary>Where the last <see cref="IngestAll"/> spent its time, for the benchmark; null before one ran.</summary>
    internal BulkTimings? Timings { get; private set; }

    public DocumentMatch? FindExact(string contentHash) => Rows().FindExact(contentHash);

    public DocumentMatch? FindNear(ulong simHash) => Rows().FindNear(simHash);

    public long Add(NewDocument document) => Rows().Add(document);

    public bool AddSource(long documentId, string source) => Rows().AddSource(documentId, source);

    public IReadOnlyList<IngestOutcome> IngestAll(IReadOnlyList<BulkInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (inputs.Count == 0)
        {
            return [];
        }

        // Packing, fact rows, keys and search vectors cost CPU, not the lock: done first, on every core.
        var watch = Stopwatch.StartNew();
        var packed = inputs.AsParallel().AsOrdered().Select(i => i.Document is { } d ? new PackedDocument(d, _searchText) : null).ToList();
        var timings = new BulkTimings { Documents = inputs.Count, Pack = watch.Elapsed };
        try
        {
            watch.Restart();
            var (plan, existing, curated) = Claim(inputs, packed);
            timings = timings with { Claim = watch.Elapsed };
            var (documentIds, entityIds, engagementIds) = TakeIds(plan, existing);
            var rows = plan.New.Select((n, i) => new StoredRow(n.Packed, documentIds[i], null, n.At)).ToList();
            rows = [.. rows.Select((r, i) => r with { NearDuplicateOf = plan.New[i].NearStored?.DocumentId ?? (plan.New[i].NearIndex is { } j ? rows[j].Id : null) })];
            timings = timings with { Ids = watch.Elapsed - timings.Claim };
            var skipped = InsertDocuments(rows);
            timings = timings with { Locked = watch.Elapsed, Insert = watch.Elapsed - timings.Claim - timings.Ids };
            watch.Restart();
            var taken = skipped.Count == 0 ? new Dictionary<string, DocumentMatch>(StringComparer.Ordinal) : Stored(skipped);
            var kept = rows.Where(r => !taken.ContainsKey(r.Packed.Document.ContentHash)).ToList();
            var outcomes = WriteRest(plan, rows, kept, taken, entityIds, engagementIds);
            timings = timings with { Rest = watch.Elapsed };
            watch.Restart();
            var sql = new CurationSql(_transaction, _dialect);
            if (curated)
            {
                var replay = new CurationReplay(sql);
                foreach (var row in kept)
                {
                    replay.ApplyInForce(row.Id, row.Packed.Document.ContentHash);
                }
            }

            using (var resolver = new EngagementResolver(sql))
            {
                foreach (var row in kept)
                {
                    resolver.Resolve(row.Id);
                }
            }

            Timings = timings with { Replay = watch.Elapsed };
            return outcomes;
        }
        catch (NpgsqlException e)
        {
            throw _dialect.ToStoreException(e);
        }
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _transaction.Commit();
        }
        catch (NpgsqlException e)
        {
            throw _dialect.ToStoreException(e);
        }

        _finished = true;
    }

    /// <summary>Rolls back unless committed, gives the claim lock back if a failure left it held, and returns the connection to the pool.</summary>
    public void Dispose()
    {
        if (_claimHeld && !_finished && _connection.State == ConnectionState.Open)
        {
            // A failure between the duplicate check and the documents' insert: end the transaction, then
            // give the session lock back before the connection goes back to the pool.
            try
            {
                _transaction.Rollback();
                using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = ClaimLock } } };
                unlock.ExecuteNonQuery();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The session is broken: the server released its locks when it ended.
            }
        }

        if (_rows is not null)
        {
            _rows.Dispose(); // disposes the transaction and the connection
        }
        else
        {
            _transaction.Dispose();
            _connection.Dispose();
        }

        _finished = true;
    }

    /// <summary>Round trip 1: the locks, the stored texts and near candidates, the known entities, whether edits are in force; then the plan.</summary>
    private (BulkPlan Plan, Dictionary<string, long> Entities, bool Curated) Claim(IReadOnlyList<BulkInput> inputs, List<PackedDocument?> packed)
    {
        var hashes = inputs.Select(i => i.ContentHash).Distinct(StringComparer.Ordinal).ToArray();
        var bands = Bands(packed.OfType<PackedDocument>());
        var keys = packed.OfType<PackedDocument>().SelectMany(p => p.Entities.Select(e => e.Key)).Distinct(StringComparer.Ordinal).ToArray();
        using var batch = new NpgsqlBatch(_connection, _transaction)
        {
            BatchCommands =
            {
                BulkStatements.Command("SELECT pg_advisory_xact_lock_shared($1)", PostgresAtlasStore.IngestLock),
                BulkStatements.Command("SELECT pg_advisory_lock($1)", ClaimLock),
                BulkStatements.Command("SELECT id, source, sim_hash, content_hash FROM documents WHERE content_hash = ANY($1)", (object)hashes),
                BulkStatements.Command(Candidates, bands.Band, bands.Value),
                BulkStatements.Command("SELECT key, id FROM entities WHERE key = ANY($1)", (object)keys),
                new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM curation_events WHERE undone_by IS NULL AND kind IN ('fact.set', 'entity.merge', 'entity.split', 'alias.add'))"),
            },
        };
        _claimHeld = true;
        var stored = new Dictionary<string, DocumentMatch>(StringComparer.Ordinal);
        var candidates = new List<DocumentMatch>();
        var entities = new Dictionary<string, long>(StringComparer.Ordinal);
        bool curated;
        using (var reader = batch.ExecuteReader())
        {
            reader.NextResult(); // the shared lock
            reader.NextResult(); // the claim lock
            while (reader.Read())
            {
                stored[reader.GetString(3)] = Match(reader);
            }

            reader.NextResult();
            while (reader.Read())
            {
                candidates.Add(Match(reader));
            }

            reader.NextResult();
            while (reader.Read())
            {
                entities[reader.GetString(0)] = reader.GetInt64(1);
            }

            reader.NextResult();
            reader.Read();
            curated = reader.GetBoolean(0);
        }

        var plan = new BulkPlan(stored, candidates);
        for (var i = 0; i < inputs.Count; i++)
        {
            var at = (DateTimeOffset)_dialect.Timestamp(_clock.GetUtcNow());
            if (plan.TryDuplicate(inputs[i].Source, inputs[i].ContentHash, at))
            {
                continue;
            }

            // A text found stored before analysis but gone now (deleted in between): analysed after all.
            var late = packed[i] ?? new PackedDocument(inputs[i].Analyse!(), _searchText);
            if (packed[i] is null)
            {
                if (plan.TryDuplicate(inputs[i].Source, late.Document.ContentHash, at))
                {
                    continue;
                }

                plan.AddCandidates(Query(Candidates, Bands([late]).Band, Bands([late]).Value));
            }

            plan.AddNew(late, at);
        }

        return (plan, entities, curated);
    }

    /// <summary>Round trip 2: ids for the new documents, the entities not stored yet (in order of first write), and the engagements.</summary>
    private (List<long> Documents, Dictionary<string, long> Entities, List<long> Engagements) TakeIds(BulkPlan plan, Dictionary<string, long> existing)
    {
        var fresh = plan.New.SelectMany(n => n.Packed.Entities.Select(e => e.Key)).Where(k => !existing.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        var engagements = plan.New.Sum(n => n.Packed.Engagements.Count);
        const string Next = "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)";
        using var batch = new NpgsqlBatch(_connection, _transaction)
        {
            BatchCommands =
            {
                BulkStatements.Command(Next, "documents", plan.New.Count),
                BulkStatements.Command(Next, "entities", fresh.Count),
                BulkStatements.Command(Next, "engagements", engagements),
            },
        };
        var ids = new List<List<long>>();
        using (var reader = batch.ExecuteReader())
        {
            do
            {
                var list = new List<long>();
                while (reader.Read())
                {
                    list.Add(reader.GetInt64(0));
                }

                list.Sort();
                ids.Add(list);
            }
            while (reader.NextResult());
        }

        var entityIds = fresh.Select((key, i) => (key, ids[1][i])).ToDictionary(p => p.key, p => p.Item2, StringComparer.Ordinal);
        return (ids[0], entityIds, ids[2]);
    }

    /// <summary>Round trip 3: the documents, then the claim lock given back; returns the content hashes another writer stored first.</summary>
    private HashSet<string> InsertDocuments(List<StoredRow> rows)
    {
        using var batch = new NpgsqlBatch(_connection, _transaction)
        {
            BatchCommands =
            {
                BulkStatements.SearchRowsWritten(true), // until the facets are written, at the end of round trip 4
                BulkStatements.Documents(rows),
                BulkStatements.Command("SELECT pg_advisory_unlock($1)", ClaimLock),
            },
        };
        var skipped = new HashSet<string>(rows.Select(r => r.Packed.Document.ContentHash), StringComparer.Ordinal);
        using (var reader = batch.ExecuteReader())
        {
            reader.NextResult(); // set_config
            while (reader.Read())
            {
                skipped.Remove(reader.GetString(0));
            }
        }

        _claimHeld = false;
        return skipped;
    }

    private Dictionary<string, DocumentMatch> Stored(IEnumerable<string> hashes)
    {
        using var command = new NpgsqlCommand("SELECT id, source, sim_hash, content_hash FROM documents WHERE content_hash = ANY($1)", _connection, _transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = hashes.ToArray() });
        using var reader = command.ExecuteReader();
        var found = new Dictionary<string, DocumentMatch>(StringComparer.Ordinal);
        while (reader.Read())
        {
            found[reader.GetString(3)] = Match(reader);
        }

        return found;
    }

    private List<DocumentMatch> Query(string sql, params object[] arrays)
    {
        using var batch = new NpgsqlBatch(_connection, _transaction) { BatchCommands = { BulkStatements.Command(sql, arrays) } };
        using var reader = batch.ExecuteReader();
        var found = new List<DocumentMatch>();
        while (reader.Read())
        {
            found.Add(Match(reader));
        }

        return found;
    }

    private static DocumentMatch Match(NpgsqlDataReader reader) => new(reader.GetInt64(0), reader.GetString(1), SimHashBands.FromStored(reader.GetInt64(2)), 0);

    private static (short[] Band, int[] Value) Bands(IEnumerable<PackedDocument> documents)
    {
        var pairs = documents.SelectMany(p => Enumerable.Range(0, SimHashBands.Count).Select(b => ((short)b, SimHashBands.Value(p.Document.SimHash, b)))).Distinct().ToList();
        return ([.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]);
    }

    /// <summary>The row-by-row writer, under the ingest lock held alone (as every batch held it before the bulk path).</summary>
    private IngestBatch Rows()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_rows is null)
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", _connection, _transaction) { Parameters = { new() { Value = PostgresAtlasStore.IngestLock } } };
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException e)
            {
                throw _dialect.ToStoreException(e);
            }

            _rows = new IngestBatch(_transaction, _dialect, _searchText, _clock);
        }

        return _rows;
    }
}
