using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres.Ingest;

/// <summary>
/// The bulk writer's statements for engagements (under ids the batch took from the sequence, so
/// their parties, countries and sectors go in the same round trip) and commitments, named with
/// their fact keys as they are written.
/// </summary>
internal static class BulkFactStatements
{
    /// <summary>Every statement for the engagements and commitments of <paramref name="rows"/>; <paramref name="engagementIds"/> in order of document, then ordinal.</summary>
    public static IEnumerable<NpgsqlBatchCommand> All(IReadOnlyList<StoredRow> rows, IReadOnlyList<long> engagementIds)
    {
        var engagements = new List<(long Id, long DocumentId, int Ordinal, Analysis.Facts.ExtractedEvent Event, string Key)>();
        var parties = new List<(long EngagementId, string Key, string Side)>();
        var countries = new List<(long EngagementId, string Value)>();
        var sectors = new List<(long EngagementId, string Value)>();
        var next = 0;
        foreach (var row in rows)
        {
            for (var ordinal = 0; ordinal < row.Packed.Engagements.Count; ordinal++)
            {
                var (e, eventParties) = row.Packed.Engagements[ordinal];
                var id = engagementIds[next++];
                engagements.Add((id, row.Id, ordinal, e, row.Packed.EngagementKeys[ordinal]));
                parties.AddRange(eventParties.Select(p => (id, p.Key, p.Side)));
                countries.AddRange(e.PartnerCountries.Select(c => (id, c)));
                sectors.AddRange(e.Sectors.Select(s => (id, s)));
            }
        }

        yield return BulkStatements.Command(
            """
            INSERT INTO engagements (id, document_id, ordinal, type, date, end_date, place, evidence_start, evidence_end, fact_key)
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::integer[], $9::integer[], $10::text[])
            ORDER BY 1
            """,
            engagements.Select(e => e.Id).ToArray(), engagements.Select(e => e.DocumentId).ToArray(), engagements.Select(e => e.Ordinal).ToArray(),
            engagements.Select(e => e.Event.Type).ToArray(), engagements.Select(e => e.Event.Date).ToArray(), engagements.Select(e => e.Event.EndDate).ToArray(),
            engagements.Select(e => e.Event.Place).ToArray(), engagements.Select(e => e.Event.Evidence.Start).ToArray(),
            engagements.Select(e => e.Event.Evidence.End).ToArray(), engagements.Select(e => e.Key).ToArray());
        yield return BulkStatements.Command(
            """
            INSERT INTO engagement_parties (engagement_id, entity_id, side)
            SELECT p.engagement_id, e.id, p.side
            FROM unnest($1::bigint[], $2::text[], $3::text[]) WITH ORDINALITY AS p (engagement_id, key, side, n)
            JOIN entities e ON e.key = p.key
            ORDER BY p.n
            ON CONFLICT DO NOTHING
            """,
            parties.Select(p => p.EngagementId).ToArray(), parties.Select(p => p.Key).ToArray(), parties.Select(p => p.Side).ToArray());
        yield return BulkStatements.Command(
            "INSERT INTO engagement_countries (engagement_id, country) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING",
            countries.Select(c => c.EngagementId).ToArray(), countries.Select(c => c.Value).ToArray());
        yield return BulkStatements.Command(
            "INSERT INTO engagement_sectors (engagement_id, sector) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING",
            sectors.Select(s => s.EngagementId).ToArray(), sectors.Select(s => s.Value).ToArray());

        var commitments = rows.SelectMany(r => (r.Packed.Document.Facts?.Commitments ?? []).Select((c, ordinal) => (r.Id, Ordinal: ordinal, Commitment: c, Key: r.Packed.CommitmentKeys[ordinal]))).ToList();
        yield return BulkStatements.Command(
            """
            INSERT INTO commitments (document_id, ordinal, what, who, due, start, "end", fact_key)
            SELECT document_id, ordinal, what, who, due, start, "end", fact_key
            FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::integer[], $8::text[]) WITH ORDINALITY
                AS c (document_id, ordinal, what, who, due, start, "end", fact_key, n)
            ORDER BY c.n
            """,
            commitments.Select(c => c.Id).ToArray(), commitments.Select(c => c.Ordinal).ToArray(), commitments.Select(c => c.Commitment.What).ToArray(),
            commitments.Select(c => c.Commitment.Who).ToArray(), commitments.Select(c => c.Commitment.Due).ToArray(),
            commitments.Select(c => c.Commitment.Start).ToArray(), commitments.Select(c => c.Commitment.End).ToArray(), commitments.Select(c => c.Key).ToArray());
    }
}
