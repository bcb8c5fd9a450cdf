using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// What resolution compares of one stored engagement: its days, type and the keys of its parties,
/// partner countries and sectors. <see cref="Cluster"/> is the cluster it has joined (its own id until then).
/// </summary>
internal sealed record ReportSketch(long Id, long Cluster, string Type, int DayFrom, int DayTo, bool Exact)
{
    /// <summary>The longest span of days an engagement may cover and still be resolved: a festival of two months, not a year.</summary>
    public const int MaxSpanDays = 62;

    /// <summary>The engagement's stable key (what curation names it by), when it has one.</summary>
    public string? Key { get; init; }

    public HashSet<string> Parties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Sectors { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// At most this many signs per engagement are stored and looked up: a candidate query is one seek per sign
    /// (SQLite allows 500 terms in a compound query), and an engagement listing hundreds of parties is a roster, not a meeting.
    /// </summary>
    public const int MaxSigns = 64;

    /// <summary>What another report of it must share at least one of: its party keys, partner countries and sectors, prefixed by kind (countries and sectors first, then parties in key order, <see cref="MaxSigns"/> in all).</summary>
    public List<string> Signs() =>
        [.. Countries.Order(StringComparer.Ordinal).Select(c => "c:" + c)
            .Concat(Sectors.Order(StringComparer.Ordinal).Select(s => "s:" + s))
            .Concat(Parties.Order(StringComparer.Ordinal).Select(p => "p:" + p))
            .Take(MaxSigns)];

    /// <summary>
    /// The days a stored date covers, when resolution can use it: a year known, at most
    /// <see cref="MaxSpanDays"/> days long; exact when it names days (not a month alone).
    /// </summary>
    public static (int From, int To, bool Exact)? DaysOf(FactDate? date)
    {
        if (date is not { HasYear: true } d || d.End.DayNumber - d.Start.DayNumber > MaxSpanDays)
        {
            return null;
        }

        var exact = d.Precision is DatePrecision.Day or DatePrecision.Time;
        return (d.Start.DayNumber, d.End.DayNumber, exact);
    }
}
