using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// What an agreement binds its parties to: the items of a list that sets out its terms ("What the MOU
/// covers:", "บันทึกความเข้าใจฯ ครอบคลุม ดังนี้") are undertakings of the signatories, each due on the
/// date it gives; a term counted from the signing ("4 ปี นับตั้งแต่วันที่ลงนาม") runs until the signing
/// date plus that time.
/// </summary>
internal sealed class AgreementTerms(PhraseCounter<EngagementType> events, ClauseSplitter clauses)
{
    private readonly PhraseCounter<EngagementType> _events = events;
    private readonly ClauseSplitter _clauses = clauses;

    public void Add(ExtractionInput input, IReadOnlyList<Engagement> engagements, List<Commitment> result)
    {
        var text = input.Text;
        var paragraphs = input.Paragraphs;
        for (var p = 1; p < paragraphs.Count; p++)
        {
            var item = paragraphs[p].Span;
            var lastItem = !IsListItem(text, item) && IsListItem(text, paragraphs[p - 1].Span) && item.Length <= 200
                && !(p + 1 < paragraphs.Count && IsListItem(text, paragraphs[p + 1].Span));
            if (!(IsListItem(text, item) || lastItem) || result.Any(c => item.Covers(c.Passage) || c.Passage.Covers(item)))
            {
                continue;
            }

            var intro = p - 1;
            while (intro > 0 && IsListItem(text, paragraphs[intro].Span))
            {
                intro--;
            }

            var introSpan = paragraphs[intro].Span;
            if (!_events.Count(text, introSpan.Start, introSpan.End, null, input.IsBoundary).ContainsKey(EngagementType.MouSigning))
            {
                continue;
            }

            var due = input.DatesCoveredBy(item).FirstOrDefault(d => Undertakings.IsDueCandidate(d) && !Undertakings.IsPast(input, d));
            if (due is null && input.DatesCoveredBy(item).Any(Undertakings.IsDueCandidate))
            {
                continue;
            }

            var body = TrimListMark(text, item);
            result.Add(new Commitment(Undertakings.What(text, body), Signatories(engagements), due, body) { DueValue = Undertakings.DueValue(due) });
        }

        var signed = engagements.FirstOrDefault(e => e.Type == EngagementType.MouSigning && e.Date is { } d && d.Value.Granularity >= DateGranularity.Day);
        foreach (var term in input.Dates.Where(d => d.Duration is { } length && signed is not null && FromSigning(text, d)))
        {
            var (amount, unit) = term.Duration!.Value;
            var start = signed!.Date!.Value.StartDate;
            var end = unit switch
            {
                DateUnit.Day => start.AddDays(amount),
                DateUnit.Week => start.AddDays(7 * amount),
                DateUnit.Month => start.AddMonths(amount),
                _ => start.AddYears(amount),
            };
            var sentence = input.SentenceAt(term.Span.Start);
            var clause = _clauses.Split(text, sentence).FirstOrDefault(c => c.Covers(term.Span));
            clause = clause.IsEmpty ? sentence : clause;
            var due = term with { Value = DateValue.OfDay(end), End = null, ResolvedAgainst = start };
            result.Add(new Commitment(Undertakings.What(text, clause), Signatories(engagements), due, clause) { DueValue = Undertakings.DueValue(due) });
        }
    }

    /// <summary>The parties of the document's signing: its first Thai and first foreign body, joined with "; ".</summary>
    private static string? Signatories(IReadOnlyList<Engagement> engagements)
    {
        var signing = engagements.FirstOrDefault(e => e.Type == EngagementType.MouSigning);
        if (signing is null)
        {
            return null;
        }

        string[] parties = [.. new[] { signing.ThaiSide.FirstOrDefault()?.Name, signing.ForeignSide.FirstOrDefault()?.Name }.OfType<string>()];
        return parties.Length == 0 ? null : string.Join("; ", parties);
    }

    private static bool FromSigning(string text, DateMention d)
    {
        var around = text.AsSpan(d.Span.Start, Math.Min(text.Length - d.Span.Start, d.Span.Length + 40));
        return around.Contains("ลงนาม", StringComparison.Ordinal) || around.Contains("signing", StringComparison.OrdinalIgnoreCase) || around.Contains("signed", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A paragraph that is an item of a list: "- ", "• ", "1.", "(1)", or one ending with a semicolon (a Markdown list loses its marks).</summary>
    private static bool IsListItem(string text, TextSpan paragraph)
    {
        var s = text.AsSpan(paragraph.Start, paragraph.Length).Trim();
        return s.EndsWith(';') || s.EndsWith("; and", StringComparison.Ordinal) || s.StartsWith("- ", StringComparison.Ordinal) || s.StartsWith("• ", StringComparison.Ordinal) || s.StartsWith("* ", StringComparison.Ordinal)
            || (s.Length > 2 && char.IsDigit(s[0]) && s[1] is '.' or ')') || (s.Length > 3 && s[0] == '(' && char.IsDigit(s[1]) && s[2] == ')');
    }

    private static TextSpan TrimListMark(string text, TextSpan item)
    {
        var start = item.Start;
        while (start < item.End && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '•' or '*' or '(' or ')' or '.' || char.IsDigit(text[start])))
        {
            start++;
        }

        var end = item.End;
        while (end > start && text[end - 1] is ';' or '.' or ' ')
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
