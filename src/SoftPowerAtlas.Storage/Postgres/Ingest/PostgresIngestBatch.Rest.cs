using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres.Ingest;

/// <summary>The bulk path's fourth round trip, after the claim lock: every row but the documents', and each input's outcome.</summary>
internal sealed partial class PostgresIngestBatch
{
    /// <summary>Round trip 4: bands, sources, files, entities, aliases, mentions, roles and the facts; returns every input's outcome.</summary>
    private List<IngestOutcome> WriteRest(BulkPlan plan, List<StoredRow> rows, List<StoredRow> kept, Dictionary<string, DocumentMatch> taken, Dictionary<string, long> entityIds, List<long> engagementIds)
    {
        // Where each input's text is stored: its own new row, a stored document, or (skipped) the other writer's.
        DocumentMatch Target(int newIndex) => taken.TryGetValue(rows[newIndex].Packed.Document.ContentHash, out var other)
            ? other
            : new DocumentMatch(rows[newIndex].Id, rows[newIndex].Packed.Document.Source, rows[newIndex].Packed.Document.SimHash, 0);

        var sources = new List<(long DocumentId, string Source, DateTimeOffset AddedAt)>();
        var pairs = new HashSet<(long, string)>();
        var first = new bool[plan.Inputs.Count];
        for (var i = 0; i < plan.Inputs.Count; i++)
        {
            var input = plan.Inputs[i];
            var target = input.Stored ?? Target(input.DuplicateOf ?? input.NewIndex!.Value);
            if (first[i] = pairs.Add((target.DocumentId, input.Source)))
            {
                sources.Add((target.DocumentId, input.Source, input.At));
            }
        }

        var engagementOffset = 0;
        var keptEngagements = new List<long>();
        foreach (var row in rows)
        {
            if (kept.Contains(row))
            {
                keptEngagements.AddRange(engagementIds.Skip(engagementOffset).Take(row.Packed.Engagements.Count));
            }

            engagementOffset += row.Packed.Engagements.Count;
        }

        using var batch = new NpgsqlBatch(_connection, _transaction);
        batch.BatchCommands.Add(BulkStatements.Sources(sources));
        batch.BatchCommands.Add(BulkStatements.SearchVectors(kept));
        batch.BatchCommands.Add(BulkStatements.Bands(kept));
        batch.BatchCommands.Add(BulkStatements.Files(kept));
        foreach (var command in BulkStatements.Entities(Fold(kept), entityIds))
        {
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(BulkStatements.Aliases([.. kept.SelectMany(r => r.Packed.Entities.SelectMany(e => e.Aliases.Select(a => (e.Key, a)))).Distinct()]));
        batch.BatchCommands.Add(BulkStatements.Mentions([.. kept.SelectMany(r => r.Packed.Entities.SelectMany(e => e.Spans.Select(s => (r.Id, e.Key, s.Start, s.End))))]));
        batch.BatchCommands.Add(BulkStatements.Roles([.. kept.SelectMany(r => r.Packed.Roles.Select(role => (r.Id, role)))]));
        foreach (var command in BulkFactStatements.All(kept, keptEngagements))
        {
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(BulkStatements.Facets(kept));
        batch.BatchCommands.Add(BulkStatements.SearchRowsWritten(false));

        var added = new HashSet<(long, string)>();
        using (var reader = batch.ExecuteReader())
        {
            while (reader.Read())
            {
                added.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var outcomes = new List<IngestOutcome>();
        for (var i = 0; i < plan.Inputs.Count; i++)
        {
            var input = plan.Inputs[i];
            if (input.NewIndex is { } n && !taken.ContainsKey(rows[n].Packed.Document.ContentHash))
            {
                var near = plan.New[n].NearStored ?? (plan.New[n].NearIndex is { } j ? Target(j) with { Distance = plan.New[n].NearDistance } : null);
                outcomes.Add(new IngestOutcome(near is null ? IngestStatus.Added : IngestStatus.AddedNearDuplicate, rows[n].Id, near));
                continue;
            }

            var target = input.Stored ?? Target(input.DuplicateOf ?? input.NewIndex!.Value);
            var status = first[i] && added.Contains((target.DocumentId, input.Source)) ? IngestStatus.ExactDuplicate : IngestStatus.AlreadyStored;
            outcomes.Add(new IngestOutcome(status, target.DocumentId, target));
        }

        return outcomes;
    }

    /// <summary>One row per entity key of the batch, as the per-row upserts leave it: the first name, the first country and kind given.</summary>
    private static List<(string Key, string Name, string? Country, string? Kind)> Fold(IEnumerable<StoredRow> rows)
    {
        var folded = new Dictionary<string, (string Key, string Name, string? Country, string? Kind)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in rows.SelectMany(r => r.Packed.Entities))
        {
            if (folded.TryGetValue(e.Key, out var seen))
            {
                folded[e.Key] = seen with { Country = seen.Country ?? e.Country, Kind = seen.Kind ?? e.Kind };
            }
            else
            {
                folded[e.Key] = (e.Key, e.Name, e.Country, e.Kind);
                order.Add(e.Key);
            }
        }

        return [.. order.Select(k => folded[k])];
    }
}
