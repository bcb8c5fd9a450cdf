using SoftPowerAtlas.Analysis.Duplicates;

namespace SoftPowerAtlas.Storage.Postgres.Ingest;

/// <summary>
/// What a bulk batch decides for its inputs, in order, under the claim lock: each text already stored
/// (in the store, or earlier in the batch) becomes a source of that document; each new one is
/// stored, linked to its nearest near duplicate. The rules are <see cref="IngestBatchExtensions.Ingest"/>'s
/// and <see cref="IngestBatch.FindNear"/>'s: candidates share a SimHash band exactly, the smallest
/// distance within <see cref="Fingerprint.NearDuplicateMaxDistance"/> wins, the lowest id on a tie.
/// </summary>
internal sealed class BulkPlan
{
    private readonly Dictionary<string, DocumentMatch> _stored;
    private readonly List<DocumentMatch> _candidates;
    private readonly Dictionary<string, int> _newByHash = new(StringComparer.Ordinal);

    /// <param name="stored">The stored documents with a content hash of the batch, by hash.</param>
    /// <param name="candidates">Stored documents sharing a band with a new document of the batch.</param>
    public BulkPlan(Dictionary<string, DocumentMatch> stored, IEnumerable<DocumentMatch> candidates)
    {
        _stored = stored;
        _candidates = [.. candidates.OrderBy(c => c.DocumentId)];
    }

    /// <summary>New documents in order; <see cref="NewDocumentPlan.NearIndex"/> points at an earlier one of this list.</summary>
    public List<NewDocumentPlan> New { get; } = [];

    /// <summary>Every input's decision, in input order.</summary>
    public List<InputPlan> Inputs { get; } = [];

    /// <summary>The stored document or earlier new document holding <paramref name="contentHash"/>, if any.</summary>
    public bool IsKnown(string contentHash) => _stored.ContainsKey(contentHash) || _newByHash.ContainsKey(contentHash);

    /// <summary>Stored candidates added after the plan was made (for a text analysed late).</summary>
    public void AddCandidates(IEnumerable<DocumentMatch> candidates)
    {
        _candidates.AddRange(candidates.Where(c => _candidates.All(k => k.DocumentId != c.DocumentId)));
        _candidates.Sort((a, b) => a.DocumentId.CompareTo(b.DocumentId));
    }

    /// <summary>Records an input whose text is stored or earlier in the batch; false when it is neither.</summary>
    public bool TryDuplicate(string source, string contentHash, DateTimeOffset at)
    {
        if (_stored.TryGetValue(contentHash, out var match))
        {
            Inputs.Add(new InputPlan(source, at, match, null, null));
            return true;
        }

        if (_newByHash.TryGetValue(contentHash, out var index))
        {
            Inputs.Add(new InputPlan(source, at, null, index, null));
            return true;
        }

        return false;
    }

    /// <summary>Records a new document and finds its near duplicate.</summary>
    public void AddNew(PackedDocument packed, DateTimeOffset at)
    {
        var simHash = packed.Document.SimHash;
        DocumentMatch? stored = null;
        int? nearIndex = null;
        var best = int.MaxValue;
        foreach (var candidate in _candidates.Where(c => SharesBand(c.SimHash, simHash)))
        {
            var distance = Fingerprint.Distance(simHash, candidate.SimHash);
            if (distance <= Fingerprint.NearDuplicateMaxDistance && distance < best)
            {
                (stored, best) = (candidate with { Distance = distance }, distance);
            }
        }

        // Documents of this batch come after every stored one (higher ids), in batch order.
        for (var i = 0; i < New.Count; i++)
        {
            var distance = Fingerprint.Distance(simHash, New[i].Packed.Document.SimHash);
            if (SharesBand(New[i].Packed.Document.SimHash, simHash) && distance <= Fingerprint.NearDuplicateMaxDistance && distance < best)
            {
                (stored, nearIndex, best) = (null, i, distance);
            }
        }

        _newByHash[packed.Document.ContentHash] = New.Count;
        Inputs.Add(new InputPlan(packed.Document.Source, at, null, null, New.Count));
        New.Add(new NewDocumentPlan(packed, at, stored, nearIndex, nearIndex is null ? 0 : best));
    }

    private static bool SharesBand(ulong a, ulong b)
    {
        for (var band = 0; band < SimHashBands.Count; band++)
        {
            if (SimHashBands.Value(a, band) == SimHashBands.Value(b, band))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A new document of the plan: its near duplicate is a stored document or an earlier new one (by index), or none.</summary>
internal sealed record NewDocumentPlan(PackedDocument Packed, DateTimeOffset At, DocumentMatch? NearStored, int? NearIndex, int NearDistance);

/// <summary>
/// One input: a duplicate of a stored document (<see cref="Stored"/>) or of an earlier new document
/// (<see cref="DuplicateOf"/>, an index into <see cref="BulkPlan.New"/>), or itself new (<see cref="NewIndex"/>).
/// </summary>
internal sealed record InputPlan(string Source, DateTimeOffset At, DocumentMatch? Stored, int? DuplicateOf, int? NewIndex);

/// <summary>
/// Where one bulk batch spent its time: packing before any lock; under the claim lock the duplicate
/// check (<see cref="Claim"/>), the ids and the documents' insert with its search triggers
/// (<see cref="Locked"/> is the three); then every other table, and the curation replay when edits are in force.
/// </summary>
internal readonly record struct BulkTimings(int Documents, TimeSpan Pack, TimeSpan Claim, TimeSpan Ids, TimeSpan Insert, TimeSpan Locked, TimeSpan Rest, TimeSpan Replay);
