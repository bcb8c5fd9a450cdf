using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Splits a document into the engagements it reports. Every dated passage that says what happened
/// (a meeting, a signing, a forum…) is an engagement; a passage near the top that reports a signing or
/// a meeting without a date is one too when nothing dated already reports it. Participants come
/// from the passage itself (and the title for the lead engagement); sectors for the lead engagement
/// from the whole document, weighted towards sentences about cooperation.
/// </summary>
internal sealed partial class EngagementExtractor
{
    private readonly PhraseCounter<EngagementType> _triggers;
    private readonly SectorTagger _sectors;
    private readonly string[] _eventNameWords;
    private readonly IEventDecider _decider;
    private readonly EventAnchorReader _anchors;
    private readonly PlaceFinder _places = new();

    public EngagementExtractor(SectorTagger sectors, IEventDecider decider)
    {
        _sectors = sectors;
        _decider = decider;
        _triggers = new PhraseCounter<EngagementType>(EmbeddedWordList.Rows("Engagements/Data/event-triggers.tsv")
            .Select(r => (r[2], EngagementTypeNames.FromContract(r[0]), int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture))));
        _anchors = new EventAnchorReader(_triggers);
        _eventNameWords = [.. EmbeddedWordList.Lines("Engagements/Data/event-name-words.txt")];
    }

    /// <summary>The words that say what kind of engagement a passage reports (<c>Data/event-triggers.tsv</c>).</summary>
    public PhraseCounter<EngagementType> Triggers => _triggers;

    public IReadOnlyList<Engagement> Extract(ExtractionInput input) => Extract(input, _anchors.Read(input));

    /// <summary>The document's date anchors, as the model sees them (for training).</summary>
    public IReadOnlyList<EventAnchor> Anchors(ExtractionInput input) => _anchors.Read(input);

    public IReadOnlyList<Engagement> Extract(ExtractionInput input, IReadOnlyList<EventAnchor> anchors)
    {
        var text = input.Text;
        var paragraphs = input.Paragraphs;
        var candidates = new List<Candidate>();

        foreach (var anchor in anchors)
        {
            if (_decider.Decide(anchor) is not { } type)
            {
                continue;
            }

            // One date, two engagements: "the festival opened on 20 June … the same day the Ambassador met …".
            var others = anchor.Evidence.PerMention.Where(x => x.Type is { } t && t != type).GroupBy(x => x.Type!.Value).ToList();
            var own = anchor.Mentions.Where(m => !others.Any(g => g.Any(x => x.Mention == m))).ToList();
            // A period and a day it opens, each told in its own paragraph ("Hong Kong Week, 21 October to
            // 12 November" … "the opening ceremony was held today (21 October)"): two engagements.
            // The period is of the kind its own sentence or paragraph tells, not the day's ("The MOU was signed on
            // 17 June" … "the tourism contest on 17-18 June … TAT showcased …" is a signing and a showcase); when they
            // tell none, it is another engagement of a kind not said.
            var periodType = type;
            if (OpeningDay(input, anchor, own) is { } opening)
            {
                own.Remove(opening.Mention);
                AddCandidate(input, candidates, anchor, opening.Type, [opening.Mention]);
                var period = own.First(m => m.End is not null).Span.Start;
                var (sentence, paragraph) = (input.SentenceAt(period), input.Paragraphs[EventAnchorReader.ParagraphOf(input, period)].Span);
                periodType = Best(_triggers.Count(input.Text, sentence.Start, sentence.End, null, input.IsBoundary))
                    ?? Best(_triggers.Count(input.Text, paragraph.Start, paragraph.End, null, input.IsBoundary)) ?? EngagementType.Other;
            }

            AddCandidate(input, candidates, anchor, periodType, own.Count > 0 ? own : [.. anchor.Mentions]);
            foreach (var g in others)
            {
                if (own.Count > 0 && g.All(x => own.All(o => EventAnchorReader.ParagraphOf(input, o.Span.Start) != EventAnchorReader.ParagraphOf(input, x.Mention.Span.Start))))
                {
                    AddCandidate(input, candidates, anchor, g.Key, [.. g.Select(x => x.Mention)]);
                }
            }
        }

        // Undated engagements (a year alone, a day without its year): one per type, the first told.
        var events = candidates.Where(c => c.Date is not null)
            .Concat(candidates.Where(c => c.Date is null).GroupBy(c => c.Type).Select(g => g.First()))
            .ToList();
        AddUndatedLead(input, events);
        events = [.. OnePerSentence(events).SelectMany(c => SameDay(input, c))];
        events.RemoveAll(c => IsMonthOfADayTold(c, events) || IsRelativePeriodOfADayTold(c, events));

        // GUIDELINES: when the only date is the stamp above the report, it dates the report's engagement too
        // (years, fiscal years and quarters beside it date nothing: a year-only event date is null).
        // A line that is only a day and a time over the body ("วันจันทร์ที่ 24 มีนาคม 2568 เวลา 13.00 น.") is such a stamp.
        if (events.Count > 0 && events.All(e => e.Date is null) && input.Dates.Count > 0 && input.Dates.All(d => d.Role == DateRole.Publication || IsDateline(input, d) || !d.HasValue || d.Value.Granularity < DateGranularity.Month || d.IsFiscalYear || d.IsQuarter)
            && input.Dates.FirstOrDefault(d => d.HasValue && d.Value.HasYear && d.Value.Granularity >= DateGranularity.Day) is { } only)
        {
            events[0] = events[0] with { Date = only };
        }

        if (events.Count == 0)
        {
            AddReportsOwn(input, anchors, events);
        }

        if (events.Count == 0)
        {
            AddUndatedReport(input, events);
        }

        events.Sort((a, b) => a.Paragraph != b.Paragraph ? a.Paragraph.CompareTo(b.Paragraph) : a.Sentence.Start.CompareTo(b.Sentence.Start));

        var result = new List<Engagement>();
        Engagement? lead = null;
        foreach (var c in events)
        {
            // The next paragraph another engagement is told in (this one's own later mentions, "today's", do not end it).
            var nextAnchor = events.Where(e => e != c).SelectMany(e => e.Extra.Select(x => x.Paragraph).Append(e.Paragraph))
                .Where(p => p > c.Paragraph).DefaultIfEmpty(paragraphs.Count).Min();
            var engagement = Build(input, c, lead, nextAnchor);
            lead ??= engagement;
            result.Add(engagement);
        }

        return [.. result.Select(e => PlannedInAnothersPassage(text, e, result) ? e with { People = [] } : e)];
    }

    /// <summary>
    /// "… ได้เข้าร่วมประชุมหารือกับ … เมื่อวันที่ 21 ก.ย. เพื่อเตรียมจัดงานเทศกาล … 17 พ.ย.": one passage, two
    /// engagements, the later told as planned; the people the passage names took part in the earlier one, not
    /// in the one it prepares (an itinerary, "left on the 22nd … arrived on the 23rd", keeps its traveller).
    /// </summary>
    private static bool PlannedInAnothersPassage(string text, Engagement e, List<Engagement> all) =>
        e.People.Count > 0 && e.Date is { HasValue: true } date && date.Value.HasYear && EventAnchorReader.IsToldAhead(text, date.Span)
        && all.Any(o => o != e && o.Evidence == e.Evidence && o.Date is { HasValue: true } other && other.Value.HasYear && other.Value.StartDate < date.Value.StartDate);

    /// <summary>
    /// "เมื่อวันที่ 22 กรกฎาคม 2566 … ได้เข้าร่วมงานเทศกาลไทย … ระหว่างวันที่ 21 – 22 กรกฎาคม 2566": a sentence
    /// that gives a day (someone took part, or said so) and the period of the event it falls in tells one
    /// engagement, dated by the event's period. An announcement is the day's: "วันนี้ (13 ธ.ค.) … ที่ประชุม … ระหว่าง
    /// วันที่ 8-14 ธ.ค. … ประกาศขึ้นทะเบียน…" announces on the day, during the session's period.
    /// </summary>
    private static List<Candidate> OnePerSentence(List<Candidate> events)
    {
        var kept = new List<Candidate>();
        foreach (var c in events.OrderBy(c => (c.Date?.End is null) != (c.Type == EngagementType.Announcement)).ThenBy(c => c.Date?.Span.Start ?? int.MaxValue))
        {
            if (c.Date is not { } date || !kept.Any(k => k.Type == c.Type && k.Sentence == c.Sentence && k.Date is { } other && Overlap(date, other)))
            {
                kept.Add(c);
            }
        }

        return [.. events.Where(kept.Contains)]; // in the order they were told

        static bool Overlap(DateMention a, DateMention b) =>
            a.HasValue && b.HasValue && a.Value.HasYear && b.Value.HasYear && (a.End is not null || b.End is not null)
            && a.Value.StartDate <= Last(b) && b.Value.StartDate <= Last(a);

        static DateOnly Last(DateMention m) => m.End is { HasYear: true } end ? end.EndDate : m.Value.EndDate;
    }

    /// <summary>
    /// "held between 9-11 August … the countries celebrate their national days during the month of August": a month
    /// alone, when an engagement of the same kind is dated by a day in it, tells no engagement of its own.
    /// </summary>
    private static bool IsMonthOfADayTold(Candidate c, List<Candidate> events) =>
        c.Date is { HasValue: true, End: null } month && month.Value.HasYear && month.Value.Granularity == DateGranularity.Month
        && events.Any(k => k != c && k.Type == c.Type && k.Date is { HasValue: true } day && day.Value.HasYear && day.Value.Granularity >= DateGranularity.Day
            && day.Value.Year == month.Value.Year && day.Value.Month == month.Value.Month);

    /// <summary>"… at a major forum in Bangkok next week" … "The forum will take place from July 8 to 11": the week is the forum's, told by its days.</summary>
    private static bool IsRelativePeriodOfADayTold(Candidate c, List<Candidate> events) =>
        c.Date is { HasValue: true, IsRelative: true, End: { } end } period && period.Value.HasYear
        && events.Any(k => k != c && k.Type == c.Type && k.Date is { HasValue: true, IsRelative: false } day && day.Value.HasYear && day.Value.Granularity >= DateGranularity.Day
            && day.Value.StartDate >= period.Value.StartDate && day.Value.StartDate <= end.EndDate);

    /// <summary>
    /// The single day of an anchor that also holds a period starting that day, when the day's own sentence,
    /// in another paragraph than the period's, decisively names an engagement.
    /// </summary>
    private static (DateMention Mention, EngagementType Type)? OpeningDay(ExtractionInput input, EventAnchor anchor, List<DateMention> own)
    {
        if (own.FirstOrDefault(m => m.End is not null) is not { } period)
        {
            return null;
        }

        var periodParagraph = EventAnchorReader.ParagraphOf(input, period.Span.Start);
        foreach (var (mention, type) in anchor.Evidence.PerMention)
        {
            if (type is { } t && mention.End is null && own.Contains(mention) && mention.Role != DateRole.Publication
                && EventAnchorReader.ParagraphOf(input, mention.Span.Start) != periodParagraph
                && !input.IsTitle(input.Paragraphs[EventAnchorReader.ParagraphOf(input, mention.Span.Start)].Span))
            {
                return (mention, t);
            }
        }

        return null;
    }

    private void AddCandidate(ExtractionInput input, List<Candidate> candidates, EventAnchor anchor, EngagementType type, List<DateMention> mentions)
    {
        var text = input.Text;
        var paragraphs = input.Paragraphs;
        var body = mentions.Where(m => !input.IsTitle(paragraphs[EventAnchorReader.ParagraphOf(input, m.Span.Start)].Span)).ToList();
        if (body.Count == 0)
        {
            body = mentions;
        }

        var best = body.FirstOrDefault(m => m.End is not null) ?? body.FirstOrDefault(m => !m.IsRelative) ?? body[0];
        var p = EventAnchorReader.ParagraphOf(input, best.Span.Start);
        var sentence = input.SentenceAt(best.Span.Start);
        var contextStart = p > 0 && !input.IsTitle(paragraphs[p - 1].Span) && _triggers.Count(text, paragraphs[p].Span.Start, paragraphs[p].Span.End).Count == 0 ? p - 1 : p;
        var extra = body.Where(m => m != best)
            .Select(m => new Candidate(type, m, EventAnchorReader.ParagraphOf(input, m.Span.Start), EventAnchorReader.ParagraphOf(input, m.Span.Start), input.SentenceAt(m.Span.Start)))
            .Where(c => c.Paragraph != p)
            .ToList();
        candidates.Add(new Candidate(type, anchor.DatesTheEvent ? best : null, p, contextStart, sentence) { Extra = extra });
    }

    /// <summary>
    /// One dated passage, several engagements that day: "Mr Yeung commenced his visit this afternoon
    /// (October 20). He met with the Minister of Culture… Mr Yeung also met with the Deputy Governor of
    /// the TAT…" is a visit and two meetings (GUIDELINES: one event per distinct engagement). A later
    /// sentence of the date's paragraph tells another engagement when it decisively names one, with
    /// someone not named before, and either of another type than the date's sentence or marked as
    /// another ("also", "later", "จากนั้น", "ยังได้"). Each keeps the date; its participants are its
    /// own sentence's and the actor of the date's sentence.
    /// </summary>
    private IEnumerable<Candidate> SameDay(ExtractionInput input, Candidate c)
    {
        var text = input.Text;
        var para = input.Paragraphs[c.Paragraph].Span;
        if (c.Date is null || c.Own is not null || !para.Covers(c.Sentence))
        {
            yield return c;
            yield break;
        }

        var own = Best(_triggers.Count(text, c.Sentence.Start, c.Sentence.End, null, input.IsBoundary));
        var seen = Named(input, c.Sentence).ToHashSet(StringComparer.Ordinal);
        var previous = own ?? c.Type;
        var parts = new List<(EngagementType Type, TextSpan Sentence)>();
        foreach (var sentence in input.Sentences.Where(x => para.Covers(x) && x.Start >= c.Sentence.End))
        {
            var counts = _triggers.Count(text, sentence.Start, sentence.End, null, input.IsBoundary);
            if (counts.Where(kv => kv.Value >= 3).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (EngagementType?)kv.Key).FirstOrDefault() is not { } type)
            {
                continue;
            }

            var fresh = Named(input, sentence).Where(k => !seen.Contains(k)).ToList();
            if (fresh.Count == 0 || (type == previous && !MarksAnother(text, sentence)))
            {
                continue;
            }

            seen.UnionWith(fresh);
            parts.Add((type, sentence));
            previous = type;
        }

        if (parts.Count == 0)
        {
            yield return c;
            yield break;
        }

        yield return c with { Type = own ?? c.Type, Own = c.Sentence };
        foreach (var (type, sentence) in parts)
        {
            yield return c with { Type = type, Sentence = sentence, Own = sentence, Actor = c.Sentence, Extra = [] };
        }
    }

    /// <summary>The people and bodies a sentence names, by entity key.</summary>
    private static IEnumerable<string> Named(ExtractionInput input, TextSpan sentence) =>
        input.MentionsCoveredBy(sentence).Where(m => m.Kind == EntityKind.Person || m.IsOrganization).Select(m => m.Key);

    private static bool MarksAnother(string text, TextSpan sentence) => EventAnchorReader.HasWord(text.AsSpan(sentence.Start, sentence.Length), AnotherMarkers);

    private static readonly string[] AnotherMarkers = ["also", "later", "afterwards", "then", "จากนั้น", "ต่อมา", "ยังได้", "นอกจากนี้", "ในช่วงบ่าย", "ในช่วงเย็น"];

    /// <summary>
    /// A paragraph that decisively tells an engagement without a date ("อพท. ผนึก สศส. ลงนาม…") before any
    /// dated one has it as an undated engagement, one per type, unless one of that type is told already.
    /// An engagement only the headline dates does not count: the body's lead still tells its own.
    /// </summary>
    private void AddUndatedLead(ExtractionInput input, List<Candidate> events)
    {
        var paragraphs = input.Paragraphs;
        var limit = paragraphs.Count;
        for (var p = 0; p < limit; p++)
        {
            if (input.IsTitle(paragraphs[p].Span))
            {
                continue;
            }

            var scores = _triggers.Count(input.Text, paragraphs[p].Span.Start, paragraphs[p].Span.End);
            if (Best(scores) is not { } type || scores[type] < 3 || type is EngagementType.Other or EngagementType.Announcement
                || events.Any(e => (e.Type == type || e.Paragraph <= p + 1) && !input.IsTitle(paragraphs[e.Paragraph].Span)))
            {
                continue;
            }

            // "On 16 November 2024, the Ambassador …" / "… attended the celebration hosted by …": a paragraph wrapped
            // under a day tells that day's engagement, which the report's own date gives (AddReportsOwn), not an undated one.
            var start = p > 0 && !input.IsTitle(paragraphs[p - 1].Span) ? p - 1 : p;
            var wrappedFrom = start < p && WrapsInto(input.Text, paragraphs[start].Span, paragraphs[p].Span) ? start : p;
            if (input.DatesCoveredBy(paragraphs[wrappedFrom].Span, paragraphs[p].Span).Any(d => d.HasValue && d.Value.HasYear && d.Value.Granularity >= DateGranularity.Day && d.Role != DateRole.Publication && !IsDateline(input, d)))
            {
                continue;
            }

            events.Add(new Candidate(Decision(input, paragraphs[p].Span, type), null, p, start, paragraphs[p].Span));
        }
    }

    /// <summary>A line that goes on into the next: it ends with a comma, or the next opens in lower case.</summary>
    private static bool WrapsInto(string text, TextSpan line, TextSpan next) =>
        text[line.End - 1] == ',' || char.IsAsciiLetterLower(text[next.Start]);

    private static bool IsDateline(ExtractionInput input, DateMention d) =>
        EventAnchorReader.IsDateline(input.Text, input.Paragraphs[EventAnchorReader.ParagraphOf(input, d.Span.Start)].Span, d.Span);

    /// <summary>An undated paragraph in which a cabinet approves or decides announces that decision, whatever it is about (GUIDELINES).</summary>
    private static EngagementType Decision(ExtractionInput input, TextSpan paragraph, EngagementType told) =>
        EventAnchorReader.IsCabinetApproval(input.Text.AsSpan(paragraph.Start, paragraph.Length)) ? EngagementType.Announcement : told;

    /// <summary>
    /// A report tells at least one engagement. When no date was decided an engagement's, the report's own
    /// is dated by the first day or month its body gives that is not history nor only a statement's date,
    /// typed by the words around it, else by the headline; a report whose body gives no such date tells what
    /// it announces on the day it is published (GUIDELINES: the dateline above a report dates its event).
    /// </summary>
    private void AddReportsOwn(ExtractionInput input, IReadOnlyList<EventAnchor> anchors, List<Candidate> events)
    {
        // Only a report: a page with a headline and a publication date, not a passage or a note.
        if (input.Published is null || input.Headline is not { } headline)
        {
            return;
        }

        var paragraphs = input.Paragraphs;
        foreach (var anchor in anchors.OrderBy(a => a.Mentions.Min(m => m.Span.Start)))
        {
            var e = anchor.Evidence;
            var body = anchor.Mentions.Where(m => m.Role != DateRole.Publication && !input.IsTitle(paragraphs[EventAnchorReader.ParagraphOf(input, m.Span.Start)].Span)).ToList();
            if (!anchor.DatesTheEvent || e.History || body.Count == 0 || body.All(m => e.Said.Contains(m)))
            {
                continue;
            }

            var date = body.FirstOrDefault(m => m.End is not null) ?? body[0];
            var p = EventAnchorReader.ParagraphOf(input, date.Span.Start);
            var told = Best(e.Sentence) ?? Best(e.Paragraph) ?? Best(e.Before) ?? Best(e.Title) ?? EngagementType.Other;
            events.Add(new Candidate(told, date, p, p, input.SentenceAt(date.Span.Start)));
            return;
        }

        var lead = Enumerable.Range(0, paragraphs.Count).FirstOrDefault(i => !input.IsTitle(paragraphs[i].Span), -1);
        var stamp = input.Dates.FirstOrDefault(d => d.Role == DateRole.Publication && d.HasValue);
        if (lead < 0 || stamp is null)
        {
            return;
        }

        var type = Best(_triggers.Count(headline, 0, headline.Length)) ?? EngagementType.Announcement;
        events.Add(new Candidate(type, stamp, lead, lead, input.SentenceAt(paragraphs[lead].Span.Start)));
    }

    /// <summary>
    /// A report with no date to give its engagement still tells one (GUIDELINES: an engagement whose date
    /// is not written is undated): when its headline, its first paragraph or, the first naming none, the
    /// second names a kind of engagement ("… hailed the embassy." / "Visiting the embassy on the occasion
    /// of …"), that paragraph's engagement is kept without a date.
    /// </summary>
    private void AddUndatedReport(ExtractionInput input, List<Candidate> events)
    {
        var paragraphs = input.Paragraphs;
        var body = Enumerable.Range(0, paragraphs.Count).Where(i => !input.IsTitle(paragraphs[i].Span)).Take(2).ToList();
        if (body.Count == 0)
        {
            return;
        }

        var headline = input.Headline;
        var lead = body[0];
        var told = (headline is null ? null : Best(_triggers.Count(headline, 0, headline.Length))) ?? Told(lead);
        if (told is null && body.Count > 1 && Told(body[1]) is { } second)
        {
            (lead, told) = (body[1], second);
        }

        if (told is { } type)
        {
            events.Add(new Candidate(Decision(input, paragraphs[lead].Span, type), null, lead, lead, input.SentenceAt(paragraphs[lead].Span.Start)));
        }

        EngagementType? Told(int p) => Best(_triggers.Count(input.Text, paragraphs[p].Span.Start, paragraphs[p].Span.End, null, input.IsBoundary));
    }

    private Engagement Build(ExtractionInput input, Candidate c, Engagement? lead, int nextAnchor)
    {
        var text = input.Text;
        var paragraphs = input.Paragraphs;
        var isSession = lead is not null && IsLaterSession(text, c);

        // The passage: the context paragraphs, and for the lead the paragraph before it as well
        // (a hard-wrapped line often carries the speaker) and the title.
        var spans = new List<TextSpan>();
        var first = lead is null && c.ContextStart == c.Paragraph && c.Paragraph > 0 ? c.Paragraph - 1 : c.ContextStart;
        for (var p = first; p <= c.Paragraph && c.Own is null; p++)
        {
            spans.Add(paragraphs[p].Span);
        }

        // One of several engagements told in one paragraph: its own sentence, and who acts in the date's.
        if (c.Own is { } ownSentence)
        {
            spans.Add(ownSentence);
            if (c.Actor is { } actor)
            {
                spans.AddRange(input.MentionsCoveredBy(actor).Where(m => m.Kind == EntityKind.Person).Take(1).Select(m => m.Span));
            }
        }

        foreach (var extra in c.Extra)
        {
            spans.Add(paragraphs[extra.Paragraph].Span);
        }

        if (lead is null && input.Title is { } title)
        {
            spans.Add(title);
        }

        var mentions = input.MentionsCoveredBy(spans).Where(m => !IsInsideEventName(text, m) && !NamesAPostOnly(text, m)).ToList();
        if (!isSession && c.Own is null)
        {
            mentions.AddRange(FollowingSubjects(input, c, nextAnchor));
        }

        // In the order of the document's entities, each entity once (a page of megabytes names thousands).
        var named = mentions.Select(input.EntityOf).OfType<ResolvedEntity>().ToHashSet();
        var entities = input.EntitiesAmong(named);
        var passage = mentions.ToHashSet();

        var people = isSession ? [] : entities.Where(e => e.Kind == EntityKind.Person && !Bystanders.OnlyNamed(text, e.Mentions.Where(passage.Contains))).ToList();
        var orgs = entities.Where(e => e.IsOrganization && !Bystanders.OnlySentOnTo(input, e.Mentions.Where(passage.Contains)) && !Bystanders.OnlyAsAttribute(input, e.Mentions.Where(passage.Contains))).ToList();

        // Places are not resolved entities; one that acts here takes part as its administration.
        foreach (var acting in mentions.Where(m => m.Kind is EntityKind.Province or EntityKind.ForeignPlace && IsActingPlace(text, m)).GroupBy(m => m.Key))
        {
            var all = input.MentionsWithKey(acting.Key);
            orgs.Add(new ResolvedEntity(acting.Key, all[0].Name, all[0].Kind, all[0].Country, [.. all.Select(m => m.Text).Distinct(StringComparer.Ordinal)], all));
        }

        // "นายขจิต ชัชวาณิชย์ รองปลัดกรุงเทพมหานคร": the body a participant's title names takes part too.
        foreach (var key in mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Position?.Organization).OfType<EntityMention>()
            .Where(o => !NamesAPostOnly(text, o)).Select(o => o.Key).Distinct(StringComparer.Ordinal))
        {
            if (input.EntityWithKey(key) is { } body && !orgs.Contains(body) && body.Kind is not (EntityKind.Country or EntityKind.Person))
            {
                orgs.Add(body);
            }
        }
        if (isSession)
        {
            var own = paragraphs[c.Paragraph].Span;
            orgs = [.. orgs.Where(e => e.Mentions.Any(m => own.Covers(m.Span)))];
        }

        // In the order the text first names them: the parties a report leads with come first.
        orgs = [.. orgs.OrderBy(input.FirstStartIn(passage))];
        var found = _places.Find(text, c.Sentence, paragraphs[c.Paragraph].Span,
            i => input.IsInsideMention(i, static m => m.IsOrganization || m.Kind == EntityKind.Person));
        var place = found?.Text;
        if (found is { Span: var venue })
        {
            // "ณ หอประชุมเล็ก ศูนย์วัฒนธรรมแห่งประเทศไทย กรมส่งเสริมวัฒนธรรม": bodies named only in the venue's address are no parties.
            orgs.RemoveAll(o => o.Mentions.Where(passage.Contains).All(m => venue.Covers(m.Span)) && o.Mentions.Any(passage.Contains));
        }

        var countries = Countries(input, mentions, orgs, place);

        IReadOnlyList<string> sectors;
        if (isSession && lead is not null)
        {
            sectors = lead.Sectors;
        }
        else if (lead is null)
        {
            sectors = _sectors.ForDocument(text, [.. input.Sentences.Where(x => !input.IsCreditLine(x))], input.SectorMask, input.IsBoundary);
        }
        else
        {
            sectors = _sectors.ForPassage(text, spans, input.SectorMask, input.IsBoundary);
            // A passage that names no sector: the paragraph that goes on telling it ("The ceremony featured …"),
            // unless it is the next engagement's or a credit. Two paragraphs on cost as many wrong sectors as they found.
            var next = c.Paragraph + 1;
            if (sectors.Count == 0 && !isSession && c.Own is null && next < Math.Min(nextAnchor, paragraphs.Count) && !input.IsCreditLine(paragraphs[next].Span))
            {
                sectors = _sectors.ForPassage(text, [paragraphs[next].Span], input.SectorMask, input.IsBoundary);
            }
        }

        var evidence = new TextSpan(paragraphs[c.ContextStart].Span.Start, paragraphs[c.Paragraph].Span.End);
        return new Engagement(
            c.Type,
            c.Date,
            evidence,
            place,
            [.. orgs.Where(o => o.Kind is EntityKind.ThaiOrganization or EntityKind.Province)],
            [.. orgs.Where(o => o.Kind is not (EntityKind.ThaiOrganization or EntityKind.Province))],
            people,
            countries,
            sectors)
        {
            PlaceSpan = found?.Span,
        };
    }

    private static readonly string[] EnvoyTitles = ["Ambassador of", "Ambassadors of", "Ambassador of the", "Consul-General of", "เอกอัครราชทูต", "เอกอัครราชทูตประเทศ", "เอกอัครราชทูตสาธารณรัฐ", "กงสุลใหญ่"];

    /// <summary>Paragraphs after an engagement's own whose bodies still take part in it.</summary>
    private const int BodiesReach = 3;

    /// <summary>Paragraphs after an engagement's own whose people with a title or post still take part in it ("Somsak …, the Ambassador of Thailand to Qatar, thanked …" five paragraphs on).</summary>
    private const int PeopleReach = 7;

    /// <summary>
    /// The paragraphs after an engagement's own, up to the next one's, usually quote its participants:
    /// "นายเกียรติศักดิ์ … เปิดเผยว่า …". From each, the people named with a title or a post and the
    /// bodies take part; other names there are only talked about. Bodies are read only from the nearer
    /// paragraphs: further on a report names the bodies it talks about, its speakers still took part.
    /// </summary>
    private static IEnumerable<EntityMention> FollowingSubjects(ExtractionInput input, Candidate c, int nextAnchor)
    {
        var paragraphs = input.Paragraphs;
        // Bodies only up to where the engagement's date is told again: past it a report goes on to its setting and background.
        var toldAgain = c.Extra.Select(x => x.Paragraph).Where(p => p > c.Paragraph).DefaultIfEmpty(int.MaxValue).Min();
        for (var p = c.Paragraph + 1; p < Math.Min(nextAnchor, c.Paragraph + PeopleReach + 1); p++)
        {
            var span = paragraphs[p].Span;
            if (input.IsCreditLine(span))
            {
                continue;
            }

            var near = p <= c.Paragraph + BodiesReach && p < toldAgain;
            if (TellsEarlierDate(input, span, c.Date))
            {
                continue;
            }

            var inside = input.MentionsCoveredBy(span).ToList();
            foreach (var m in inside.Where(m => (near && m.IsOrganization) || (m.Kind == EntityKind.Person && (m.Text.Length > m.Name.Length || m.Position is not null))
                || (near && m.Kind == EntityKind.Country && IsEnvoysCountry(input.Text, m))))
            {
                yield return m;
            }
        }
    }

    /// <summary>
    /// A paragraph dating something earlier than the engagement ("met during the ASEAN Summit last year", "joined the
    /// network in 2019") tells history and its people; a later date there is what the engagement plans, still its own.
    /// </summary>
    private static bool TellsEarlierDate(ExtractionInput input, TextSpan paragraph, DateMention? date)
    {
        if (date?.Value.ToString() is not { Length: > 0 } own || !char.IsAsciiDigit(own[0]))
        {
            return false;
        }

        foreach (var d in input.DatesCoveredBy(paragraph))
        {
            // Values written from the year (2022, 2023-01, 2023-01-11T10:30) sort as their time; one inside the other is the same time.
            var other = d.Value.ToString();
            if (other.Length > 0 && char.IsAsciiDigit(other[0]) && string.CompareOrdinal(other, own) < 0
                && !own.StartsWith(other, StringComparison.Ordinal) && !other.StartsWith(own, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Ambassador of Poland", "เอกอัครราชทูตโปแลนด์": a country whose envoy is named takes part with them.</summary>
    private static bool IsEnvoysCountry(string text, EntityMention country)
    {
        var from = Math.Max(0, country.Span.Start - 40);
        var before = text.AsSpan(from, country.Span.Start - from).TrimEnd();
        foreach (var envoy in EnvoyTitles)
        {
            if (before.EndsWith(envoy, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A province or city that acts — its administration takes part ("จังหวัดนครพนมร่วมกับ…", "Fukuoka
    /// Prefecture", "the City of Sendai") — rather than being where something happens ("ณ จังหวัด…", "in Sendai").
    /// </summary>
    private static bool IsActingPlace(string text, EntityMention m)
    {
        // An address ends with its city: "ณ โรงละครแห่งชาติ กรุงเทพมหานคร", "at the Arc Cinema in Canberra".
        var lineStart = TextLines.LastBreak(text, Math.Max(0, m.Span.Start - 1)) + 1;
        var from = Math.Max(lineStart, m.Span.Start - 40);
        var before = text.AsSpan(from, m.Span.Start - from);
        foreach (var w in PlacePrepositions)
        {
            var at = before.LastIndexOf(w, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (w[0] >= '\u0E00' || at == 0 || !char.IsLetter(before[at - 1])) && before[(at + w.Length)..].IndexOfAny(",;") < 0)
            {
                return false;
            }
        }

        var written = m.Text;
        var after = text.AsSpan(m.Span.End, Math.Min(24, text.Length - m.Span.End)).TrimStart().ToString();
        return written.StartsWith("จังหวัด", StringComparison.Ordinal) || before.TrimEnd().EndsWith("จังหวัด", StringComparison.Ordinal)
            || written.StartsWith("เทศบาล", StringComparison.Ordinal)
            || AdministrativeWords.Any(w => written.Contains(w, StringComparison.OrdinalIgnoreCase) || after.StartsWith(w, StringComparison.OrdinalIgnoreCase))
            || before.TrimEnd().EndsWith("City of", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] PlacePrepositions = ["ณ ", "พื้นที่", "ที่จังหวัด", "ในจังหวัด", "ในตัวเมือง", "จากจังหวัด", "สู่", "ไปยัง", "เยือน", "เดินทาง", " at ", " in ", " from ", " to ", "visit"];
    private static readonly string[] AdministrativeWords = ["Prefecture", "Prefectural", "City Government", "Municipal", "Metropolitan Government", "Province", "Provincial", "County", "State Government", "City Council"];

    /// <summary>
    /// "รัฐมนตรีประจำสำนักนายกรัฐมนตรี", "โฆษกประจำสำนักนายกรัฐมนตรี", "Prime Minister's Office Minister": a cabinet
    /// post or a spokesperson attached to an office names the post, not a body that takes part.
    /// </summary>
    private static bool NamesAPostOnly(string text, EntityMention m)
    {
        if (!m.IsOrganization)
        {
            return false;
        }

        var before = text.AsSpan(Math.Max(0, m.Span.Start - 16), Math.Min(16, m.Span.Start)).TrimEnd();
        var after = text.AsSpan(m.Span.End, Math.Min(10, text.Length - m.Span.End));
        return before.EndsWith("รัฐมนตรีประจำ", StringComparison.Ordinal) || before.EndsWith("โฆษกประจำ", StringComparison.Ordinal)
            || (m.Text.EndsWith("Office", StringComparison.OrdinalIgnoreCase) && after.StartsWith(" Minister", StringComparison.Ordinal))
            || before.EndsWith("Minister of the", StringComparison.Ordinal) && m.Text.Contains("Prime Minister", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"ครั้งที่ 2 วันที่ 26 ตุลาคม": a later session of a series announced with the lead event.</summary>
    private static bool IsLaterSession(string text, Candidate c)
    {
        if (c.Date is null || c.Actor is not null)
        {
            return false;
        }

        var from = Math.Max(c.Sentence.Start, c.Date.Span.Start - 24);
        var before = text[from..c.Date.Span.Start];
        var at = before.LastIndexOf("ครั้งที่", StringComparison.Ordinal);
        if (at < 0)
        {
            at = before.LastIndexOf("session", StringComparison.OrdinalIgnoreCase);
        }

        return at >= 0;
    }

    private bool IsInsideEventName(string text, EntityMention m)
    {
        if (m.IsOrganization && IsInsideQuotedTitle(text, m))
        {
            return true;
        }

        // "ASEAN Summit", “THACCA SPLASH - Soft Power Forum”: the organisation names an event here; not in
        // "the Ministry of Culture held Thai Film Week", where a verb stands between the body and the event's name.
        var after = text.AsSpan(m.Span.End, Math.Min(40, text.Length - m.Span.End));
        foreach (var w in _eventNameWords)
        {
            var idx = after.IndexOf(w, StringComparison.Ordinal);
            if (idx >= 0 && idx <= 25 && after[..idx].IndexOfAny("\n”\",") < 0 && IsNameRun(after[..idx]))
            {
                return m.IsOrganization;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words between a body and an event's word go on one name: capitalised or numbered Latin
    /// words and the small words of names ("ASEAN Culture and Arts Week", "THACCA SPLASH - Soft Power Forum"),
    /// or the English name in brackets after a Thai one that holds the body ("…ขององค์การยูเนสโก (UCCN Annual
    /// Conference)"); not a verb or any Thai word ("held Thai Film Week", "จัดงาน Thai Festival").
    /// </summary>
    private static bool IsNameRun(ReadOnlySpan<char> between)
    {
        foreach (var range in between.Split(' '))
        {
            var word = between[range].Trim("-–:’'(");
            if (word.IsEmpty || NameJoiners.Contains(word.ToString()))
            {
                continue;
            }

            if (!(char.IsAsciiLetterUpper(word[0]) || char.IsAsciiDigit(word[0])) || Gazetteer.HasThaiLetter(word))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FrozenSet<string> NameJoiners = new[] { "of", "and", "for", "the", "&", "de" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// “อัพสกิล TIKTOK ปั้น Content PR ให้ปัง”: an organisation inside a quoted title with other words is
    /// what the title talks about, not a party to the engagement. A quote that is only the name (and a
    /// place) is the name.
    /// </summary>
    private static bool IsInsideQuotedTitle(string text, EntityMention m)
    {
        // Quotes are looked for within 60 characters only: on a page of one long line, searching to the line's
        // ends for every name made extraction quadratic.
        var open = m.Span.Start == 0 ? -1 : text.LastIndexOfAny(['“', '"'], m.Span.Start - 1, Math.Min(61, m.Span.Start));
        if (open < 0 || open < m.Span.Start - 60 || text.AsSpan(open + 1, m.Span.Start - open - 1).IndexOfAny("”\"\n") >= 0)
        {
            return false;
        }

        var close = text.IndexOfAny(['”', '"'], m.Span.End, Math.Min(61, text.Length - m.Span.End));
        if (close < 0 || close - m.Span.End > 60 || text.IndexOf('\n', m.Span.End, close - m.Span.End) >= 0)
        {
            return false;
        }

        var before = text.AsSpan(open + 1, m.Span.Start - open - 1).Trim();
        var after = text.AsSpan(m.Span.End, close - m.Span.End).Trim();
        var otherWords = (before.IsEmpty ? 0 : before.Count(' ') + 1) + (after.IsEmpty ? 0 : after.Count(' ') + 1);
        return otherWords >= 2;
    }

    /// <summary>
    /// The foreign countries taking part: those named in the engagement's passage (where an event abroad is
    /// held counts: GUIDELINES gives the host country, but not where an international body meets), and the
    /// countries of its foreign bodies; not a country
    /// named to compare ("like Korea's K-pop", "เช่นเดียวกับญี่ปุ่น") or only for the pavilion or booth it has.
    /// </summary>
    private static List<string> Countries(ExtractionInput input, List<EntityMention> mentions, List<ResolvedEntity> orgs, string? place)
    {
        var codes = new List<string>();
        var multilateral = orgs.Any(o => o.Kind == EntityKind.InternationalOrganization || (o.Kind == EntityKind.ForeignOrganization && o.Country is null));
        // "ณ สำนักงานใหญ่องค์การยูเนสโก กรุงปารีส": a place that is an international body's seat.
        var seat = place is not null && mentions.Any(m => m.Kind == EntityKind.InternationalOrganization && place.Contains(m.Text, StringComparison.Ordinal));
        foreach (var m in mentions)
        {
            // Where UNESCO or ASEAN meets (Paris, Bogotá) is its venue; the host of an embassy's event abroad takes part.
            if (m.Kind is EntityKind.Country or EntityKind.ForeignPlace && m.Country is { } code && code != "TH" && !IsAside(input.Text, m)
                && !(multilateral && IsVenue(input, m)) && !(seat && place!.Contains(m.Text, StringComparison.Ordinal)) && !IsRegionsSovereign(input, m) && !IsMarket(input, m))
            {
                codes.Add(code);
            }
        }

        codes.AddRange(orgs.Where(o => o.Kind == EntityKind.ForeignOrganization && o.Country is not null && o.Country != "TH").Select(o => o.Country!));
        // "สถานเอกอัครราชทูต ณ กรุงวอชิงตัน" holding an event and no other country named: for an embassy's event
        // abroad, the host country (an embassy in Stockholm at work in Riga has Latvia named instead).
        if (codes.Count == 0)
        {
            codes.AddRange(mentions.Where(m => m.HostCountry is not null).Select(m => m.HostCountry!));
        }

        // A foreign government's own release names its officials without their country ("The Secretary for the Arts,
        // Ms Jane Doe, began her visit to Thailand"): with none named here, the one
        // foreign country the page is clearly about takes part (not where a multilateral body meets).
        if (codes.Count == 0 && !multilateral && input.DominantForeignCountry is { } main)
        {
            codes.Add(main);
        }

        return [.. codes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// "เขตบริหารพิเศษฮ่องกงแห่งสาธารณรัฐประชาชนจีน", "Hong Kong Special Administrative Region of the People's Republic
    /// of China": the country written after a special administrative region is part of the region's name, not a partner.
    /// </summary>
    private static bool IsRegionsSovereign(ExtractionInput input, EntityMention m)
    {
        // Only the formal name: "ฮ่องกง จีน ไต้หวัน" is a list of places.
        if (!m.Text.StartsWith("สาธารณรัฐประชาชน", StringComparison.Ordinal) && !m.Text.Contains("People", StringComparison.Ordinal))
        {
            return false;
        }

        // The region as the lexicon knows it, alone or ending a body's name ("…รัฐบาลแห่งเขตบริหารพิเศษฮ่องกง").
        if (input.LastEndingBy(m.Span.Start, static x => x.Country is "HK" or "MO" && x.Kind != EntityKind.Person) is not { } region)
        {
            return false;
        }

        var between = input.Text.AsSpan(region.Span.End, m.Span.Start - region.Span.End).Trim(" ,");
        return between.IsEmpty || between.SequenceEqual("แห่ง") || between.SequenceEqual("ของ") || between.SequenceEqual("of the") || between.SequenceEqual("of");
    }

    /// <summary>
    /// A country named as a market the engagement aims at, not a party to it: "the Chinese market", "Chinese and Japanese
    /// markets", "ตลาดจีน", "ตลาดประเทศจีนและญี่ปุ่น".
    /// </summary>
    private static bool IsMarket(ExtractionInput input, EntityMention m)
    {
        var text = input.Text;
        if (MarketAfter().IsMatch(text.AsSpan(m.Span.End, Math.Min(60, text.Length - m.Span.End))))
        {
            return true;
        }

        var before = text.AsSpan(0, m.Span.Start).TrimEnd();
        if (before.EndsWith("ตลาด", StringComparison.Ordinal) || before.EndsWith("ตลาดประเทศ", StringComparison.Ordinal))
        {
            return true;
        }

        // The second of a list after a market: "ตลาดจีนและญี่ปุ่น".
        var joined = before.EndsWith("และ", StringComparison.Ordinal) ? 3 : before.EndsWith(",", StringComparison.Ordinal) ? 1 : 0;
        return joined > 0
            && input.LastEndingBy(before.Length - joined, static x => x.Kind is EntityKind.Country or EntityKind.ForeignPlace) is { } first
            && text.AsSpan(first.Span.End, before.Length - joined - first.Span.End).IsWhiteSpace() && IsMarket(input, first);
    }

    /// <summary>"market", or a list of capitalised names ending in it: " and Japanese markets".</summary>
    [GeneratedRegex(@"^(?:\s*(?:,|and|or|&)\s*[A-Z][\p{L}'’]+)*\s+[Mm]arkets?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MarketAfter();

    /// <summary>Named as where something happens: "in Paris", "ณ กรุงปารีส", "ที่ประเทศโคลอมเบีย", and the country after such a city ("ณ กรุงโบโกตา สาธารณรัฐโคลอมเบีย").</summary>
    private static bool IsVenue(ExtractionInput input, EntityMention m)
    {
        var text = input.Text;
        var city = input.LastEndingBy(m.Span.Start, static x => x.Kind is EntityKind.ForeignPlace or EntityKind.Country);
        if (city is not null && city != m && text.AsSpan(city.Span.End, m.Span.Start - city.Span.End).IsWhiteSpace() && IsVenue(input, city))
        {
            return true;
        }

        var before = text.AsSpan(Math.Max(0, m.Span.Start - 12), Math.Min(12, m.Span.Start)).TrimEnd();
        return before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith("ณ", StringComparison.Ordinal) || before.EndsWith(" at", StringComparison.Ordinal)
            || before.EndsWith("ณ ประเทศ", StringComparison.Ordinal) || before.EndsWith("ที่ประเทศ", StringComparison.Ordinal) || before.EndsWith("ณ กรุง", StringComparison.Ordinal)
            || before.EndsWith("ณ เมือง", StringComparison.Ordinal) || before.EndsWith("ณ นคร", StringComparison.Ordinal);
    }

    private static bool IsAside(string text, EntityMention m)
    {
        var lineStart = TextLines.LastBreak(text, Math.Max(0, m.Span.Start - 1)) + 1;
        var from = Math.Max(lineStart, m.Span.Start - 30);
        var before = text.AsSpan(from, m.Span.Start - from);
        foreach (var cue in AsideCues)
        {
            if (before.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] AsideCues = ["เช่นเดียวกับ", "เหมือนกับ", "เทียบกับ", "เปรียบเทียบ", "อย่างเช่น", "ไม่ต่างจาก", "like ", "such as", "compared", "similar to", "as in ", "pavilion", "พาวิลเลียน", "ศาลา", "บูธ", "booth"];


    private static int ParagraphIndex(IReadOnlyList<Paragraph> paragraphs, int position)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Span.Start <= position && position < paragraphs[i].Span.End)
            {
                return i;
            }
        }

        return -1;
    }

    private static EngagementType? Best(Dictionary<EngagementType, int> scores) =>
        scores.Count == 0 ? null : scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;

    private sealed record Candidate(EngagementType Type, DateMention? Date, int Paragraph, int ContextStart, TextSpan Sentence)
    {
        public IReadOnlyList<Candidate> Extra { get; init; } = [];

        /// <summary>The sentence that alone tells this engagement, when its paragraph tells several (<see cref="SameDay"/>).</summary>
        public TextSpan? Own { get; init; }

        /// <summary>The date's sentence, whose first person acts in each engagement told after it.</summary>
        public TextSpan? Actor { get; init; }
    }
}
