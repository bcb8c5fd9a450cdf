using System.Data.Common;
using System.Text.Json;
using SoftPowerAtlas.Analysis.Formats;

namespace SoftPowerAtlas.Storage.Files;

/// <summary>The file a stored document was read from (PDF, Word, image), as the download of its original.</summary>
public sealed record StoredFile(long DocumentId, string MediaType, byte[] Bytes, IReadOnlyList<int> PageStarts)
{
    /// <summary>The 1-based page an offset into the document's stored text falls on.</summary>
    public int PageAt(int offset) => PagedText.PageAt(PageStarts, offset);
}

/// <summary>
/// Keeps and reads <c>document_files</c>: the original file of a document whose stored text was read
/// out of it, and its page starts (UTF-16 offsets into <c>documents.original_text</c>). Text, Markdown
/// and HTML documents have no row: their original is their text.
/// </summary>
public static class DocumentFiles
{
    internal const string Insert = """
        INSERT INTO document_files (document_id, media_type, bytes, page_starts) VALUES (@id, @mediaType, @bytes, @pageStarts)
        """;

    /// <summary>The file of document <paramref name="documentId"/>, or null when it was not read from one.</summary>
    public static StoredFile? Get(IAtlasStore store, long documentId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Read((connection, transaction) =>
        {
            using var command = DbParameters.Command(connection, transaction, "SELECT media_type, bytes, page_starts FROM document_files WHERE document_id = @id", ("@id", documentId));
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredFile(documentId, reader.GetString(0), (byte[])reader.GetValue(1), ParseStarts(reader.GetString(2))) : null;
        });
    }

    /// <summary>Page starts of document <paramref name="documentId"/> without its bytes; null when it has no file.</summary>
    public static IReadOnlyList<int>? PageStarts(IAtlasStore store, long documentId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Read((connection, transaction) =>
        {
            using var command = DbParameters.Command(connection, transaction, "SELECT page_starts FROM document_files WHERE document_id = @id", ("@id", documentId));
            return command.ExecuteScalar() is string json ? ParseStarts(json) : null;
        });
    }

    internal static void Write(DbCommand insert, long documentId, DocumentFile file)
    {
        insert.Bind(("@id", documentId), ("@mediaType", file.MediaType), ("@bytes", file.Bytes), ("@pageStarts", JsonSerializer.Serialize(file.PageStarts)));
        insert.ExecuteNonQuery();
    }

    /// <summary>A damaged row reads as one page rather than failing the page that shows the document.</summary>
    internal static IReadOnlyList<int> ParseStarts(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<int[]>(json) is { Length: > 0 } starts ? starts : [0];
        }
        catch (JsonException)
        {
            return [0];
        }
    }
}
