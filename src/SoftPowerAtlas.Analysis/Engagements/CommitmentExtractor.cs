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
    private const int MaxUndated = 8;
    private static readonly string[] PastMarkers = ["ที่ผ่านมา", "ไปแล้ว", "เมื่อปี", "last ", " ago", "since "];
    private static readonly string[] AimMarkers = ["aims to", "aim to", "is to", "are to"];
    private static readonly string[] PurposeVerbs =
        ["promote", "raise awareness", "strengthen", "foster", "enhance", "elevate", "celebrate", "showcase", "highlight", "deepen", "encourage", "inspire", "introduce", "honour", "honor", "preserve", "make", "bring"];
    private static readonly string[] PeriodVerbs = ["runs", "run", "running", "lasts", "last", "continues", "continue", "open", "is on", "are on"];
    private static readonly string[] ApplicationWords = ["สมัคร", "ลงทะเบียน", "ผู้สนใจ", "ผู้ที่สนใจ", "apply", "applications", "register", "registration", "submit entries"];
    private static readonly string[] JointParties = ["ทั้งสองฝ่าย", "ทั้ง 2 ฝ่าย", "ทั้งสองประเทศ", "ทั้งสามฝ่าย", "both sides", "both parties", "both countries", "the two sides", "the two countries", "the parties"];
    private readonly (string Marker, bool Deadline, StringComparison Comparison)[] _markers;
    private readonly string[] _outcomes;
    private readonly ClauseSplitter _clauses = new();
    private readonly PhraseCounter<EngagementType> _events;
    private readonly AgreementTerms _agreements;
    private readonly string[] _speechVerbs;

    public CommitmentExtractor(PhraseCounter<EngagementType> eventTriggers)
    {
        _events = eventTriggers;
        _agreements = new AgreementTerms(eventTriggers, _clauses);
        _markers = [.. EmbeddedWordList.Rows("Engagements/Data/commitment-markers.tsv")
            .Select(r => (r[2], r[1] == "deadline", r[0] == "th" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.Item1.Length)];
        _outcomes = [.. EmbeddedWordList.Lines("Engagements/Data/commitment-outcomes.txt").OrderByDescending(w => w.Length)];
        _speechVerbs = [.. EmbeddedWordList.Rows("Entities/Data/speech-verbs.tsv").Where(r => r.Length >= 2).Select(r => r[0])];
    }

    public IReadOnlyList<Commitment> Extract(ExtractionInput input, IReadOnlyList<Engagement> engagements)
    {
        var text = input.Text;
        var result = new List<Commitment>();
        var fromTitle = new List<Commitment>();
        var undated = 0;
        foreach (var written in input.Sentences)
        {
            var sentence = WithoutLeadingStamp(input, written);
            var target = input.IsTitle(written) ? fromTitle : result;
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
                    // Without a publication date to tell, a day opening the clause is what it plans unless someone only said so then
                    // ("On April 24, 2025, the minister is scheduled to…", not "On 5 May the minister said the ministry will…"); a year
                    // or a span of years there frames what was done ("ในช่วงปี 2560-2565 ไทยได้เสนอ…").
                    var dues = input.DatesCoveredBy(new TextSpan(clause.Start, scopeEnd)).Where(d => Undertakings.IsDueCandidate(d) && !Undertakings.IsPast(input, d)
                            && (d.Span.Start >= intent || (Undertakings.IsAhead(input, d) && !SaysBetween(text, d.Span.End, intent))
                                || (input.Published is null && IsDayBeforeIntent(text, d, intent))))
                        .GroupBy(Undertakings.DueValue, StringComparer.Ordinal).Select(g => g.First()).ToList();
                    // "ซึ่งเดิมกำหนดจัดในวันที่ 5 มีนาคม … ออกไปเป็นวันที่ 12 เมษายน": the day it was first set for is no longer due.
                    dues.RemoveAll(d => WasTheFormerDay(text, clause.Start, d.Span.Start));
                    // "ประจำปีนี้ … ระหว่างวันที่ 8-10 สิงหาคม": the year is only the frame of the day it contains.
                    dues.RemoveAll(d => dues.Any(o => o != d && Undertakings.DueValue(o)!.StartsWith(Undertakings.DueValue(d)! + "-", StringComparison.Ordinal)));
                    // "ปี 2568-2569 … และจะจัดกิจกรรมตลอดทั้งปี": a year told relative to the page is the sentence's written year.
                    dues.RemoveAll(d => d.IsRelative && d.Value.Granularity == DateGranularity.Year
                        && input.DatesCoveredBy(sentence).Any(o => !o.IsRelative && o.HasValue));
                    // "เตรียมเสนอเชียงใหม่เป็นเจ้าภาพ … (UCCN Annual Conference) 2025": an event named for a later year is due that year.
                    if (dues.Count == 0 && NamedYearAhead(input, clause.Start, scopeEnd) is { } named)
                    {
                        dues.Add(named);
                    }

                    if (dues.Count == 0)
                    {
                        // "สถานกงสุลใหญ่ฯ ได้เตรียมแกงเขียวหวาน…มอบ…": ได้ before the word of intent tells what was done.
                        if (undated >= MaxUndated || PastClause(text, clause) || IsRelativeClause(text, clause) || text.AsSpan(0, intent).EndsWith("ได้", StringComparison.Ordinal))
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
                var dates = input.DatesCoveredBy(clause).Where(d => Undertakings.IsDueCandidate(d) && !Undertakings.IsPast(input, d)).ToList();
                var deadline = dates.FirstOrDefault(d => d.Role == DateRole.Deadline && !InvitesApplications(text, clause) && !EndsAPeriod(text, d.Span.Start))
                    ?? dates.FirstOrDefault(d => Undertakings.IsAhead(input, d) && _events.Count(text, clause.Start, clause.End, null, input.IsBoundary).Count > 0);
                if (deadline is not null)
                {
                    target.Add(Make(input, sentence, clause, clause, deadline.Span.Start, deadline, engagements));
                }
            }
        }

        // A headline states the promise its body repeats: keep the headline's only when the body has no commitment due then.
        result.AddRange(fromTitle.Where(t => t.DueValue is not null && !result.Any(b => b.DueValue == t.DueValue)));
        _agreements.Add(input, engagements, result);
        AddPlannedEngagements(input, engagements, result);
        return result;
    }

    /// <summary>
    /// An engagement dated after the publication date is planned: holding or attending it is an undertaking
    /// due on its first day ("ครั้งที่ 2 วันที่ 22 พฤษภาคม 2568 ณ จังหวัดสตูล" under "กำหนดจัด 3 ครั้ง ดังนี้").
    /// </summary>
    private void AddPlannedEngagements(ExtractionInput input, IReadOnlyList<Engagement> engagements, List<Commitment> result)
    {
        foreach (var e in engagements)
        {
            if (e.Date is not { } date || !Undertakings.IsAhead(input, date) || Undertakings.IsPast(input, date) || EndsAPeriod(input.Text, date.Span.Start))
            {
                continue;
            }

            var due = Undertakings.DueValue(date);
            if (result.Any(c => c.DueValue == due))
            {
                continue;
            }

            var sentence = input.SentenceAt(date.Span.Start);
            var clause = _clauses.Split(input.Text, sentence).FirstOrDefault(c => c.Covers(date.Span));
            clause = clause.IsEmpty ? sentence : clause;
            var who = e.ThaiSide.Concat(e.ForeignSide).Select(o => o.Name).FirstOrDefault();
            result.Add(new Commitment(Undertakings.What(input.Text, clause), who, date, clause) { DueValue = due });
        }
    }

    /// <summary>A year written only as part of an event's name, within the span, later than the year the page was published.</summary>
    private static DateMention? NamedYearAhead(ExtractionInput input, int start, int end) =>
        input.Published is { } published
            ? input.DatesCoveredBy(new TextSpan(start, end)).FirstOrDefault(d => d.Role == DateRole.Name && d.Error is null && d.HasValue && d.Value.HasYear
                && d.Value.Granularity == DateGranularity.Year && !d.IsFiscalYear
                && d.Value.StartDate.Year > published.Year)
            : null;

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
        var what = dueClause == clause || dueClause.Start - clause.End < 2 ? Undertakings.What(text, passage) : Undertakings.What(text, clause) + " … " + Undertakings.What(text, dueClause);
        var who = Who(input, sentence, clause, intent, engagements);
        return new Commitment(what, who, due, passage) { DueValue = Undertakings.DueValue(due) };
    }

    /// <summary>" date 2023-06 สวธ.ส่งนักแสดง…": a publication stamp opening a line is no part of what the line promises.</summary>
    private static TextSpan WithoutLeadingStamp(ExtractionInput input, TextSpan sentence)
    {
        var text = input.Text;
        foreach (var d in input.DatesCoveredBy(sentence))
        {
            var before = text.AsSpan(sentence.Start, d.Span.Start - sentence.Start).Trim();
            if (d.Role == DateRole.Publication && (before.IsEmpty || before.Equals("date", StringComparison.OrdinalIgnoreCase)))
            {
                var start = d.Span.End;
                while (start < sentence.End && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                return start < sentence.End ? new TextSpan(start, sentence.End) : sentence;
            }
        }

        return sentence;
    }

    /// <summary>"ผู้สนใจสมัครได้ภายในวันที่ 30 เมษายน", "register by…": a deadline set for the public, not an undertaking.</summary>
    private static bool InvitesApplications(string text, TextSpan clause)
    {
        return WordLists.ContainsAny(text.AsSpan(clause.Start, clause.Length), ApplicationWords, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"ซึ่งวิทยากรจะทำหน้าที่…", "which will…": a relative clause describes a thing; it promises nothing by itself.</summary>
    private static bool IsRelativeClause(string text, TextSpan clause)
    {
        var s = text.AsSpan(clause.Start, clause.Length);
        return s.StartsWith("ซึ่ง", StringComparison.Ordinal) || s.StartsWith("which", StringComparison.OrdinalIgnoreCase) || s.StartsWith("that", StringComparison.OrdinalIgnoreCase);
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
                if (!OnWord(input, start, marker) || IsOutcome(text, start + marker.Length, clause.End) || StatesAPurpose(text, marker, start + marker.Length, clause))
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

    /// <summary>
    /// "The event aims to promote Muay Thai", "The objectives … are to promote …": what an event is for, not an undertaking;
    /// a target ("aims to raise exports by 10%") gives a number and stays one.
    /// </summary>
    private static bool StatesAPurpose(string text, string marker, int from, TextSpan clause)
    {
        if (!AimMarkers.Contains(marker, StringComparer.OrdinalIgnoreCase) || text.AsSpan(clause.Start, clause.Length).IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        var rest = text.AsSpan(from, clause.End - from).TrimStart();
        foreach (var verb in PurposeVerbs)
        {
            if (rest.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && (rest.Length == verb.Length || !char.IsLetter(rest[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A day (not a year, not relative) before the word of intent with no verb of saying between: the day is what is planned, not when it was said.</summary>
    private bool IsDayBeforeIntent(string text, DateMention d, int intent)
    {
        return !d.IsRelative && d.Value.Granularity >= DateGranularity.Day && !SaysBetween(text, d.Span.End, intent);
    }

    /// <summary>A verb of saying between a day and the word of intent after it ("วันที่ 8 กรกฎาคม 2568 นาย… เปิดเผยว่า … จะ"): the day is when it was said.</summary>
    private bool SaysBetween(string text, int from, int to) =>
        WordLists.ContainsAny(text.AsSpan(from, Math.Max(0, to - from)), _speechVerbs, StringComparison.OrdinalIgnoreCase);

    /// <summary>"เดิมกำหนดจัดในวันที่ 5 มีนาคม", "originally scheduled for 5 March": a day a postponement replaced.</summary>
    private static bool WasTheFormerDay(string text, int clauseStart, int dateStart)
    {
        var from = Math.Max(clauseStart, dateStart - FormerDayReach);
        var before = text.AsSpan(from, dateStart - from);
        return before.Contains("เดิม", StringComparison.Ordinal) || before.Contains("originally", StringComparison.OrdinalIgnoreCase)
            || before.Contains("previously scheduled", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How far before a day "เดิม"/"originally" may stand and still speak of it ("เดิมกำหนดจัดในวันที่ …").</summary>
    private const int FormerDayReach = 40;

    /// <summary>"the festival, which runs until May 24": the end of a period under way, neither a deadline nor a planned day.</summary>
    private static bool EndsAPeriod(string text, int dateStart)
    {
        var before = text.AsSpan(0, dateStart).TrimEnd();
        if (!before.EndsWith("until", StringComparison.OrdinalIgnoreCase) && !before.EndsWith("till", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        before = before[..before.LastIndexOf(' ')].TrimEnd();
        foreach (var verb in PeriodVerbs)
        {
            if (before.EndsWith(verb, StringComparison.OrdinalIgnoreCase) && (before.Length == verb.Length || !char.IsLetter(before[^(verb.Length + 1)])))
            {
                return true;
            }
        }

        return false;
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

    private static bool PastClause(string text, TextSpan clause)
    {
        return WordLists.ContainsAny(text.AsSpan(clause.Start, clause.Length), PastMarkers, StringComparison.OrdinalIgnoreCase);
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

        var actor = input.MentionsCoveredBy(new TextSpan(clause.Start, intent)).LastOrDefault(m => IsActor(m) && !IsVenue(text, m))
            ?? input.MentionsCoveredBy(new TextSpan(sentence.Start, intent)).FirstOrDefault(m => IsActor(m) && !IsVenue(text, m));
        return actor is null ? null : input.EntityOf(actor)?.Name ?? actor.Name;
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
