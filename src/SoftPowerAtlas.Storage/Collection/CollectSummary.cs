namespace SoftPowerAtlas.Storage.Collection;

/// <summary>Counts so far in a collection run, for a progress display.</summary>
public readonly record struct CollectProgress(int SourcesChecked, int Sources, int ItemsDone, int ItemsQueued, int New, int Unchanged, int Failed);

/// <summary>How checking one source went: <see cref="Status"/> is ok, unchanged (304), refused or failed.</summary>
public sealed record SourceCheck(Source Source, string Status, string? Reason, int ItemsListed);

/// <summary>What a run did with one article address.</summary>
public sealed record ItemOutcome(long SourceId, string Url, ItemStatus Status, long? DocumentId, string? Reason);

/// <summary>What one collection run did, source by source and item by item.</summary>
/// <param name="Sources">Each source's check, in source order.</param>
/// <param name="Items">Each article address handled, in the order they were queued.</param>
/// <param name="Deferred">Items left for a later run by <see cref="Collector.MaxItems"/>.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record CollectSummary(IReadOnlyList<SourceCheck> Sources, IReadOnlyList<ItemOutcome> Items, int Deferred, TimeSpan Elapsed)
{
    public int New => Count(ItemStatus.New);

    public int Updated => Count(ItemStatus.Updated);

    /// <summary>Unchanged pages and texts already stored from another address.</summary>
    public int Unchanged => Count(ItemStatus.Unchanged) + Count(ItemStatus.Duplicate);

    /// <summary>Refused and failed items.</summary>
    public int Failed => Count(ItemStatus.Failed) + Count(ItemStatus.Refused);

    public int FailedSources => Sources.Count(s => s.Status is "failed" or "refused");

    private int Count(ItemStatus status) => Items.Count(i => i.Status == status);
}
