namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// A stored report another report is compared with: what the two share (counted by the store, from
/// <c>engagement_signs</c>) and what the rule needs of it alone.
/// </summary>
internal sealed record Candidate(long Id, long Document, long Cluster, string Type, int DayFrom, bool Exact, int SharedParties, int SharedCountries, int SharedSectors, int Countries)
{
    /// <summary>The candidate's stable key, when it has one: a report a curator set apart is never joined by the rule.</summary>
    public string? Key { get; init; }

    /// <summary>The candidate <paramref name="other"/> is for <paramref name="own"/>, counted from both sketches (what the store's query counts).</summary>
    public static Candidate Of(ReportSketch other, ReportSketch own)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(own);
        return new Candidate(
            other.Id, 0, other.Cluster, other.Type, other.DayFrom, other.Exact,
            other.Parties.Count(own.Parties.Contains), other.Countries.Count(own.Countries.Contains), other.Sectors.Count(own.Sectors.Contains), other.Countries.Count);
    }
}

/// <summary>
/// Whether two reports, from different documents, tell of the same engagement. They must start within
/// a day of each other (a dateline the day after the event), and one of them must name its days (two
/// months alone say too little); partner countries that differ on both sides make two engagements,
/// whoever took part. Then a party in common decides (keys join Thai and English names of a body the
/// lexicon knows); without one, a partner country or a sector in common and one more agreement (the
/// other of those two, the type or the first day). Rules, not a model: twelve development groups of
/// <c>shared/corpus/linked</c> are too few to learn from, and a wrong merge must be explainable.
/// </summary>
internal static class ReportMatch
{
    /// <summary>Days allowed between two reports' first days: a release dated the day after its event.</summary>
    public const int SlackDays = 1;

    public static bool Matches(ReportSketch own, Candidate other)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(other);
        if ((!own.Exact && !other.Exact) || Math.Abs(own.DayFrom - other.DayFrom) > SlackDays)
        {
            return false;
        }

        if (own.Countries.Count > 0 && other.Countries > 0 && other.SharedCountries == 0)
        {
            return false;
        }

        var content = (other.SharedCountries > 0 ? 1 : 0) + (other.SharedSectors > 0 ? 1 : 0);
        var agreeing = content + (own.Type == other.Type ? 1 : 0) + (own.DayFrom == other.DayFrom ? 1 : 0);
        return other.SharedParties > 0 || (content > 0 && agreeing >= 2);
    }

    /// <summary>
    /// How much a matching candidate agrees with the report: of two in one document (its distinct engagements),
    /// the report joins the stronger only, so one report never makes a document's two engagements one.
    /// </summary>
    public static int Strength(ReportSketch own, Candidate other)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(other);
        return (2 * other.SharedParties) + (other.SharedCountries > 0 ? 1 : 0) + (other.SharedSectors > 0 ? 1 : 0)
            + (own.Type == other.Type ? 1 : 0) + (own.DayFrom == other.DayFrom ? 1 : 0);
    }
}
