using System.Text.Json.Nodes;

namespace SoftPowerAtlas.Storage.Curation;

public sealed partial class Curator
{
    /// <summary>
    /// Takes a document back out: the document, its sources, facts, mentions, search rows and facet
    /// values go in one transaction (the schema's cascades and triggers), and an audit event of kind
    /// <see cref="CurationKinds.DocumentDelete"/> keeps what it was. Edits made to its facts stay in the log
    /// by their stable keys, so ingesting the same file again brings them back. Near copies that pointed at
    /// it point at the first of them instead, which becomes the original.
    /// </summary>
    /// <param name="document">The document's id (<c>12</c>, <c>#12</c>, <c>doc:12</c>) or a source it was ingested from (a path or URL as stored).</param>
    /// <param name="actor">Who deletes it, as the audit log names them.</param>
    public CurationResult DeleteDocument(string document, string actor) => Edit(actor, (sql, _) =>
    {
        if (Find(sql, document) is not { } doc)
        {
            return CurationResult.Fail(CurationFailure.NotFound, $"no document '{document}' (give its id, as 'atlas show' and search print it, or the path or URL it was ingested from)");
        }

        var copies = sql.Rows("SELECT id FROM documents WHERE near_duplicate_of = @id ORDER BY id", r => r.GetInt64(0), ("@id", doc.Id));

        if (copies.Count > 0)
        {
            sql.Execute("UPDATE documents SET near_duplicate_of = NULL WHERE id = @first", ("@first", copies[0]));
            sql.Execute("UPDATE documents SET near_duplicate_of = @first WHERE near_duplicate_of = @id", ("@first", copies[0]), ("@id", doc.Id));
        }

        var sources = new JsonArray([.. sql.Rows("SELECT source FROM document_sources WHERE document_id = @id ORDER BY id", r => (JsonNode?)JsonValue.Create(r.GetString(0)), ("@id", doc.Id))]);

        var before = new JsonObject { ["id"] = doc.Id, ["title"] = doc.Title, ["sources"] = sources };
        var after = new JsonObject { ["deleted"] = true, ["near_copies_relinked"] = copies.Count };
        var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.DocumentDelete, CurationTargets.Document(doc.Hash), doc.Hash, before, after);
        sql.Execute("DELETE FROM documents WHERE id = @id", ("@id", doc.Id));
        var detail = copies.Count == 0 ? null : $"{copies.Count} near cop{(copies.Count == 1 ? "y" : "ies")} now point at #{copies[0]}";
        return CurationResult.Made(e, detail);
    });

    private static (long Id, string Hash, string? Title)? Find(CurationSql sql, string document)
    {
        var t = (document ?? string.Empty).Trim();
        static (long, string, string?) Row(System.Data.Common.DbDataReader r) => (r.GetInt64(0), r.GetString(1), r.GetNullableString(2));
        var rows = DocumentId(t, requirePrefix: false) is { } id
            ? sql.Rows("SELECT id, content_hash, title FROM documents WHERE id = @id", Row, ("@id", id))
            : sql.Rows("SELECT d.id, d.content_hash, d.title FROM document_sources s JOIN documents d ON d.id = s.document_id WHERE s.source = @source ORDER BY s.id DESC", Row, ("@source", document?.Trim() ?? string.Empty));
        return rows.Count > 0 ? rows[0] : null;
    }
}
