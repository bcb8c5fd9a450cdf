using System.Data.Common;
using System.Text.Json.Nodes;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>The SQL of the audit log: append an event, mark one undone, read events back.</summary>
internal static class CurationLog
{
    /// <summary>Thai and other scripts as characters, not \u escapes: the log is read by people (pages encode it for HTML).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Columns = "id, at, actor, kind, target, before_json, after_json, undoes, undone_by";

    public static CurationEvent Append(
        CurationSql sql, DateTimeOffset at, string actor, string kind, string target, string? contentHash, JsonNode? before, JsonNode? after, long? undoes = null)
    {
        var stamp = sql.Dialect.Timestamp(at);
        var id = sql.Long(
            """
            INSERT INTO curation_events (at, actor, kind, target, content_hash, before_json, after_json, undoes)
            VALUES (@at, @actor, @kind, @target, @hash, @before, @after, @undoes) RETURNING id
            """,
            ("@at", stamp), ("@actor", actor), ("@kind", kind), ("@target", target), ("@hash", contentHash),
            ("@before", before?.ToJsonString(CurationLog.JsonOptions)), ("@after", after?.ToJsonString(CurationLog.JsonOptions)), ("@undoes", undoes))!.Value; // RETURNING id always yields one.
        if (undoes is { } undone)
        {
            sql.Execute("UPDATE curation_events SET undone_by = @id WHERE id = @undone", ("@id", id), ("@undone", undone));
        }

        return Get(sql, id)!;
    }

    public static CurationEvent? Get(CurationSql sql, long id) =>
        sql.Rows($"SELECT {Columns} FROM curation_events WHERE id = @id", Map, ("@id", id)).FirstOrDefault();

    /// <summary>Events newest first, optionally of one target; <paramref name="total"/> counts them all.</summary>
    public static List<CurationEvent> Page(CurationSql sql, string? target, int offset, int limit, out long total)
    {
        var where = target is null ? string.Empty : " WHERE target = @target";
        (string, object?)[] filter = target is null ? [] : [("@target", target)];
        total = sql.Long("SELECT count(*) FROM curation_events" + where, filter) ?? 0;
        return sql.Rows(
            $"SELECT {Columns} FROM curation_events{where} ORDER BY id DESC LIMIT @limit OFFSET @offset",
            Map, [.. filter, ("@limit", limit), ("@offset", offset)]);
    }

    /// <summary>Events in force, oldest first: of these kinds, or every kind when none is given.</summary>
    public static List<CurationEvent> Active(CurationSql sql, params string[] kinds)
    {
        var rows = sql.Rows($"SELECT {Columns} FROM curation_events WHERE undone_by IS NULL AND kind <> 'undo' ORDER BY id", Map);
        return kinds.Length == 0 ? rows : rows.Where(e => kinds.Contains(e.Kind, StringComparer.Ordinal)).ToList();
    }

    /// <summary>Fact edits in force on the facts of one document (by its content hash), oldest first.</summary>
    public static List<CurationEvent> ActiveFactEdits(CurationSql sql, string contentHash) =>
        sql.Rows(
            $"SELECT {Columns} FROM curation_events WHERE content_hash = @hash AND kind = 'fact.set' AND undone_by IS NULL ORDER BY id",
            Map, ("@hash", contentHash));

    /// <summary>Events after <paramref name="id"/> that are in force and change state (notes do not).</summary>
    public static List<CurationEvent> ActiveAfter(CurationSql sql, long id) =>
        sql.Rows(
            $"SELECT {Columns} FROM curation_events WHERE id > @id AND undone_by IS NULL AND kind NOT IN ('undo', 'note') ORDER BY id",
            Map, ("@id", id));

    public static JsonObject? Json(string? text) => text is null ? null : JsonNode.Parse(text) as JsonObject;

    private static CurationEvent Map(DbDataReader r) => new(
        r.GetInt64(0),
        StoreDialect.ReadTimestamp(r, 1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetNullableString(5),
        r.GetNullableString(6),
        r.IsDBNull(7) ? null : r.GetInt64(7),
        r.IsDBNull(8) ? null : r.GetInt64(8));
}
