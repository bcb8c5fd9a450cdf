using System.Globalization;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Watches;

/// <summary>How the watch pages say a watch's kind, its target and a moment, in the reader's language.</summary>
public static class WatchText
{
    /// <summary>A moment as Bangkok time: <c>29 พ.ค. 2567 14:05 น.</c>, <c>29 May 2024 14:05</c>.</summary>
    public static string Moment(DateTimeOffset at, UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var local = at.ToOffset(CommitmentTracker.BangkokOffset);
        return text.Day(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture) + (text.IsThai ? " น." : string.Empty);
    }

    /// <summary>The kind as a label: ค้นหาที่บันทึกไว้ / saved search, หน่วยงานหรือบุคคล / entity…</summary>
    public static string Kind(WatchKind kind, UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["watch.kind." + kind.Text()];
    }

    /// <summary>The target as the reader knows it: the query, the country or sector name, the entity key.</summary>
    public static string Target(Watch watch, UiText text)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(text);
        return watch.Kind switch
        {
            WatchKind.Country => text.Country(watch.Target),
            WatchKind.Sector => text.Sector(watch.Target),
            _ => watch.Target,
        };
    }
}
