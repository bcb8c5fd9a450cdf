using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Finds promises and plans: a date that follows a word of intent (จะ, ตั้งเป้า, คาดว่าจะ, will,
/// agreed to…) in the same sentence, or a deadline (ภายในปี…, by …), makes a commitment due then;
/// a sentence of intent without a date is a commitment with no due date.
/// </summary>
internal sealed class CommitmentExtractor
{
    private const int Reach = 110;
    private const int MaxUndated = 12;
    private static readonly string[] PastMarkers = ["เมื่อ", "ไปแล้ว", "ที่ผ่านมา", "last", "ago", "since", "during"];
    private static readonly string[] StrongMarkers = ["จะ", "เตรียม", "ตั้งเป้า", "will", "agreed", "came to terms", "plan"];
    private readonly PhraseCounter<bool> _markers;

    public CommitmentExtractor()
    {
        _markers = new PhraseCounter<bool>(EmbeddedWordList.Rows("Engagements/Data/commitment-markers.tsv").Select(r => (r[1], true, 1)));
    }

    public IReadOnlyList<Commitment> Extract(ExtractionInput input, IReadOnlyList<Engagement> engagements)
    {
        var text = input.Text;
        var result = new List<Commitment>();
        var usedSentences = new HashSet<TextSpan>();
        var leadOrg = engagements.SelectMany(e => e.ThaiSide).Select(o => o.Name).FirstOrDefault();

        foreach (var date in input.Dates)
        {
            if (date.Error is not null || date.Role is DateRole.Name or DateRole.Publication or DateRole.Period || date.Span.IsEmpty
                || date.Duration is not null || IsPast(text, date, input.Published))
            {
                continue;
            }

            var sentence = input.SentenceAt(date.Span.Start);
            var from = Math.Max(sentence.Start, date.Span.Start - Reach);
            var hasMarker = _markers.Count(text, from, date.Span.Start).Count > 0;
            if (!hasMarker && date.Role != DateRole.Deadline)
            {
                continue;
            }

            if (input.Published is null && date.Role != DateRole.Deadline && !date.IsFiscalYear && date.Value.Granularity != DateGranularity.Year)
            {
                // Without a publication date we cannot tell a plan from a report; only clear deadlines count.
                if (!NearStrongMarker(text, from, date.Span.Start))
                {
                    continue;
                }
            }

            usedSentences.Add(sentence);
            result.Add(new Commitment(Clause(text, sentence, date.Span), Who(input, sentence, date.Span.Start) ?? leadOrg, date, sentence));
        }

        foreach (var sentence in input.Sentences)
        {
            if (result.Count >= MaxUndated + usedSentences.Count || usedSentences.Contains(sentence) || !NearStrongMarker(text, sentence.Start, sentence.End))
            {
                continue;
            }

            result.Add(new Commitment(Clause(text, sentence, null), Who(input, sentence, sentence.End) ?? leadOrg, null, sentence));
        }

        return result;
    }

    private static bool IsPast(string text, DateMention date, DateOnly? published)
    {
        var before = text.AsSpan(Math.Max(0, date.Span.Start - 14), Math.Min(14, date.Span.Start));
        foreach (var m in PastMarkers)
        {
            if (before.Contains(m, StringComparison.OrdinalIgnoreCase))
            {
                return date.Role != DateRole.Deadline;
            }
        }

        if (date.IsRelative && date.Text.Contains("last", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (published is { } p && date.Role != DateRole.Deadline && !date.IsFiscalYear)
        {
            var end = (date.End ?? date.Value).EndDate;
            return end <= p;
        }

        return false;
    }

    private static bool NearStrongMarker(string text, int from, int to)
    {
        var span = text.AsSpan(from, to - from);
        foreach (var m in StrongMarkers)
        {
            var at = span.IndexOf(m, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (m[0] > '\u0E00' || at == 0 || !char.IsLetter(span[at - 1])) && (at + m.Length >= span.Length || !char.IsLetter(span[at + m.Length]) || m[0] > '\u0E00'))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clause(string text, TextSpan sentence, TextSpan? date)
    {
        var s = text[sentence.Start..sentence.End].Trim();
        return s.Length <= 300 ? s : s[..300] + "…";
    }

    private static string? Who(ExtractionInput input, TextSpan sentence, int before)
    {
        var m = input.Mentions.FirstOrDefault(x => sentence.Start <= x.Span.Start && x.Span.End <= before
            && (x.IsOrganization || x.Kind == EntityKind.Person));
        if (m is null)
        {
            return null;
        }

        return input.Entities.FirstOrDefault(e => e.Mentions.Contains(m))?.Name ?? m.Name;
    }
}
