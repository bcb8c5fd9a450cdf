using SoftPowerAtlas.Analysis.Facts;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>An entity row as curation reads it.</summary>
internal sealed record EntityRow(long Id, string Key, string Name, string? Country, string? Kind);

/// <summary>A document's facts as stored in <c>facts_json</c>, read back (or why they could not be).</summary>
internal sealed record StoredFacts(long DocumentId, string ContentHash, FactsReadResult Facts);

/// <summary>
/// The entity edits on the stored rows: merge one entity into another, split aliases and their
/// mentions off into another entity, add an alias. Each works on whatever rows exist now, so running
/// it again after a document's facts are written again applies it to the new rows too.
/// </summary>
internal static class EntityOps
{
    public static EntityRow? Get(CurationSql sql, string key) =>
        sql.Rows("SELECT id, key, name, country, kind FROM entities WHERE key = @key",
            r => new EntityRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), r.GetNullableString(4)),
            ("@key", key)).FirstOrDefault();

    public static List<string> Aliases(CurationSql sql, long id) =>
        sql.Rows("SELECT alias FROM entity_aliases WHERE entity_id = @id ORDER BY alias", r => r.GetString(0), ("@id", id));

    public static bool AddAlias(CurationSql sql, long id, string alias) =>
        sql.Execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (@id, @alias) ON CONFLICT DO NOTHING", ("@id", id), ("@alias", alias)) == 1;

    /// <summary>
    /// Moves every alias, mention, engagement party and role of <paramref name="from"/> onto
    /// <paramref name="into"/> (its name becomes an alias), then deletes <paramref name="from"/>.
    /// Returns the aliases <paramref name="into"/> did not have before.
    /// </summary>
    public static List<string> Merge(CurationSql sql, EntityRow from, EntityRow into)
    {
        var had = Aliases(sql, into.Id).ToHashSet(StringComparer.Ordinal);
        var added = Aliases(sql, from.Id).Append(from.Name).Where(a => a != into.Name && had.Add(a)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var alias in added)
        {
            AddAlias(sql, into.Id, alias);
        }

        var ids = new (string, object?)[] { ("@from", from.Id), ("@into", into.Id) };
        sql.Execute("INSERT INTO mentions (document_id, entity_id, start, \"end\") SELECT document_id, @into, start, \"end\" FROM mentions WHERE entity_id = @from ON CONFLICT DO NOTHING", ids);
        sql.Execute("INSERT INTO engagement_parties (engagement_id, entity_id, side) SELECT engagement_id, @into, side FROM engagement_parties WHERE entity_id = @from ON CONFLICT DO NOTHING", ids);
        sql.Execute("""
            INSERT INTO person_roles (document_id, person_id, role, organization_id, start, "end", organization_start, organization_end)
            SELECT document_id, @into, role, organization_id, start, "end", organization_start, organization_end FROM person_roles WHERE person_id = @from
            ON CONFLICT DO NOTHING
            """, ids);
        sql.Execute("UPDATE person_roles SET organization_id = @into WHERE organization_id = @from", ids);

        // Children first, while the entity still exists: search's facet triggers read its key.
        sql.Execute("DELETE FROM engagement_parties WHERE entity_id = @from", ("@from", from.Id));
        sql.Execute("DELETE FROM entities WHERE id = @from", ("@from", from.Id));
        return added;
    }

    /// <summary>
    /// Moves <paramref name="aliases"/> of <paramref name="source"/> to <paramref name="target"/>, with
    /// the mentions whose text is one of them (in one document, or everywhere when
    /// <paramref name="documentId"/> is null). Where a document no longer mentions the source at all,
    /// its engagement parties and roles follow. Returns how many mentions moved.
    /// </summary>
    public static int Split(CurationSql sql, EntityRow source, EntityRow target, IReadOnlyList<string> aliases, long? documentId)
    {
        foreach (var alias in aliases)
        {
            sql.Execute("DELETE FROM entity_aliases WHERE entity_id = @id AND alias = @alias", ("@id", source.Id), ("@alias", alias));
            AddAlias(sql, target.Id, alias);
        }

        var wanted = aliases.Select(a => Facts.CommitmentKey.Normalize(a)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var scope = documentId is null ? string.Empty : " AND m.document_id = @doc";
        (string, object?)[] args = documentId is null ? [("@id", source.Id)] : [("@id", source.Id), ("@doc", documentId)];
        var mentions = sql.Rows(
            "SELECT m.document_id, m.start, m.\"end\" FROM mentions m WHERE m.entity_id = @id" + scope,
            r => (Doc: r.GetInt64(0), Start: r.GetInt32(1), End: r.GetInt32(2)), args);
        var moved = 0;
        var touched = new HashSet<long>();
        foreach (var group in mentions.GroupBy(m => m.Doc))
        {
            var (text, html) = sql.Rows("SELECT original_text, format, original_packed FROM documents WHERE id = @id", r => (PackedText.Read(r, 2, 0) ?? string.Empty, r.GetString(1) == "html"), ("@id", group.Key)).Single();
            foreach (var m in group.Where(m => wanted.Contains(Facts.CommitmentKey.Normalize(FactKeys.Passage(text, html, m.Start, m.End)))))
            {
                sql.Execute("INSERT INTO mentions (document_id, entity_id, start, \"end\") VALUES (@doc, @to, @start, @end) ON CONFLICT DO NOTHING",
                    ("@doc", m.Doc), ("@to", target.Id), ("@start", m.Start), ("@end", m.End));
                sql.Execute("DELETE FROM mentions WHERE document_id = @doc AND entity_id = @from AND start = @start", ("@doc", m.Doc), ("@from", source.Id), ("@start", m.Start));
                touched.Add(m.Doc);
                moved++;
            }
        }

        foreach (var doc in touched)
        {
            if (sql.Long("SELECT count(*) FROM mentions WHERE document_id = @doc AND entity_id = @id", ("@doc", doc), ("@id", source.Id)) > 0)
            {
                continue;
            }

            (string, object?)[] ids = [("@doc", doc), ("@from", source.Id), ("@to", target.Id)];
            sql.Execute("""
                INSERT INTO engagement_parties (engagement_id, entity_id, side)
                SELECT p.engagement_id, @to, p.side FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id
                WHERE p.entity_id = @from AND e.document_id = @doc ON CONFLICT DO NOTHING
                """, ids);
            sql.Execute("DELETE FROM engagement_parties WHERE entity_id = @from AND engagement_id IN (SELECT id FROM engagements WHERE document_id = @doc)", ("@doc", doc), ("@from", source.Id));
            sql.Execute("""
                INSERT INTO person_roles (document_id, person_id, role, organization_id, start, "end", organization_start, organization_end)
                SELECT document_id, @to, role, organization_id, start, "end", organization_start, organization_end FROM person_roles
                WHERE person_id = @from AND document_id = @doc ON CONFLICT DO NOTHING
                """, ids);
            sql.Execute("DELETE FROM person_roles WHERE person_id = @from AND document_id = @doc", ("@doc", doc), ("@from", source.Id));
            sql.Execute("UPDATE person_roles SET organization_id = @to WHERE organization_id = @from AND document_id = @doc", ids);
        }

        return moved;
    }

    /// <summary>Creates an entity (for a split); returns the row.</summary>
    public static EntityRow Create(CurationSql sql, string key, string name, string? country, string? kind)
    {
        var id = sql.Long("INSERT INTO entities (key, name, country, kind) VALUES (@key, @name, @country, @kind) RETURNING id",
            ("@key", key), ("@name", name), ("@country", country), ("@kind", kind))!.Value; // RETURNING id always yields one.
        return new EntityRow(id, key, name, country, kind);
    }

    /// <summary>
    /// Documents whose stored facts name the entity key, with those facts read back (to write them again on
    /// undo). The facts are packed, so every document's are read: undoing an entity edit is rare. A row whose
    /// packed facts are damaged is listed with the reason, so the undo is refused naming it.
    /// </summary>
    public static List<StoredFacts> DocumentsNaming(CurationSql sql, string key)
    {
        var quoted = "\"" + key + "\"";
        return [.. sql.Rows(
            "SELECT id, content_hash, facts_json, facts_packed FROM documents WHERE facts_json IS NOT NULL OR facts_packed IS NOT NULL ORDER BY id",
            r =>
            {
                string? json;
                try
                {
                    json = PackedText.Read(r, 3, 2);
                }
                catch (InvalidDataException e)
                {
                    return new StoredFacts(r.GetInt64(0), r.GetString(1), FactsReadResult.Failure(e.Message));
                }

                return json is not null && json.Contains(quoted, StringComparison.Ordinal) ? new StoredFacts(r.GetInt64(0), r.GetString(1), FactsJson.Read(json)) : null;
            }).OfType<StoredFacts>()];
    }
}
