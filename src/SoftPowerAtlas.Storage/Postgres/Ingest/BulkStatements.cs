using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres.Ingest;

/// <summary>A new document of a bulk batch with what the batch decided for it: its id, its near duplicate, its time.</summary>
internal sealed record StoredRow(PackedDocument Packed, long Id, long? NearDuplicateOf, DateTimeOffset IngestedAt);

/// <summary>
/// The statements of the bulk writer: one per table for a whole batch, each taking its rows as
/// arrays (<c>unnest</c>), so a batch costs a few round trips instead of one per row. Rows that
/// refer to an entity name it by key and find its id by a join, so they need not wait for the
/// entities' ids; rows where the first of several equal keys wins (mentions, parties) go in the
/// order the per-row writer sends them.
/// </summary>
internal static class BulkStatements
{
    public static NpgsqlBatchCommand Documents(IReadOnlyList<StoredRow> rows) => Command(
        """
        INSERT INTO documents (id, source, format, title, source_url, byline, published_as_written, published,
            language, encoding, original_text, original_packed, clean_text, clean_packed, segmented_text,
            content_hash, sim_hash, near_duplicate_of, ingested_at, facts_packed, search_title)
        SELECT id, source, format, title, source_url, byline, published_as_written, published,
            language, encoding, '', original_packed, '', clean_packed, segmented_text,
            content_hash, sim_hash, near_duplicate_of, ingested_at, facts_packed, search_title
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
            $9::text[], $10::text[], $11::bytea[], $12::bytea[], $13::text[], $14::text[], $15::bigint[], $16::bigint[],
            $17::timestamptz[], $18::bytea[], $19::text[])
            AS r (id, source, format, title, source_url, byline, published_as_written, published, language, encoding,
                  original_packed, clean_packed, segmented_text, content_hash, sim_hash, near_duplicate_of, ingested_at, facts_packed, search_title)
        ORDER BY id
        ON CONFLICT (content_hash) DO NOTHING
        RETURNING content_hash
        """,
        rows.Select(r => r.Id).ToArray(),
        rows.Select(r => r.Packed.Document.Source).ToArray(),
        rows.Select(r => r.Packed.Document.Format).ToArray(),
        rows.Select(r => r.Packed.Document.Title).ToArray(),
        rows.Select(r => r.Packed.Document.SourceUrl).ToArray(),
        rows.Select(r => r.Packed.Document.Byline).ToArray(),
        rows.Select(r => r.Packed.Document.PublishedAsWritten).ToArray(),
        rows.Select(r => r.Packed.Document.Published).ToArray(),
        rows.Select(r => r.Packed.Document.Language).ToArray(),
        rows.Select(r => r.Packed.Document.Encoding).ToArray(),
        rows.Select(r => r.Packed.OriginalPacked).ToArray(),
        rows.Select(r => r.Packed.CleanPacked).ToArray(),
        rows.Select(r => r.Packed.Document.SegmentedText).ToArray(),
        rows.Select(r => r.Packed.Document.ContentHash).ToArray(),
        rows.Select(r => SimHashBands.ToStored(r.Packed.Document.SimHash)).ToArray(),
        rows.Select(r => r.NearDuplicateOf).ToArray(),
        rows.Select(r => r.IngestedAt).ToArray(),
        rows.Select(r => r.Packed.FactsPacked).ToArray(),
        rows.Select(r => r.Packed.SearchTitle).ToArray());

    /// <summary>Tells the search triggers' inserts (migration 0019) that this transaction writes the search vectors and facets itself, or no longer.</summary>
    public static NpgsqlBatchCommand SearchRowsWritten(bool on) =>
        Command("SELECT set_config('atlas.bulk_ingest', $1, true)", on ? "on" : "off");

    /// <summary>The facets of the documents' facts as the per-row triggers of 0012_search add them: type, country, sector, agency (a party not a person).</summary>
    public static NpgsqlBatchCommand Facets(IReadOnlyList<StoredRow> rows) => Command(
        """
        INSERT INTO document_facets (facet, value, document_id)
        SELECT 'type', type, document_id FROM engagements WHERE document_id = ANY($1)
        UNION SELECT 'country', c.country, e.document_id FROM engagement_countries c JOIN engagements e ON e.id = c.engagement_id WHERE e.document_id = ANY($1)
        UNION SELECT 'sector', s.sector, e.document_id FROM engagement_sectors s JOIN engagements e ON e.id = s.engagement_id WHERE e.document_id = ANY($1)
        UNION SELECT 'agency', en.key, e.document_id FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id JOIN entities en ON en.id = p.entity_id
            WHERE p.side <> 'person' AND e.document_id = ANY($1)
        ON CONFLICT DO NOTHING
        """,
        (object)rows.Select(r => r.Id).ToArray());

