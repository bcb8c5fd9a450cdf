using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>What a version is of its original.</summary>
public static class VersionKinds
{
    /// <summary>The same release in another language (the agency's Thai release and its English one).</summary>
    public const string Translation = "translation";

    /// <summary>The same release republished in the same language with edits (a near duplicate is linked by <c>documents.near_duplicate_of</c> instead).</summary>
    public const string Copy = "copy";
}

/// <summary>
/// Recognises a document as a version of one release another stored document carries (issue 25, point 2): a
/// translation, or a copy another site republished with edits. Two reports of one engagement (the same
/// cluster) are versions of one text when they were published within <see cref="MaxPublishedDays"/> days
/// of each other and state the same numbers (<see cref="ContentNumbers"/>: at least <see cref="MinShared"/>
/// shared, <see cref="MinSimilarity"/> of all): a translation keeps every day, year, count and amount of its
/// release, where another outlet's story of the same signing keeps the date and a few more. Rules, not a model:
/// the linked corpus has reports of one engagement in Thai and English by different outlets and no translation
/// pair, so the thresholds are set where none of its 27 pairs of reports sharing an engagement is taken for a
/// version (the pair most alike shares 4 of 9 numbers): a missed version costs a restated commitment listed
/// twice, a wrong one would hide a second source. <see cref="EngagementResolver"/> applies it to each document it resolves.
/// </summary>
internal static class DocumentVersions
{
    public const int MinShared = 5;

    public const double MinSimilarity = 0.6;

    public const int MaxPublishedDays = 7;

    /// <summary>Other documents compared per document, at most: one earlier report of the release is enough, and a cluster of thousands must not cost thousands of reads.</summary>
    public const int MaxCandidates = 8;

    /// <summary>Whether two documents' numbers say they are versions of one text.</summary>
    public static bool SameNumbers(int shared, double similarity) => shared >= MinShared && similarity >= MinSimilarity;

    /// <summary>Both publication dates known and their days within <see cref="MaxPublishedDays"/>; or either unknown (a page without a stamp).</summary>
    public static bool PublishedClose(string? a, string? b)
    {
        if (FactDate.FromColumns(a, null) is not { HasYear: true } x || FactDate.FromColumns(b, null) is not { HasYear: true } y)
        {
            return true;
        }

        return x.Start.DayNumber - MaxPublishedDays <= y.End.DayNumber && y.Start.DayNumber - MaxPublishedDays <= x.End.DayNumber;
    }
}
