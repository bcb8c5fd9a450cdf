using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Resolution;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// One ingest transaction on its own connection, for either engine. The store hands it a
/// transaction that already holds the right to write (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
/// ingest advisory lock), so a duplicate check and the insert that follows cannot race another writer.
/// </summary>
internal sealed class IngestBatch : IIngestBatch
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StoreDialect _dialect;
    private readonly SearchText _searchText;
    private readonly TimeProvider _clock;
    private readonly DbCommand _insertDocument;
    private readonly DbCommand _insertBands;
    private readonly DbCommand _insertSource;
    private readonly DbCommand _insertFile;
    private readonly FactsWriter _facts;
    private readonly CurationSql _sql;
    private readonly EngagementResolver _resolver;
    private readonly CurationReplay _curation;
    private bool _finished;

    public IngestBatch(DbTransaction transaction, StoreDialect dialect, SearchText searchText, TimeProvider clock)
    {
        _transaction = transaction;
        _connection = transaction.Connection ?? throw new ArgumentException("the transaction has no connection", nameof(transaction));
        _dialect = dialect;
        _searchText = searchText;
        _clock = clock;
        _insertDocument = Prepare("""
            INSERT INTO documents (source, format, title, source_url, byline, published_as_written, published,
                language, encoding, original_text, original_packed, clean_text, clean_packed, segmented_text,
                content_hash, sim_hash, near_duplicate_of, ingested_at, facts_packed, search_title)
            VALUES (@source, @format, @title, @sourceUrl, @byline, @publishedAsWritten, @published,
                @language, @encoding, '', @originalPacked, '', @cleanPacked, @segmentedText,
                @contentHash, @simHash, @nearDuplicateOf, @ingestedAt, @factsPacked, @searchTitle)
            RETURNING id
            """);
        _insertBands = Prepare("""
            INSERT INTO document_bands (document_id, band, value)
            VALUES (@id, 0, @b0), (@id, 1, @b1), (@id, 2, @b2), (@id, 3, @b3)
            """);
        _insertSource = Prepare("""
            INSERT INTO document_sources (document_id, source, added_at) VALUES (@id, @source, @addedAt)
            ON CONFLICT (source, document_id) DO NOTHING
            """);
        _insertFile = Prepare(Files.DocumentFiles.Insert);
        _facts = new FactsWriter(Prepare);
        _sql = new CurationSql(transaction, dialect);
        _curation = new CurationReplay(_sql);
        _resolver = new EngagementResolver(_sql);
    }

    /// <summary>The batch's transaction, for work that must commit with its documents (a job marked done).</summary>
    internal DbTransaction Transaction => _transaction;

    public DocumentMatch? FindExact(string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        return Run(() =>
        {
            using var command = Prepare("SELECT id, source, sim_hash FROM documents WHERE content_hash = @hash");
            command.Bind(("@hash", contentHash));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new DocumentMatch(reader.GetInt64(0), reader.GetString(1), SimHashBands.FromStored(reader.GetInt64(2)), 0)
                : null;
        });
    }

    public DocumentMatch? FindNear(ulong simHash) => Run(() =>
    {
        // Candidates share at least one band exactly (an index seek each); the distance decides.
        using var command = Prepare("""
            SELECT d.id, d.source, d.sim_hash FROM documents d
            WHERE d.id IN (
                SELECT document_id FROM document_bands WHERE band = 0 AND value = @b0
                UNION SELECT document_id FROM document_bands WHERE band = 1 AND value = @b1
                UNION SELECT document_id FROM document_bands WHERE band = 2 AND value = @b2
                UNION SELECT document_id FROM document_bands WHERE band = 3 AND value = @b3)
            ORDER BY d.id
            """);
        command.Bind(Bands(simHash));
        DocumentMatch? best = null;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var candidate = SimHashBands.FromStored(reader.GetInt64(2));
            var distance = Fingerprint.Distance(simHash, candidate);
            if (distance <= Fingerprint.NearDuplicateMaxDistance && (best is null || distance < best.Distance))
            {
                best = new DocumentMatch(reader.GetInt64(0), reader.GetString(1), candidate, distance);
            }
        }

        return best;
    });

    public long Add(NewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Run(() =>
        {
            var now = _dialect.Timestamp(_clock.GetUtcNow());
            _insertDocument.Bind(
                ("@source", document.Source),
                ("@format", document.Format),
                ("@title", document.Title),
                ("@sourceUrl", document.SourceUrl),
                ("@byline", document.Byline),
                ("@publishedAsWritten", document.PublishedAsWritten),
                ("@published", document.Published),
                ("@language", document.Language),
                ("@encoding", document.Encoding),
                ("@originalPacked", PackedText.Pack(document.OriginalText)),
                ("@cleanPacked", PackedText.Pack(document.CleanText)),
                ("@segmentedText", document.SegmentedText),
                ("@contentHash", document.ContentHash),
                ("@simHash", SimHashBands.ToStored(document.SimHash)),
                ("@nearDuplicateOf", document.NearDuplicateOf),
                ("@ingestedAt", now),
                ("@factsPacked", document.Facts is { } written ? PackedText.Pack(FactsJson.WriteCompact(written)) : null),
                ("@searchTitle", _searchText.Segmented(document.Title)));
            long id;
            try
            {
                id = Convert.ToInt64(_insertDocument.ExecuteScalar(), CultureInfo.InvariantCulture); // RETURNING id always yields the new id.
            }
            catch (DbException e) when (_dialect.Conflict(e) == WriteConflict.Unique)
            {
                throw new StoreException(_dialect.Location, $"a document with content hash {document.ContentHash} is already stored; look it up with FindExact first", e);
            }
            catch (DbException e) when (_dialect.Conflict(e) == WriteConflict.ForeignKey)
            {
                throw new StoreException(_dialect.Location, $"near duplicate target {document.NearDuplicateOf} is not a stored document", e);
            }

            _insertBands.Bind([("@id", id), .. Bands(document.SimHash)]);
            _insertBands.ExecuteNonQuery();

            InsertSource(id, document.Source, now);
            if (document.File is { } file)
            {
                Files.DocumentFiles.Write(_insertFile, id, file);
            }

            if (document.Facts is { } facts)
            {
                _facts.Write(id, facts);
                _curation.AfterFactsWritten(id, document.ContentHash); // names the facts and applies the curation in force
                _resolver.Resolve(id);
            }

            return id;
        });
    }

    public bool AddSource(long documentId, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return Run(() =>
        {
            try
            {
                return InsertSource(documentId, source, _dialect.Timestamp(_clock.GetUtcNow()));
            }
            catch (DbException e) when (_dialect.Conflict(e) == WriteConflict.ForeignKey)
            {
                throw new StoreException(_dialect.Location, $"document {documentId} is not stored", e);
            }
        });
    }

    public void Commit()
    {
        Run(() =>
        {
            _transaction.Commit();
            return true;
        });
        _finished = true;
    }

    /// <summary>Rolls back unless committed, and returns the connection to the pool.</summary>
    public void Dispose()
    {
        _insertDocument.Dispose();
        _insertBands.Dispose();
        _insertSource.Dispose();
        _insertFile.Dispose();
        _facts.Dispose();
        _resolver.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        _finished = true;
    }

    private bool InsertSource(long documentId, string source, object addedAt)
    {
        _insertSource.Bind(("@id", documentId), ("@source", source), ("@addedAt", addedAt));
        return _insertSource.ExecuteNonQuery() == 1;
    }

    private static (string, object?)[] Bands(ulong simHash) =>
    [
        ("@b0", SimHashBands.Value(simHash, 0)),
        ("@b1", SimHashBands.Value(simHash, 1)),
        ("@b2", SimHashBands.Value(simHash, 2)),
        ("@b3", SimHashBands.Value(simHash, 3)),
    ];


    private DbCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private T Run<T>(Func<T> action)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw _dialect.ToStoreException(e);
        }
    }
}