    /// <summary>The search rows of the documents inserted (a skipped one has no row to join), from the vectors built in C# or by the server.</summary>
    public static NpgsqlBatchCommand SearchVectors(IReadOnlyList<StoredRow> rows) => Command(
        """
        INSERT INTO document_search (document_id, vector)
        SELECT d.id, coalesce(v.vector::tsvector, atlas_search_vector(coalesce(d.search_title, d.title), d.segmented_text))
        FROM unnest($1::bigint[], $2::text[]) AS v (id, vector) JOIN documents d ON d.id = v.id
        """,
        rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Packed.SearchVector).ToArray());

    public static NpgsqlBatchCommand Bands(IReadOnlyList<StoredRow> rows)
    {
        var bands = rows.SelectMany(r => Enumerable.Range(0, SimHashBands.Count).Select(b => (r.Id, Band: (short)b, Value: SimHashBands.Value(r.Packed.Document.SimHash, b)))).ToList();
        return Command(
            "INSERT INTO document_bands (document_id, band, value) SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::integer[])",
            bands.Select(b => b.Id).ToArray(), bands.Select(b => b.Band).ToArray(), bands.Select(b => b.Value).ToArray());
    }

    /// <summary>Sources in order; returns the (document, source) pairs that were new.</summary>
    public static NpgsqlBatchCommand Sources(IReadOnlyList<(long DocumentId, string Source, DateTimeOffset AddedAt)> sources) => Command(
        """
        INSERT INTO document_sources (document_id, source, added_at)
        SELECT document_id, source, added_at FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS s (document_id, source, added_at, n)
        ORDER BY n
        ON CONFLICT (source, document_id) DO NOTHING
        RETURNING document_id, source
        """,
        sources.Select(s => s.DocumentId).ToArray(), sources.Select(s => s.Source).ToArray(), sources.Select(s => s.AddedAt).ToArray());

    public static NpgsqlBatchCommand Files(IReadOnlyList<StoredRow> rows)
    {
        var files = rows.Where(r => r.Packed.Document.File is not null).ToList();
        return Command(
            "INSERT INTO document_files (document_id, media_type, bytes, page_starts) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[])",
            files.Select(r => r.Id).ToArray(),
            files.Select(r => r.Packed.Document.File!.MediaType).ToArray(),
            files.Select(r => r.Packed.Document.File!.Bytes).ToArray(),
            files.Select(r => r.Packed.PageStarts!).ToArray());
    }

    /// <summary>
    /// The batch's entities by key (first name, first country and kind given), new ones under the ids
    /// given, inserted in key order so two batches never wait on each other's rows crosswise; then the
    /// country or kind a stored entity lacked, as the per-row upsert's coalesce fills them.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> Entities(IReadOnlyList<(string Key, string Name, string? Country, string? Kind)> entities, IReadOnlyDictionary<string, long> newIds)
    {
        var fresh = entities.Where(e => newIds.ContainsKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        yield return Command(
            """
            INSERT INTO entities (id, key, name, country, kind)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS e (id, key, name, country, kind)
            ORDER BY key COLLATE "C"
            ON CONFLICT (key) DO NOTHING
            """,
            fresh.Select(e => newIds[e.Key]).ToArray(), fresh.Select(e => e.Key).ToArray(), fresh.Select(e => e.Name).ToArray(),
            fresh.Select(e => e.Country).ToArray(), fresh.Select(e => e.Kind).ToArray());
        var filling = entities.Where(e => e.Country is not null || e.Kind is not null).ToList();
        yield return Command(
            """
            UPDATE entities e SET country = coalesce(e.country, v.country), kind = coalesce(e.kind, v.kind)
            FROM unnest($1::text[], $2::text[], $3::text[]) AS v (key, country, kind)
            WHERE e.key = v.key AND ((e.country IS NULL AND v.country IS NOT NULL) OR (e.kind IS NULL AND v.kind IS NOT NULL))
            """,
            filling.Select(e => e.Key).ToArray(), filling.Select(e => e.Country).ToArray(), filling.Select(e => e.Kind).ToArray());
    }

    public static NpgsqlBatchCommand Aliases(IReadOnlyList<(string Key, string Alias)> aliases) => Command(
        """
        INSERT INTO entity_aliases (entity_id, alias)
        SELECT e.id, a.alias FROM unnest($1::text[], $2::text[]) AS a (key, alias) JOIN entities e ON e.key = a.key
        ORDER BY e.id, a.alias COLLATE "C"
        ON CONFLICT DO NOTHING
        """,
        aliases.Select(a => a.Key).ToArray(), aliases.Select(a => a.Alias).ToArray());

    public static NpgsqlBatchCommand Mentions(IReadOnlyList<(long DocumentId, string Key, int Start, int End)> mentions) => Command(
        """
        INSERT INTO mentions (document_id, entity_id, start, "end")
        SELECT m.document_id, e.id, m.start, m."end"
        FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::integer[]) WITH ORDINALITY AS m (document_id, key, start, "end", n)
        JOIN entities e ON e.key = m.key
        ORDER BY m.n
        ON CONFLICT DO NOTHING
        """,
        mentions.Select(m => m.DocumentId).ToArray(), mentions.Select(m => m.Key).ToArray(), mentions.Select(m => m.Start).ToArray(), mentions.Select(m => m.End).ToArray());

    public static NpgsqlBatchCommand Roles(IReadOnlyList<(long DocumentId, RoleWrite Role)> roles) => Command(
        """
        INSERT INTO person_roles (document_id, person_id, role, organization_id, start, "end", organization_start, organization_end)
        SELECT r.document_id, p.id, r.role, o.id, r.start, r."end", r.organization_start, r.organization_end
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::integer[], $7::integer[], $8::integer[])
            WITH ORDINALITY AS r (document_id, person_key, role, organization_key, start, "end", organization_start, organization_end, n)
        JOIN entities p ON p.key = r.person_key
        LEFT JOIN entities o ON o.key = r.organization_key
        ORDER BY r.n
        ON CONFLICT DO NOTHING
        """,
        roles.Select(r => r.DocumentId).ToArray(), roles.Select(r => r.Role.PersonKey).ToArray(), roles.Select(r => r.Role.Role).ToArray(),
        roles.Select(r => r.Role.OrganizationKey).ToArray(), roles.Select(r => r.Role.Start).ToArray(), roles.Select(r => r.Role.End).ToArray(),
        roles.Select(r => r.Role.OrganizationStart).ToArray(), roles.Select(r => r.Role.OrganizationEnd).ToArray());

    /// <summary>A command with positional parameters <c>$1…</c>, one value each (a lone string[] must be passed as <c>(object)</c>, or C# spreads it).</summary>
    public static NpgsqlBatchCommand Command(string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        return command;
    }
}
