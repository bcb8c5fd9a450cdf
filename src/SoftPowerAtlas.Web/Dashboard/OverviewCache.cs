using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Dashboard;

/// <summary>
/// The dashboard's counts (whole-table aggregates) computed once and kept until the store changes:
/// each request only reads <see cref="AtlasReader.DataStamp"/>. Thread-safe.
/// </summary>
public sealed class OverviewCache(AtlasReader reader)
{
    private readonly Lock _refresh = new();
    private (string Stamp, AtlasOverview Overview)? _current;

    public AtlasOverview Get()
    {
        var stamp = reader.DataStamp();
        if (_current is { } current && current.Stamp == stamp)
        {
            return current.Overview;
        }

        lock (_refresh)
        {
            if (_current is { } other && other.Stamp == stamp)
            {
                return other.Overview;
            }

            var overview = reader.Overview();
            _current = (stamp, overview);
            return overview;
        }
    }
}
