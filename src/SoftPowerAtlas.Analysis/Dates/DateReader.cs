namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Finds the dates in a text as Thai and English writers write them (Buddhist Era years, Thai
/// month names and their misspellings, ranges, lists sharing one year, fiscal years, relative
/// words) with their spans and Gregorian values. Pure and thread-safe; share one instance.
/// </summary>
public sealed class DateReader
{
    private readonly DateScanner _scanner;
    private readonly DateRoles _roles;

    private DateReader(DateScanner scanner, DateRoles roles)
    {
        _scanner = scanner;
        _roles = roles;
    }

    public static DateReader Default { get; } = new(DateScanner.Default, DateRoles.Default);

    /// <summary>
    /// Every date mention in <paramref name="text"/>, in text order. <paramref name="anchor"/> (the
    /// publication date) resolves relative words and days written without a year; without it they
    /// are reported without a value.
    /// </summary>
    public IReadOnlyList<DateMention> Find(string text, DateOnly? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = DateResolver.SelectLongest(_scanner.Scan(text));
        DateResolver.ShareYears(text, candidates, anchor);
        var mentions = new DateMention[candidates.Count];
        var previousEnd = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            mentions[i] = DateResolver.ToMention(text, c, anchor) with { Role = _roles.Assign(text, c, previousEnd) };
            previousEnd = c.End;
        }

        return mentions;
    }

    /// <summary>
    /// Reads a whole document: finds its dates, chooses the publication date (the front-matter one
    /// when given, else one from the page header or byline) and resolves relative words against it.
    /// </summary>
    public DocumentDates Read(string text, DateMention? frontMatter = null)
    {
        var anchor = frontMatter is { HasValue: true } ? frontMatter.Value.StartDate : (DateOnly?)null;
        var mentions = Find(text, anchor);
        var chosen = PublicationDate.Choose(text, mentions, frontMatter);
        if (anchor is null && chosen.Published is { } published && mentions.Any(m => m.IsRelative || !m.HasValue))
        {
            chosen = PublicationDate.Choose(text, Find(text, published.Value.StartDate), frontMatter);
        }

        return chosen;
    }
}
