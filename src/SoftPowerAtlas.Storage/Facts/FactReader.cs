using SoftPowerAtlas.Storage.Timeline;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>
/// Reads stored engagements and commitments with their parties, countries, sectors, passage and
/// source, filtered by a <see cref="FactFilter"/>. The one entry point timelines, due lists, reports
/// and exports share (and the web application will call), on either store. Thread-safe; each call
/// reads one snapshot.
/// </summary>
public sealed class FactReader(IAtlasStore store)
{
    public IAtlasStore Store => store;

    /// <summary>Engagements matching the filter, in row order (dated or not; an undated one never matches a period).</summary>
    public IReadOnlyList<EngagementFact> Engagements(FactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.WantsEngagements)
        {
            return [];
        }

        return store.Read((_, transaction) => new FactsQueries(transaction).Engagements(filter))
            .Where(e => !filter.HasDates || e.Date is { } d && d.Overlaps(filter.From, filter.To))
            .ToList();
    }

    /// <summary>Commitments matching the filter; with a period, those whose due date overlaps it.</summary>
    public IReadOnlyList<CommitmentFact> Commitments(FactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.WantsCommitments)
        {
            return [];
        }

        return store.Read((_, transaction) =>
        {
            var queries = new FactsQueries(transaction);
            var names = queries.NamesOf(filter.Entities);
            return queries.Commitments(filter).Where(c => Matches(c, filter, names)).ToList();
        });
    }

    /// <summary>
    /// The reports of each of these engagements (issue 25): every stored engagement, in any document, resolved
    /// as the same one, the engagement itself among them, keyed by <see cref="EngagementFact.Cluster"/>.
    /// </summary>
    public IReadOnlyDictionary<long, IReadOnlyList<EngagementFact>> Reports(IEnumerable<EngagementFact> engagements)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        var clusters = engagements.Select(e => e.Cluster).Distinct().ToList();
        return store.Read((_, transaction) =>
        {
            var queries = new FactsQueries(transaction);
            return clusters.Chunk(ReportsPerQuery)
                .SelectMany(chunk => queries.Reports(chunk))
                .GroupBy(e => e.Cluster)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementFact>)[.. g.OrderBy(e => e.Id)]);
        });
    }

    /// <summary>The publication date of each of these documents that gives one, as the span of days it names.</summary>
    public IReadOnlyDictionary<long, FactDate> Published(IEnumerable<long> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = documents.Distinct().ToList();
        return store.Read((_, transaction) =>
        {
            var queries = new FactsQueries(transaction);
            return ids.Chunk(ReportsPerQuery)
                .SelectMany(chunk => queries.Published(chunk))
                .Select(p => (p.Key, Date: FactDate.FromColumns(p.Value, null)))
                .Where(p => p.Date is { HasYear: true })
                .ToDictionary(p => p.Key, p => p.Date!.Value);
        });
    }

    /// <summary>The original each of these documents is a version of (a translation, an edited copy, a near duplicate), for those that are one.</summary>
    public IReadOnlyDictionary<long, (long Original, string Kind)> Originals(IEnumerable<long> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = documents.Distinct().ToList();
        return store.Read((_, transaction) =>
        {
            var queries = new FactsQueries(transaction);
            return ids.Chunk(ReportsPerQuery)
                .SelectMany(chunk => queries.Originals(chunk))
                .ToDictionary(p => p.Key, p => p.Value);
        });
    }

    /// <summary>These documents with the other versions of their releases: the originals they translate or copy, and their translations, copies and near duplicates.</summary>
    public IReadOnlyList<long> Related(IEnumerable<long> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = documents.Distinct().ToList();
        return store.Read((_, transaction) =>
        {
            var queries = new FactsQueries(transaction);
            return ids.Chunk(ReportsPerQuery).SelectMany(chunk => queries.Related(chunk)).Concat(ids).Distinct().Order().ToList();
        });
    }

    /// <summary>Clusters read by one query: their ids are bound twice, well under either engine's parameter limit.</summary>
    private const int ReportsPerQuery = 1000;

    /// <summary>Engagements and commitments together (one snapshot each).</summary>
    public (IReadOnlyList<EngagementFact> Engagements, IReadOnlyList<CommitmentFact> Commitments) Read(FactFilter filter) =>
        (Engagements(filter), Commitments(filter));

    /// <summary>
    /// The lines <see cref="Engagements"/> and <see cref="Commitments"/> give for the filter, as keys in
    /// timeline order (an engagement reported by several documents once, at its first report), read without any document text: a large timeline is paged on these, and a page read
    /// in full with a filter on its <see cref="FactFilter.Documents"/>.
    /// </summary>
    public IReadOnlyList<TimelineKey> TimelineKeys(FactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (engagements, commitments, context, names) = store.Read((_, transaction) =>
        {
            var queries = new FactsQueries(transaction);
            var (e, c, around) = queries.TimelineKeys(filter);
            return (e, c, around, queries.NamesOf(filter.Entities));
        });
        var keys = engagements.Where(e => !filter.HasDates || e.Date is { } d && d.Overlaps(filter.From, filter.To)).ToList();
        var byContext = filter.Countries.Count > 0 || filter.Sectors.Count > 0 || filter.Entities.Count > 0;
        foreach (var (c, who) in commitments)
        {
            if (filter.HasDates && (c.Date is not { } due || !due.Overlaps(filter.From, filter.To)))
            {
                continue;
            }

            if (byContext)
            {
                // As Commitments does: the engagements whose passage overlaps the sentence, else all of the document's.
                var all = context[c.DocumentId].ToList();
                var overlapping = all.Where(e => e.Start < c.End && e.End > c.Start).ToList();
                var around = overlapping.Count > 0 ? overlapping : all;
                if ((filter.Countries.Count > 0 && !around.Any(e => e.Countries.Any(filter.Countries.Contains)))
                    || (filter.Sectors.Count > 0 && !around.Any(e => e.Sectors.Any(filter.Sectors.Contains)))
                    || (filter.Entities.Count > 0 && !(who is not null && names.Contains(who)) && !around.Any(e => e.Parties.Any(filter.Entities.Contains))))
                {
                    continue;
                }
            }

            keys.Add(c);
        }

        var seen = new HashSet<long>();
        return [.. TimelineBuilder.Order(keys).Where(k => k.Kind != "engagement" || seen.Add(k.Cluster))]; // each engagement once, at its first report
    }

    private static bool Matches(CommitmentFact c, FactFilter filter, HashSet<string> entityNames)
    {
        if (filter.HasDates && (c.Due is not { } due || !due.Overlaps(filter.From, filter.To)))
        {
            return false;
        }

        if (filter.Countries.Count > 0 && !c.Countries.Any(filter.Countries.Contains))
        {
            return false;
        }

        if (filter.Sectors.Count > 0 && !c.Sectors.Any(filter.Sectors.Contains))
        {
            return false;
        }

        return filter.Entities.Count == 0
            || (c.Who is not null && entityNames.Contains(c.Who))
            || c.Parties.Any(p => filter.Entities.Contains(p.Key));
    }
}
