using System.Text.Json;
using System.Data.Common;
using System.Globalization;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>
/// Writes a document's facts (the extraction contract JSON it was stored with) into the fact tables,
/// inside the batch's transaction. Entities are shared across documents by key; a known entity
/// gains the new aliases it is written under. Every mention of the document's entity list is stored
/// (not only engagement participants), and so is every role it gives a person. The SQL is the dialect SQLite and PostgreSQL share
/// (<c>@name</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>"end"</c> quoted), so both
/// stores write facts with this one class.
/// </summary>
internal sealed class FactsWriter(Func<string, DbCommand> prepare) : IDisposable
{
    private readonly DbCommand _entity = prepare("""
        INSERT INTO entities (key, name, country, kind) VALUES (@key, @name, @country, @kind)
        ON CONFLICT (key) DO UPDATE SET country = coalesce(entities.country, excluded.country), kind = coalesce(entities.kind, excluded.kind)
        RETURNING id
        """);

    private readonly DbCommand _alias = prepare("INSERT INTO entity_aliases (entity_id, alias) VALUES (@id, @alias) ON CONFLICT DO NOTHING");
    private readonly DbCommand _mention = prepare("""
        INSERT INTO mentions (document_id, entity_id, start, "end") VALUES (@doc, @id, @start, @end) ON CONFLICT DO NOTHING
        """);
    private readonly DbCommand _role = prepare("""
        INSERT INTO person_roles (document_id, person_id, role, organization_id, start, "end", organization_start, organization_end)
        VALUES (@doc, @person, @role, @org, @start, @end, @orgStart, @orgEnd) ON CONFLICT DO NOTHING
        """);

    private readonly DbCommand _engagement = prepare("""
        INSERT INTO engagements (document_id, ordinal, type, date, end_date, place, evidence_start, evidence_end)
        VALUES (@doc, @ordinal, @type, @date, @endDate, @place, @start, @end) RETURNING id
        """);

    private readonly DbCommand _party = prepare("INSERT INTO engagement_parties (engagement_id, entity_id, side) VALUES (@e, @id, @side) ON CONFLICT DO NOTHING");
    private readonly DbCommand _country = prepare("INSERT INTO engagement_countries (engagement_id, country) VALUES (@e, @v) ON CONFLICT DO NOTHING");
    private readonly DbCommand _sector = prepare("INSERT INTO engagement_sectors (engagement_id, sector) VALUES (@e, @v) ON CONFLICT DO NOTHING");
    private readonly DbCommand _commitment = prepare("""
        INSERT INTO commitments (document_id, ordinal, what, who, due, start, "end")
        VALUES (@doc, @ordinal, @what, @who, @due, @start, @end)
        """);

    public void Dispose()
    {
        foreach (var c in new[] { _entity, _alias, _mention, _role, _engagement, _party, _country, _sector, _commitment })
        {
            c.Dispose();
        }
    }

    public void Write(long documentId, string factsJson)
    {
        using var json = JsonDocument.Parse(factsJson);
        var root = json.RootElement;
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entity in Array(root, "entities"))
        {
            if (Str(entity, "id") is { } key)
            {
                ids[key] = WriteEntity(documentId, entity);
            }
        }

        foreach (var person in Array(root, "entities").Where(e => ids.ContainsKey(Str(e, "id") ?? string.Empty)))
        {
            WriteRoles(documentId, ids, ids[Str(person, "id")!], person);
        }

        var ordinal = 0;
        foreach (var e in Array(root, "events"))
        {
            var engagementId = Scalar(_engagement, ("@doc", documentId), ("@ordinal", ordinal++), ("@type", Str(e, "type")),
                ("@date", Str(e, "date")), ("@endDate", Str(e, "end_date")), ("@place", Str(e, "place")),
                ("@start", Int(e, "evidence", "start")), ("@end", Int(e, "evidence", "end")));
            foreach (var (side, property) in new[] { ("thai", "thai_orgs"), ("foreign", "foreign_orgs"), ("person", "people") })
            {
                foreach (var entity in Array(e, property))
                {
                    var id = WriteEntity(documentId, entity);
                    Execute(_party, ("@e", engagementId), ("@id", id), ("@side", side));
                }
            }

            foreach (var c in Array(e, "partner_countries"))
            {
                Execute(_country, ("@e", engagementId), ("@v", c.GetString()));
            }

            foreach (var s in Array(e, "sectors"))
            {
                Execute(_sector, ("@e", engagementId), ("@v", s.GetString()));
            }
        }

        ordinal = 0;
        foreach (var c in Array(root, "commitments"))
        {
            Execute(_commitment, ("@doc", documentId), ("@ordinal", ordinal++), ("@what", Str(c, "what") ?? string.Empty),
                ("@who", Str(c, "who")), ("@due", Str(c, "due")), ("@start", Int(c, "start")), ("@end", Int(c, "end")));
        }
    }

    private void WriteRoles(long documentId, Dictionary<string, long> ids, long personId, JsonElement person)
    {
        foreach (var r in Array(person, "roles"))
        {
            long? orgId = null;
            int? orgStart = null, orgEnd = null;
            if (r.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object)
            {
                orgId = Str(org, "id") is { } k && ids.TryGetValue(k, out var id) ? id : null;
                (orgStart, orgEnd) = (Int(org, "start"), Int(org, "end"));
            }

            Execute(_role, ("@doc", documentId), ("@person", personId), ("@role", Str(r, "role") ?? string.Empty), ("@org", orgId),
                ("@start", Int(r, "start")), ("@end", Int(r, "end")), ("@orgStart", orgStart), ("@orgEnd", orgEnd));
        }
    }

    private long WriteEntity(long documentId, JsonElement entity)
    {
        var key = Str(entity, "id") ?? Str(entity, "name");
        var id = Scalar(_entity, ("@key", key), ("@name", Str(entity, "name")), ("@country", Str(entity, "country")),
            ("@kind", Str(entity, "kind") ?? KindOfKey(key)));
        foreach (var alias in Array(entity, "aliases").Concat(Array(entity, "mentions")))
        {
            Execute(_alias, ("@id", id), ("@alias", alias.GetString()));
        }

        foreach (var span in Array(entity, "spans"))
        {
            Execute(_mention, ("@doc", documentId), ("@id", id), ("@start", span[0].GetInt32()), ("@end", span[1].GetInt32()));
        }

        return id;
    }

    /// <summary>The kind a key's prefix names, for facts written before entities carried one.</summary>
    private static string KindOfKey(string? key) => key?[..Math.Max(0, key.IndexOf(':', StringComparison.Ordinal))] switch
    {
        "agency" => "agency",
        "body" => "foreign_body",
        "country" => "country",
        "province" => "province",
        "place" => "place",
        "person" => "person",
        _ => "organisation",
    };

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (!e.TryGetProperty(p, out e))
            {
                return 0;
            }
        }

        return e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
    }

    private static long Scalar(DbCommand command, params (string Name, object? Value)[] values)
    {
        command.Bind(values);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture); // RETURNING id always yields a row.
    }

    private static void Execute(DbCommand command, params (string Name, object? Value)[] values)
    {
        command.Bind(values);
        command.ExecuteNonQuery();
    }

}
