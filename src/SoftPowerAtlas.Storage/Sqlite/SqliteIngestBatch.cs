using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>
/// One ingest transaction on its own connection. It begins IMMEDIATE, taking the file's write lock
/// up front, so a duplicate check and the insert that follows cannot race another writer.
/// </summary>
internal sealed class SqliteIngestBatch : IIngestBatch
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _location;
    private readonly TimeProvider _clock;
    private readonly SqliteCommand _insertDocument;
    private readonly SqliteCommand _insertBands;
    private readonly SqliteCommand _insertSource;
    private readonly SqliteFactsWriter _facts;
    private bool _finished;

    public SqliteIngestBatch(SqliteConnection connection, string location, TimeProvider clock)
    {
        _connection = connection;
        _location = location;
        _clock = clock;
        _transaction = connection.BeginTransaction(deferred: false);
        _insertDocument = Prepare("""
            INSERT INTO documents (source, format, title, source_url, byline, published_as_written, published,
                language, encoding, original_text, clean_text, segmented_text, content_hash, sim_hash,
                near_duplicate_of, ingested_at, facts_json, search_title)
            VALUES ($source, $format, $title, $sourceUrl, $byline, $publishedAsWritten, $published,
                $language, $encoding, $originalText, $cleanText, $segmentedText, $contentHash, $simHash,
                $nearDuplicateOf, $ingestedAt, $factsJson, $searchTitle)
            RETURNING id
            """);
        _insertBands = Prepare("""
            INSERT INTO document_bands (document_id, band, value)
            VALUES ($id, 0, $b0), ($id, 1, $b1), ($id, 2, $b2), ($id, 3, $b3)
            """);
        _insertSource = Prepare("""
            INSERT INTO document_sources (document_id, source, added_at) VALUES ($id, $source, $addedAt)
            ON CONFLICT (source, document_id) DO NOTHING
            """);
        _facts = new SqliteFactsWriter(Prepare);
    }

    public DocumentMatch? FindExact(string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        return Run(() =>
        {
            using var command = Prepare("SELECT id, source, sim_hash FROM documents WHERE content_hash = $hash");
            command.Parameters.AddWithValue("$hash", contentHash);
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
                SELECT document_id FROM document_bands WHERE band = 0 AND value = $b0
                UNION SELECT document_id FROM document_bands WHERE band = 1 AND value = $b1
                UNION SELECT document_id FROM document_bands WHERE band = 2 AND value = $b2
                UNION SELECT document_id FROM document_bands WHERE band = 3 AND value = $b3)
            ORDER BY d.id
            """);
        AddBands(command, simHash);
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
            var now = SqliteValues.FormatTimestamp(_clock.GetUtcNow());
            var p = _insertDocument.Parameters;
            p.Clear();
            p.AddWithValue("$source", document.Source);
            p.AddWithValue("$format", document.Format);
            p.AddWithValue("$title", SqliteValues.OrNull(document.Title));
            p.AddWithValue("$sourceUrl", SqliteValues.OrNull(document.SourceUrl));
            p.AddWithValue("$byline", SqliteValues.OrNull(document.Byline));
            p.AddWithValue("$publishedAsWritten", SqliteValues.OrNull(document.PublishedAsWritten));
            p.AddWithValue("$published", SqliteValues.OrNull(document.Published));
            p.AddWithValue("$language", document.Language);
            p.AddWithValue("$encoding", document.Encoding);
            p.AddWithValue("$originalText", document.OriginalText);
            p.AddWithValue("$cleanText", document.CleanText);
            p.AddWithValue("$segmentedText", document.SegmentedText);
            p.AddWithValue("$contentHash", document.ContentHash);
            p.AddWithValue("$simHash", SimHashBands.ToStored(document.SimHash));
            p.AddWithValue("$nearDuplicateOf", SqliteValues.OrNull(document.NearDuplicateOf));
            p.AddWithValue("$ingestedAt", now);
            p.AddWithValue("$factsJson", SqliteValues.OrNull(document.FactsJson));
            p.AddWithValue("$searchTitle", SqliteValues.OrNull(SearchText.Segmented(document.Title)));
            long id;
            try
            {
                id = (long)_insertDocument.ExecuteScalar()!; // RETURNING id always yields the new rowid.
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE)
            {
                throw new StoreException(_location, $"a document with content hash {document.ContentHash} is already stored; look it up with FindExact first", e);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_FOREIGNKEY)
            {
                throw new StoreException(_location, $"near duplicate target {document.NearDuplicateOf} is not a stored document", e);
            }

            _insertBands.Parameters.Clear();
            _insertBands.Parameters.AddWithValue("$id", id);
            AddBands(_insertBands, document.SimHash);
            _insertBands.ExecuteNonQuery();

            InsertSource(id, document.Source, now);
            if (document.FactsJson is { } facts)
            {
                _facts.Write(id, facts);
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
                return InsertSource(documentId, source, SqliteValues.FormatTimestamp(_clock.GetUtcNow()));
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_FOREIGNKEY)
            {
                throw new StoreException(_location, $"document {documentId} is not stored", e);
            }
        });
    }

    public void Commit()
    {
        EnsureOpen();
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
        _facts.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        _finished = true;
    }

    private bool InsertSource(long documentId, string source, string addedAt)
    {
        _insertSource.Parameters.Clear();
        _insertSource.Parameters.AddWithValue("$id", documentId);
        _insertSource.Parameters.AddWithValue("$source", source);
        _insertSource.Parameters.AddWithValue("$addedAt", addedAt);
        return _insertSource.ExecuteNonQuery() == 1;
    }

    private static void AddBands(SqliteCommand command, ulong simHash)
    {
        command.Parameters.AddWithValue("$b0", SimHashBands.Value(simHash, 0));
        command.Parameters.AddWithValue("$b1", SimHashBands.Value(simHash, 1));
        command.Parameters.AddWithValue("$b2", SimHashBands.Value(simHash, 2));
        command.Parameters.AddWithValue("$b3", SimHashBands.Value(simHash, 3));
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private T Run<T>(Func<T> action)
    {
        EnsureOpen();
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(_location);
        }
    }

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_finished, this);
}
