namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>
/// Whether two reports, from different documents, tell of the same engagement, and how strongly.
/// Their days must meet, allowing one day between a dateline and the event, and one of them must
/// name its days (two months alone say too little); partner countries that differ on both sides
/// make two engagements, whoever took part. Then a party in common decides (keys join Thai and
/// English names of a body the lexicon knows); without one, a partner country or a sector in common
/// and one more agreement (the other of those two, the type or the first day). Rules, not a model:
/// twelve development groups of <c>shared/corpus/linked</c> are too few to learn from, and a wrong
/// merge must be explainable.
/// </summary>
internal static class ReportMatch
{
    /// <summary>Days allowed between two reports' spans: a release dated the day after its event.</summary>
    public const int SlackDays = 1;

    /// <summary>Null when the two are not the same engagement; else a score (higher: surer) to choose among candidates.</summary>
    public static int? Score(ReportSketch a, ReportSketch b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Exact && !b.Exact)
        {
            return null;
        }

        if (a.DayFrom - SlackDays > b.DayTo || b.DayFrom - SlackDays > a.DayTo)
        {
            return null;
        }

        if (a.Countries.Count > 0 && b.Countries.Count > 0 && !a.Countries.Overlaps(b.Countries))
        {
            return null;
        }

        var parties = a.Parties.Count(b.Parties.Contains);
        var content = (a.Countries.Overlaps(b.Countries) ? 1 : 0) + (a.Sectors.Overlaps(b.Sectors) ? 1 : 0);
        var agreeing = content + (a.Type == b.Type ? 1 : 0) + (a.DayFrom == b.DayFrom ? 1 : 0);
        if (parties == 0 && (content == 0 || agreeing < 2))
        {
            return null;
        }

        return (2 * parties) + agreeing;
    }
}
