using System.Data.Common;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// The document queries both stores share (the SQL is in the dialect SQLite and PostgreSQL have in
/// common, with <c>@name</c> parameters) and the mapping of their rows.
/// </summary>
internal static class DocumentReader
{
    private const string Columns =
        "d.id, d.source, d.format, d.title, d.source_url, d.byline, d.published_as_written, d.published, d.language, " +
        "d.encoding, d.original_text, d.clean_text, d.segmented_text, d.content_hash, d.sim_hash, d.near_duplicate_of, " +
        "d.ingested_at, d.facts_json, d.original_packed, d.clean_packed, d.facts_packed";

    public const string SelectById = "SELECT " + Columns + " FROM documents d WHERE d.id = @id";

    public const string SelectBySource =
        "SELECT " + Columns + " FROM document_sources s JOIN documents d ON d.id = s.document_id " +
        "WHERE s.source = @source ORDER BY s.id DESC LIMIT 1";

    public const string SelectPage = "SELECT " + Columns + " FROM documents d ORDER BY d.id LIMIT @limit OFFSET @offset";

    /// <summary>Documents, near duplicates, and sources beyond each document's first (<see cref="StoreStats"/>).</summary>
    public const string SelectStats = """
        SELECT (SELECT count(*) FROM documents),
               (SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL),
               (SELECT count(*) FROM document_sources) - (SELECT count(*) FROM documents)
        """;

    private const string SelectSources = "SELECT source FROM document_sources WHERE document_id = @id ORDER BY id";

    /// <summary>
    /// Runs <paramref name="sql"/> and reads each document with its sources, all inside
    /// <paramref name="transaction"/> (a read snapshot), so documents and sources agree.
    /// </summary>
    public static IReadOnlyList<StoredDocument> ReadMany(DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("the transaction has no connection", nameof(transaction));
        var documents = new List<StoredDocument>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Add(name, value);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                documents.Add(Map(reader));
            }
        }

        using var sources = connection.CreateCommand();
        sources.Transaction = transaction;
        sources.CommandText = SelectSources;
        var id = sources.Add("@id", 0L);
        for (var i = 0; i < documents.Count; i++)
        {
            id.Value = documents[i].Id;
            var list = new List<string>();
            using (var reader = sources.ExecuteReader())
            {
                while (reader.Read())
                {
                    list.Add(reader.GetString(0));
                }
            }

            documents[i] = documents[i] with { Sources = list };
        }

        return documents;
    }

    private static StoredDocument Map(DbDataReader reader)
    {
        var id = reader.GetInt64(0);
        string? facts = null, damage = null;
        try
        {
            facts = PackedText.Read(reader, 20, 17);
        }
        catch (InvalidDataException e)
        {
            damage = e.Message;
        }

        return Map(reader, id) with { FactsJson = facts, FactsDamage = damage };
    }

    /// <summary>The row without its facts; a damaged original or clean text fails naming the document.</summary>
    private static StoredDocument Map(DbDataReader reader, long id) => new()
    {
        Id = id,
        Source = reader.GetString(1),
        Sources = [],
        Format = reader.GetString(2),
        Title = reader.GetNullableString(3),
        SourceUrl = reader.GetNullableString(4),
        Byline = reader.GetNullableString(5),
        PublishedAsWritten = reader.GetNullableString(6),
        Published = reader.GetNullableString(7),
        Language = reader.GetString(8),
        Encoding = reader.GetString(9),
        OriginalText = Text(reader, id, 18, 10, "original text"),
        CleanText = Text(reader, id, 19, 11, "cleaned text"),
        SegmentedText = reader.GetString(12),
        ContentHash = reader.GetString(13),
        SimHash = SimHashBands.FromStored(reader.GetInt64(14)),
        NearDuplicateOf = reader.IsDBNull(15) ? null : reader.GetInt64(15),
        IngestedAt = StoreDialect.ReadTimestamp(reader, 16),
    };

    private static string Text(DbDataReader reader, long id, int packed, int plain, string what)
    {
        try
        {
            return PackedText.Read(reader, packed, plain) ?? string.Empty;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"document {id}: its stored {what} cannot be read ({e.Message}); delete the document and ingest its file again", e);
        }
    }

}
