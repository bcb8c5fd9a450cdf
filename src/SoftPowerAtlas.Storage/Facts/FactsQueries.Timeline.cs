using SoftPowerAtlas.Storage.Timeline;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>The light query behind <see cref="FactReader.TimelineKeys"/>: ids, documents, offsets and dates, no text.</summary>
internal sealed partial class FactsQueries
{
    /// <summary>
    /// Every engagement passing the filter's SQL part, and every commitment of a document that could match
    /// (the commitments query's own SQL), with what is needed to test commitments exactly: who, and the
    /// countries, sectors and party keys of each engagement of their documents (when the filter names any).
    /// </summary>
    public (List<TimelineKey> Engagements, List<(TimelineKey Key, string? Who)> Commitments, ILookup<long, (int Start, int End, string[] Countries, string[] Sectors, string[] Parties)> Context) TimelineKeys(FactFilter filter)
    {
        var engagements = new List<TimelineKey>();
        if (filter.WantsEngagements)
        {
            var where = new SqlWhere();
            AddEngagementConditions(where, filter, withDates: true, withTypes: true);
            using var command = Command(
                "SELECT e.id, e.document_id, e.evidence_start, e.evidence_end, e.date, e.end_date, coalesce(l.cluster_id, e.id) FROM engagements e LEFT JOIN engagement_links l ON l.engagement_id = e.id WHERE " + where.Sql,
                where);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                engagements.Add(new TimelineKey("engagement", reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), FactDate.FromColumns(reader.GetNullableString(4), reader.GetNullableString(5)))
                {
                    Cluster = reader.GetInt64(6),
                });
            }
        }

        var commitments = new List<(TimelineKey, string?)>();
        var context = Enumerable.Empty<(long, (int, int, string[], string[], string[]))>().ToLookup(x => x.Item1, x => x.Item2);
        if (!filter.WantsCommitments)
        {
            return (engagements, commitments, context);
        }

        var candidates = CommitmentWhere(filter);
        using (var command = Command("SELECT c.id, c.document_id, c.start, c.\"end\", c.due, c.who FROM commitments c WHERE " + candidates.Sql, candidates))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var due = reader.GetNullableString(4) is { } d && FactDate.Parse(d) is { Error: null } parsed ? parsed.Value : (FactDate?)null;
                commitments.Add((new TimelineKey("commitment", reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), due), reader.GetNullableString(5)));
            }
        }

        if (commitments.Count > 0 && (filter.Countries.Count > 0 || filter.Sectors.Count > 0 || filter.Entities.Count > 0))
        {
            // The engagements of those documents, then their countries, sectors and parties (one plain query each: the same SQL on both engines).
            var around = new SqlWhere(candidates);
            around.Add("e.document_id IN (SELECT c.document_id FROM commitments c WHERE " + candidates.Sql + ")");
            var spans = new List<(long Id, long Document, int Start, int End)>();
            using (var command = Command("SELECT e.id, e.document_id, e.evidence_start, e.evidence_end FROM engagements e WHERE " + around.Sql, around))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    spans.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3)));
                }
            }

            var countries = Values("SELECT x.engagement_id, x.country FROM engagement_countries x JOIN engagements e ON e.id = x.engagement_id WHERE " + around.Sql, around);
            var sectors = Values("SELECT x.engagement_id, x.sector FROM engagement_sectors x JOIN engagements e ON e.id = x.engagement_id WHERE " + around.Sql, around);
            var parties = Values("SELECT x.engagement_id, n.key FROM engagement_parties x JOIN entities n ON n.id = x.entity_id JOIN engagements e ON e.id = x.engagement_id WHERE " + around.Sql, around);
            context = spans.ToLookup(
                r => r.Document,
                r => (r.Start, r.End, countries[r.Id].ToArray(), sectors[r.Id].ToArray(), parties[r.Id].ToArray()));
        }

        return (engagements, commitments, context);
    }

    private ILookup<long, string> Values(string sql, SqlWhere parameters)
    {
        var rows = new List<(long Engagement, string Value)>();
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows.ToLookup(r => r.Engagement, r => r.Value);
    }
}
