using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Finds undertakings: a clause that says an actor will do something (จะ, มีแผน, ตั้งเป้า, เตรียม,
/// คาดว่าจะ, will, plans to, agreed to…) is one commitment, due on the date that clause gives (a
/// deadline's date, an event's first day, a period's end); a date written as a deadline (ภายในปี 2566,
/// by March 2020) makes its clause a commitment even without such a word. A clause about what already
/// happened (a date before publication, ที่ผ่านมา, last year) or that only forecasts an outcome
/// ("ซึ่งจะช่วยส่งเสริม", "will help") is not one. <c>what</c> is the clause, <c>who</c> its subject.
/// </summary>
internal sealed class CommitmentExtractor
{
    private const int MaxWhat = 200;
    private const int MaxUndated = 8;
    private static readonly string[] PastMarkers = ["ที่ผ่านมา", "ไปแล้ว", "เมื่อปี", "last ", " ago", "since "];
    private static readonly string[] ApplicationWords = ["สมัคร", "ลงทะเบียน", "ผู้สนใจ", "ผู้ที่สนใจ", "apply", "applications", "register", "registration", "submit entries"];
    private static readonly string[] JointParties = ["ทั้งสองฝ่าย", "ทั้ง 2 ฝ่าย", "ทั้งสองประเทศ", "ทั้งสามฝ่าย", "both sides", "both parties", "both countries", "the two sides", "the two countries", "the parties"];
    private readonly (string Marker, bool Deadline, StringComparison Comparison)[] _markers;
    private readonly string[] _outcomes;
    private readonly ClauseSplitter _clauses = new();
    private readonly PhraseCounter<EngagementType> _events;

    public CommitmentExtractor(PhraseCounter<EngagementType> eventTriggers)
    {
        _events = eventTriggers;
        _markers = [.. EmbeddedWordList.Rows("Engagements/Data/commitment-markers.tsv")
            .Select(r => (r[2], r[1] == "deadline", r[0] == "th" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.Item1.Length)];
        _outcomes = [.. EmbeddedWordList.Lines("Engagements/Data/commitment-outcomes.txt").OrderByDescending(w => w.Length)];
    }

    public IReadOnlyList<Commitment> Extract(ExtractionInput input, IReadOnlyList<Engagement> engagements)
    {
        var text = input.Text;
        var result = new List<Commitment>();
        var fromTitle = new List<Commitment>();
        var undated = 0;
        foreach (var sentence in input.Sentences)
        {
            var target = input.IsTitle(sentence) ? fromTitle : result;
            var clauses = _clauses.Split(text, sentence);
            var intents = clauses.Select(c => FindIntent(input, c)).ToList();
            for (var i = 0; i < clauses.Count; i++)
            {
                var clause = clauses[i];
                if (intents[i] is { } intent)
                {
                    // A word of intent governs its clause and the clauses after it up to the next one:
                    // "กำหนดจัด 3 ครั้ง … ครั้งที่ 2 วันที่ 26 ตุลาคม และครั้งที่ 3 วันที่ 7 ธันวาคม": one undertaking per date.
                    var next = intents.FindIndex(i + 1, x => x is not null);
                    var scopeEnd = next < 0 ? sentence.End : clauses[next].Start;
                    // A date before the word of intent is the undertaking's only when it is still ahead ("ในวันที่ 24 ก.พ. จะจัด…").
                    var dues = input.Dates.Where(d => IsDueCandidate(d) && clause.Start <= d.Span.Start && d.Span.End <= scopeEnd && !IsPast(input, d)
                            && (d.Span.Start >= intent || IsAhead(input, d)))
                        .GroupBy(DueValue, StringComparer.Ordinal).Select(g => g.First()).ToList();
                    // "ประจำปีนี้ … ระหว่างวันที่ 8-10 สิงหาคม": the year is only the frame of the day it contains.
                    dues.RemoveAll(d => dues.Any(o => o != d && DueValue(o)!.StartsWith(DueValue(d)! + "-", StringComparison.Ordinal)));
                    if (dues.Count == 0)
                    {
                        if (undated >= MaxUndated || PastClause(text, clause) || IsRelativeClause(text, clause))
                        {
                            continue;
                        }

                        undated++;
                        target.Add(Make(input, sentence, clause, clause, intent, null, engagements));
                        continue;
                    }

                    foreach (var due in dues)
                    {
                        var dueClause = clauses.First(c => c.Covers(due.Span));
                        target.Add(Make(input, sentence, clause, dueClause, intent, due, engagements));
                    }

                    continue;
                }

                if (InScopeOfEarlierIntent(intents, i))
                {
                    continue;
                }

                // Without a word of intent: a deadline ("ภายในปี 2566", "by March 2020"), or a planned engagement
                // ("จัดงาน … ในวันที่ 24 กุมภาพันธ์ 2568" in a release of the 23rd).
                var dates = input.Dates.Where(d => clause.Covers(d.Span) && IsDueCandidate(d) && !IsPast(input, d)).ToList();
                var deadline = dates.FirstOrDefault(d => d.Role == DateRole.Deadline && !InvitesApplications(text, clause))
                    ?? dates.FirstOrDefault(d => IsAhead(input, d) && _events.Count(text, clause.Start, clause.End, null, input.IsBoundary).Count > 0);
                if (deadline is not null)
                {
                    target.Add(Make(input, sentence, clause, clause, deadline.Span.Start, deadline, engagements));
                }
            }
        }

        // A headline states the promise its body repeats: keep the headline's only when the body has no commitment due then.
        result.AddRange(fromTitle.Where(t => t.DueValue is not null && !result.Any(b => b.DueValue == t.DueValue)));
        AddAgreementTerms(input, engagements, result);
        AddPlannedEngagements(input, engagements, result);
        return result;
    }

    /// <summary>
    /// The items of a list that sets out an agreement's terms ("What the MOU covers:", "บันทึกความเข้าใจฯ
    /// ครอบคลุม ดังนี้") are undertakings, each due on the date it gives; and a term counted from the signing
    /// ("4 ปี นับตั้งแต่วันที่ลงนาม") runs until the signing date plus that time.
    /// </summary>
    private void AddAgreementTerms(ExtractionInput input, IReadOnlyList<Engagement> engagements, List<Commitment> result)
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

            var due = input.Dates.FirstOrDefault(d => item.Covers(d.Span) && IsDueCandidate(d) && !IsPast(input, d));
            if (due is null && input.Dates.Any(d => item.Covers(d.Span) && IsDueCandidate(d)))
            {
                continue;
            }

            var body = TrimListMark(text, item);
            result.Add(new Commitment(What(text, body), Signatories(engagements), due, body) { DueValue = DueValue(due) });
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
            result.Add(new Commitment(What(text, clause), Signatories(engagements), due, clause) { DueValue = DueValue(due) });
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

    /// <summary>
    /// An engagement dated after the publication date is planned: holding or attending it is an undertaking
    /// due on its first day ("ครั้งที่ 2 วันที่ 22 พฤษภาคม 2568 ณ จังหวัดสตูล" under "กำหนดจัด 3 ครั้ง ดังนี้").
    /// </summary>
    private void AddPlannedEngagements(ExtractionInput input, IReadOnlyList<Engagement> engagements, List<Commitment> result)
    {
        foreach (var e in engagements)
        {
            if (e.Date is not { } date || !IsAhead(input, date) || IsPast(input, date))
            {
                continue;
            }

            var due = DueValue(date);
            if (result.Any(c => c.DueValue == due))
            {
                continue;
            }

            var sentence = input.SentenceAt(date.Span.Start);
            var clause = _clauses.Split(input.Text, sentence).FirstOrDefault(c => c.Covers(date.Span));
            clause = clause.IsEmpty ? sentence : clause;
            var who = e.ThaiSide.Concat(e.ForeignSide).Select(o => o.Name).FirstOrDefault();
            result.Add(new Commitment(What(input.Text, clause), who, date, clause) { DueValue = due });
        }
    }

    private static bool InScopeOfEarlierIntent(List<int?> intents, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (intents[k] is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static Commitment Make(ExtractionInput input, TextSpan sentence, TextSpan clause, TextSpan dueClause, int intent, DateMention? due, IReadOnlyList<Engagement> engagements)
    {
        var text = input.Text;
        var passage = dueClause == clause ? clause : new TextSpan(clause.Start, dueClause.End);
        var what = dueClause == clause || dueClause.Start - clause.End < 2 ? What(text, passage) : What(text, clause) + " … " + What(text, dueClause);
        var who = Who(input, sentence, clause, intent, engagements);
        return new Commitment(what, who, due, passage) { DueValue = DueValue(due) };
    }

    /// <summary>"ผู้สนใจสมัครได้ภายในวันที่ 30 เมษายน", "register by…": a deadline set for the public, not an undertaking.</summary>
    private static bool InvitesApplications(string text, TextSpan clause)
    {
        var s = text.AsSpan(clause.Start, clause.Length);
        foreach (var w in ApplicationWords)
        {
            if (s.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"ซึ่งวิทยากรจะทำหน้าที่…", "which will…": a relative clause describes a thing; it promises nothing by itself.</summary>
    private static bool IsRelativeClause(string text, TextSpan clause)
    {
        var s = text.AsSpan(clause.Start, clause.Length);
        return s.StartsWith("ซึ่ง", StringComparison.Ordinal) || s.StartsWith("which", StringComparison.OrdinalIgnoreCase) || s.StartsWith("that", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A date strictly after the publication date: something still to happen when the text was written.</summary>
    private static bool IsAhead(ExtractionInput input, DateMention d) =>
        input.Published is { } published && !d.IsFiscalYear && d.Value.StartDate > published;

    /// <summary>
    /// The contract's due value: a fiscal year as <c>FY2025</c>; a span of years or months (a period,
    /// "ปี 2566-2567", "from January until December") by its end; a run of days (an event) by its first day.
    /// </summary>
    private static string? DueValue(DateMention? due)
    {
        if (due is null)
        {
            return null;
        }

        if (due.IsFiscalYear)
        {
            var n = due.Normalized;
            var slash = n.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? n : n[(slash + 1)..];
        }

        if (due.End is { } end && end != due.Value && due.Value.Granularity is DateGranularity.Year or DateGranularity.Month)
        {
            return end.ToString();
        }

        return due.Value.ToString();
    }

    /// <summary>Where the clause states an intent, or null; a forecast ("จะช่วย", "will help") is not one.</summary>
    private int? FindIntent(ExtractionInput input, TextSpan clause)
    {
        var text = input.Text;
        var span = text.AsSpan(clause.Start, clause.Length);
        foreach (var (marker, deadline, comparison) in _markers)
        {
            if (deadline)
            {
                continue;
            }

            var from = 0;
            while (from < span.Length)
            {
                var at = span[from..].IndexOf(marker, comparison);
                if (at < 0)
                {
                    break;
                }

                at += from;
                from = at + marker.Length;
                var start = clause.Start + at;
                if (!OnWord(input, start, marker) || IsOutcome(text, start + marker.Length, clause.End))
                {
                    continue;
                }

                return start;
            }
        }

        return null;
    }

    private static bool OnWord(ExtractionInput input, int start, string marker)
    {
        var text = input.Text;
        var end = start + marker.Length;
        if (Gazetteer.IsThaiLetter(marker[0]))
        {
            // จะ inside จะเข้/ขจัด is not the word: Thai markers must start and end on the segmenter's word boundaries.
            return input.IsBoundary(start) && input.IsBoundary(end);
        }

        return (start == 0 || !char.IsLetter(text[start - 1])) && (end >= text.Length || !char.IsLetter(text[end]));
    }

    private bool IsOutcome(string text, int from, int end)
    {
        var rest = text.AsSpan(from, end - from).TrimStart();
        foreach (var w in _outcomes)
        {
            if (rest.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (rest.Length == w.Length || !char.IsLetter(rest[w.Length]) || Gazetteer.IsThaiLetter(w[0])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDueCandidate(DateMention d) =>
        d.Error is null && d.HasValue && d.Role is not (DateRole.Name or DateRole.Publication) && !d.Span.IsEmpty;

    /// <summary>A date on or before the publication date, or written as past, is a report of what happened.</summary>
    private static bool IsPast(ExtractionInput input, DateMention due)
    {
        var text = input.Text;
        var after = text.AsSpan(due.Span.End, Math.Min(14, text.Length - due.Span.End));
        if (after.TrimStart().StartsWith("ที่ผ่านมา", StringComparison.Ordinal))
        {
            return true;
        }

        var before = text.AsSpan(Math.Max(0, due.Span.Start - 10), Math.Min(10, due.Span.Start));
        if (before.Contains("เมื่อ", StringComparison.Ordinal) || before.Contains("since", StringComparison.OrdinalIgnoreCase) || before.Contains("last", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (input.Published is not { } published || due.IsFiscalYear)
        {
            return false;
        }

        var last = (due.End ?? due.Value).EndDate;
        return last < published;
    }

    private static bool PastClause(string text, TextSpan clause)
    {
        var span = text.AsSpan(clause.Start, clause.Length);
        foreach (var m in PastMarkers)
        {
            if (span.Contains(m, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The clause, cut on a word boundary at about 200 characters.</summary>
    private static string What(string text, TextSpan clause)
    {
        var s = text.AsSpan(clause.Start, clause.Length).Trim();
        if (s.Length <= MaxWhat)
        {
            return s.ToString();
        }

        var cut = s[..MaxWhat].LastIndexOf(' ');
        return (cut > MaxWhat / 2 ? s[..cut] : s[..MaxWhat]).TrimEnd(" ,;").ToString() + "…";
    }

    /// <summary>
    /// Who undertakes: "both sides" means the parties of the engagement; otherwise the last
    /// organisation or person named in the clause before the word of intent, else the subject the
    /// sentence opens with.
    /// </summary>
    private static string? Who(ExtractionInput input, TextSpan sentence, TextSpan clause, int intent, IReadOnlyList<Engagement> engagements)
    {
        var text = input.Text;
        var lead = text.AsSpan(clause.Start, Math.Max(0, intent - clause.Start));
        foreach (var joint in JointParties)
        {
            if (lead.Contains(joint, StringComparison.OrdinalIgnoreCase) && engagements.Count > 0)
            {
                var parties = engagements[0].ThaiSide.Concat(engagements[0].ForeignSide).Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList();
                if (parties.Count > 1)
                {
                    return string.Join("; ", parties);
                }
            }
        }

        var actor = input.Mentions.LastOrDefault(m => clause.Start <= m.Span.Start && m.Span.End <= intent && IsActor(m) && !IsVenue(text, m))
            ?? input.Mentions.FirstOrDefault(m => sentence.Start <= m.Span.Start && m.Span.End <= intent && IsActor(m) && !IsVenue(text, m));
        return actor is null ? null : input.Entities.FirstOrDefault(e => e.Mentions.Contains(actor))?.Name ?? actor.Name;
    }

    private static bool IsActor(EntityMention m) => m.IsOrganization || m.Kind == EntityKind.Person;

    /// <summary>"ณ สำนักงานใหญ่องค์การยูเนสโก", "at the UNESCO headquarters": where it happens, not who acts.</summary>
    private static bool IsVenue(string text, EntityMention m)
    {
        var before = text.AsSpan(Math.Max(0, m.Span.Start - 8), Math.Min(8, m.Span.Start)).TrimEnd();
        return before.EndsWith("ณ", StringComparison.Ordinal) || before.EndsWith("ที่", StringComparison.Ordinal)
            || before.EndsWith(" at", StringComparison.Ordinal) || before.EndsWith(" at the", StringComparison.Ordinal) || before.EndsWith(" in", StringComparison.Ordinal);
    }
}
