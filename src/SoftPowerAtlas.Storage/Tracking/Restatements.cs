using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Tracking;

/// <summary>
/// Commitments that restate another document's (issue 25, point 2): a translation or a copy of a release
/// (<see cref="FactReader.Originals"/>) states the release's promises again, and a promise is one promise however
/// many versions carry it. Of the commitments due on one day across the versions of one release, the original's
/// are listed; another version's commitment due that day is a restatement of the original's first one, named beside
/// it, not a second item. A version's commitment the original does not state (due on another day, or the original
/// has none) is its own.
/// </summary>
public static class Restatements
{
    /// <summary>Versions of versions are followed this far to their first original (a chain is one release).</summary>
    private const int MaxDepth = 8;

    /// <summary>Each restating commitment's id, with the commitment it restates.</summary>
    public static IReadOnlyDictionary<long, CommitmentFact> Find(
        IReadOnlyCollection<CommitmentFact> commitments, IReadOnlyDictionary<long, (long Original, string Kind)> originals)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(originals);
        var restated = new Dictionary<long, CommitmentFact>();
        if (originals.Count == 0)
        {
            return restated;
        }

        var groups = commitments
            .Where(c => c.Due?.DueBy is not null)
            .GroupBy(c => (Release: Root(c.Source.DocumentId, originals), Due: c.Due!.Value.DueBy!.Value));
        foreach (var group in groups)
        {
            var ordered = group
                .OrderBy(c => c.Source.DocumentId == group.Key.Release ? 0 : 1)
                .ThenBy(c => c.Source.DocumentId)
                .ThenBy(c => c.Source.Start)
                .ToList();
            var kept = ordered[0];
            foreach (var c in ordered.Skip(1).Where(c => c.Source.DocumentId != kept.Source.DocumentId))
            {
                restated[c.Id] = kept;
            }
        }

        return restated;
    }

    /// <summary>Marks each item that restates another (<see cref="DueItem.Restates"/>) and names the restatements beside the item they restate.</summary>
    public static IReadOnlyList<DueItem> Apply(IReadOnlyList<DueItem> items, IReadOnlyDictionary<long, CommitmentFact> restated)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(restated);
        if (restated.Count == 0)
        {
            return items;
        }

        var also = items.Where(i => restated.ContainsKey(i.Commitment.Id))
            .ToLookup(i => restated[i.Commitment.Id].Id, i => i.Commitment);
        return [.. items.Select(i => i with
        {
            Restates = restated.GetValueOrDefault(i.Commitment.Id),
            AlsoStatedIn = [.. also[i.Commitment.Id]],
        })];
    }

    private static long Root(long document, IReadOnlyDictionary<long, (long Original, string Kind)> originals)
    {
        for (var depth = 0; depth < MaxDepth && originals.TryGetValue(document, out var up); depth++)
        {
            document = up.Original;
        }

        return document;
    }
}
