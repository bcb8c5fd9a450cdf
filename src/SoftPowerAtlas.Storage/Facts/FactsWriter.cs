using System.Data.Common;
using System.Globalization;
using SoftPowerAtlas.Analysis.Facts;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>
/// Writes a document's facts (the typed model analysis made, or read back from the stored facts JSON)
/// into the fact tables, inside the batch's transaction. Entities are shared across documents by key; a known entity
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

    public void Write(long documentId, ExtractedFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entity in facts.Entities)
        {
            ids[entity.Id] = WriteEntity(documentId, entity);
        }

        foreach (var person in facts.Entities)
        {
            WriteRoles(documentId, ids, ids[person.Id], person);
        }

        var ordinal = 0;
        foreach (var e in facts.Events)
        {
            var engagementId = Scalar(_engagement, ("@doc", documentId), ("@ordinal", ordinal++), ("@type", e.Type),
                ("@date", e.Date), ("@endDate", e.EndDate), ("@place", e.Place),
                ("@start", e.Evidence.Start), ("@end", e.Evidence.End));
            foreach (var (side, entities) in new[] { ("thai", e.ThaiOrgs), ("foreign", e.ForeignOrgs), ("person", e.People) })
            {
                foreach (var entity in entities)
                {
                    var id = WriteEntity(documentId, entity);
                    Execute(_party, ("@e", engagementId), ("@id", id), ("@side", side));
                }
            }

            foreach (var c in e.PartnerCountries)
            {
                Execute(_country, ("@e", engagementId), ("@v", c));
            }

            foreach (var s in e.Sectors)
            {
                Execute(_sector, ("@e", engagementId), ("@v", s));
            }
        }

        ordinal = 0;
        foreach (var c in facts.Commitments)
        {
            Execute(_commitment, ("@doc", documentId), ("@ordinal", ordinal++), ("@what", c.What),
                ("@who", c.Who), ("@due", c.Due), ("@start", c.Start), ("@end", c.End));
        }
    }

    private void WriteRoles(long documentId, Dictionary<string, long> ids, long personId, ExtractedEntity person)
    {
        foreach (var r in person.Roles)
        {
            long? orgId = r.Organization is { } org && ids.TryGetValue(org.Id, out var id) ? id : null;
            Execute(_role, ("@doc", documentId), ("@person", personId), ("@role", r.Role), ("@org", orgId),
                ("@start", r.Start), ("@end", r.End), ("@orgStart", r.Organization?.Start), ("@orgEnd", r.Organization?.End));
        }
    }

    /// <summary>Adds or finds the entity by key; an engagement's participant carries no kind, so its key's prefix gives one.</summary>
    private long WriteEntity(long documentId, ExtractedEntity entity)
    {
        var id = Scalar(_entity, ("@key", entity.Id), ("@name", entity.Name), ("@country", entity.Country),
            ("@kind", entity.Kind ?? ExtractedEntity.KindOfKey(entity.Id)));
        foreach (var alias in entity.Aliases.Concat(entity.Mentions))
        {
            Execute(_alias, ("@id", id), ("@alias", alias));
        }

        foreach (var span in entity.Spans)
        {
            Execute(_mention, ("@doc", documentId), ("@id", id), ("@start", span.Start), ("@end", span.End));
        }

        return id;
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
