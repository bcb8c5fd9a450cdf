namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>The dates of one document and the one chosen as its publication date (null when the page has none).</summary>
public sealed record DocumentDates(IReadOnlyList<DateMention> Mentions, DateMention? Published);
