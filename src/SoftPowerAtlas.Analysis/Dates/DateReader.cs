namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Finds the dates in a text as Thai and English writers write them (Buddhist Era years, Thai
/// month names and their misspellings, ranges, lists, fiscal years, quarters, relative words and
/// weekdays, days whose year the text gives elsewhere or not at all) with their spans and Gregorian
/// values. Pure and thread-safe; share one instance.
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
    /// publication date) resolves relative words and weekdays and gives days written without a year
    /// theirs; without it a relative word has no value, and a day whose year the text does not give is
    /// written --MM-DD.
    /// </summary>
    public IReadOnlyList<DateMention> Find(string text, DateOnly? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Resolve(text, Scan(text), anchor is { } a ? DateValue.OfDay(a) : null);
    }

    /// <summary>
    /// Reads a whole document: finds its dates, chooses the publication date (the front-matter one
    /// when given, else one from the page header, byline or dateline) and resolves the text against it.
    /// </summary>
    public DocumentDates Read(string text, DateMention? frontMatter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanned = Scan(text);
        var given = frontMatter is { HasValue: true, Value.HasYear: true } ? frontMatter.Value.WithoutTime() : (DateValue?)null;
        var chosen = PublicationDate.Choose(text, Resolve(text, scanned, given), frontMatter);
        if (chosen.Published is { } published && published.Value.WithoutTime() is var anchor && anchor != given)
        {
            // The stamp found in the text (or a day the text gives a month stamp) dates everything else.
            chosen = PublicationDate.Choose(text, Resolve(text, scanned, anchor), frontMatter);
        }

        return chosen;
    }

    private List<DateCandidate> Scan(string text) => DateResolver.SelectLongest(text, _scanner.Scan(text));

    private List<DateMention> Resolve(string text, List<DateCandidate> scanned, DateValue? anchor)
    {
        var candidates = scanned.ConvertAll(c => c.Clone());
        var roles = new DateRole[candidates.Count];
        var previousEnd = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            roles[i] = _roles.Assign(text, candidates[i], previousEnd);
            previousEnd = candidates[i].End;
        }

        DateYears.Infer(text, candidates, roles, anchor);
        var textYear = anchor is null ? DateYears.TextYear(candidates, roles) : null;
        var mentions = new List<DateMention>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (DateResolver.ToMention(text, candidates[i], anchor, textYear) is { } mention)
            {
                mentions.Add(mention with { Role = roles[i] });
            }
        }

        // "วันนี้ (28 ก.พ.)", "yesterday (Tuesday, 15 March)": the day in brackets is the day the word means.
        // The candidate of each start is looked up, not searched for: a page of one long line has thousands of day words.
        Dictionary<int, DateCandidate>? byStart = null;
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (word, date) = (mentions[i], mentions[i + 1]);
            if (word.IsRelative && word.Duration is null && FirstAt(candidates, ref byStart, word.Span.Start) is { Unit: DateUnit.Day }
                && !date.IsRelative && date.HasValue && date.Value.HasYear && date.End is null && IsBracketed(text, word.Span.End, date.Span.Start))
            {
                mentions[i] = word with { Value = date.Value.WithoutTime(), ResolvedAgainst = null };
            }
        }

        return mentions;
    }

    /// <summary>The first candidate that starts at <paramref name="start"/>, as <c>candidates.Find</c> gives it; the index is built on first use.</summary>
    private static DateCandidate? FirstAt(List<DateCandidate> candidates, ref Dictionary<int, DateCandidate>? byStart, int start)
    {
        if (byStart is null)
        {
            byStart = new Dictionary<int, DateCandidate>(candidates.Count);
            foreach (var c in candidates)
            {
                byStart.TryAdd(c.Start, c);
            }
        }

        return byStart.GetValueOrDefault(start);
    }

    private static bool IsBracketed(string text, int wordEnd, int dateStart) =>
        dateStart >= wordEnd && dateStart - wordEnd <= 4 && text.AsSpan(wordEnd, dateStart - wordEnd).Trim() is "(";
}
