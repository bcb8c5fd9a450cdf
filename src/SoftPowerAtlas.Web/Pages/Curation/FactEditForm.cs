using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Pages.Curation;

/// <summary>What the small edit form on a document's fact card shows: the fact's key and its current fields.</summary>
public sealed record FactEditForm(string Key, long DocumentId, bool IsCommitment, string? Type, string? Date, string Sectors, string? What, string? Due)
{
    /// <summary>The form for an engagement card; null when the row has no key (stored before keys existed).</summary>
    public static FactEditForm? For(EngagementRow e, IReadOnlyDictionary<(string Kind, long RowId), string> keys)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(keys);
        return keys.TryGetValue(("engagement", e.Id), out var key)
            ? new FactEditForm(key, e.DocumentId, false, e.Type, e.EndDate is null ? e.Date : $"{e.Date}/{e.EndDate}", string.Join(",", e.Sectors), null, null)
            : null;
    }

    public static FactEditForm? For(CommitmentRow c, IReadOnlyDictionary<(string Kind, long RowId), string> keys)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(keys);
        return keys.TryGetValue(("commitment", c.Id), out var key)
            ? new FactEditForm(key, c.DocumentId, true, null, null, string.Empty, c.What, c.Due)
            : null;
    }
}
