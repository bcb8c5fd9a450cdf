using SoftPowerAtlas.Storage.Curation;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// What curators decided about which reports are one engagement, by stable keys, as resolution reads it:
/// reports set apart (<c>engagement.separate</c>: never joined by the rule) and pairs joined
/// (<c>engagement.join</c>: one engagement whatever the rule says), each while its event is in force.
/// </summary>
internal sealed class LinkCuration
{
    private readonly HashSet<string> _apart = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<(string Other, long Event)>> _joined = new(StringComparer.Ordinal);

    public static LinkCuration Read(CurationSql sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var curation = new LinkCuration();
        var rows = sql.Rows(
            "SELECT id, kind, target, after_json FROM curation_events WHERE kind IN (@apart, @join) AND undone_by IS NULL ORDER BY id",
            r => (Id: r.GetInt64(0), Kind: r.GetString(1), Target: r.GetString(2), After: r.GetNullableString(3)),
            ("@apart", CurationKinds.EngagementSeparate), ("@join", CurationKinds.EngagementJoin));
        foreach (var (id, kind, target, after) in rows)
        {
            var key = CurationTargets.KeyOf(target);
            if (kind == CurationKinds.EngagementSeparate)
            {
                curation._apart.Add(key);
            }
            else if (CurationLog.Json(after)?["with"]?.GetValue<string>() is { } other)
            {
                curation.Join(key, other, id);
                curation.Join(other, key, id);
            }
        }

        return curation;
    }

    public bool IsApart(string? key) => key is not null && _apart.Contains(key);

    /// <summary>The reports a curator joined to <paramref name="key"/>.</summary>
    public IEnumerable<string> JoinedWith(string? key) => Joins(key).Select(j => j.Other);

    /// <summary>The curators' joins of <paramref name="key"/> in force: the other report and the event.</summary>
    public IReadOnlyList<(string Other, long Event)> Joins(string? key) => key is not null && _joined.TryGetValue(key, out var joins) ? joins : [];

    private void Join(string key, string other, long id)
    {
        if (!_joined.TryGetValue(key, out var list))
        {
            _joined[key] = list = [];
        }

        list.Add((other, id));
    }
}
