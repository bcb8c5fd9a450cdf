using System.Globalization;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// One date of a document that may be an engagement's date: every mention of the same day (or month,
/// or range start) together, since a report names its event's date more than once ("วันนี้ (24 ส.ค.
/// 68)" in the lead, "24 สิงหาคม 2568" below). <see cref="Key"/> is the value the mentions share.
/// </summary>
internal sealed record EventAnchor(string Key, IReadOnlyList<DateMention> Mentions, AnchorEvidence Evidence, IReadOnlyList<string> Features)
{
    /// <summary>The mention that best names the date: a range over a single day, the earliest otherwise.</summary>
    public DateMention Best => Mentions.FirstOrDefault(m => m.End is not null) ?? Mentions[0];

    /// <summary>Year-only and year-less values cannot date an event (GUIDELINES: such an event's date is null).</summary>
    public bool DatesTheEvent => Best.Value.Granularity is DateGranularity.Month or DateGranularity.Day or DateGranularity.Minute
        && !Key.StartsWith('-');
}

/// <summary>
/// What the words around an anchor's mentions say, summed over its mentions in the body: the trigger
/// lexicon's scores per engagement type in the sentence (within reach of the date), the paragraph, the
/// paragraph before, and the title; and whether the date is told as history ("ก่อตั้งเมื่อ", "since").
/// </summary>
internal sealed record AnchorEvidence(
    Dictionary<EngagementType, int> Sentence,
    Dictionary<EngagementType, int> Paragraph,
    Dictionary<EngagementType, int> Before,
    Dictionary<EngagementType, int> Title,
    bool History,
    bool InBody)
{
    /// <summary>For each mention in the body, the engagement type its own sentence decisively names, if any.</summary>
    public List<(DateMention Mention, EngagementType? Type)> PerMention { get; } = [];

    /// <summary>The mention stands on a short line of a list ("ครั้งที่ 2 วันที่ 22 พฤษภาคม 2568 ณ จังหวัดสตูล").</summary>
    public bool ListItem { get; init; }

    /// <summary>A cabinet approves or authorises beside the date: the engagement is the decision announced.</summary>
    public bool Approval { get; init; }

    /// <summary>Mentions that only date a statement: a speech verb follows them, then the date of what was told.</summary>
    public List<DateMention> Said { get; } = [];

    /// <summary>The report's opening date: the first date of the body, opening a sentence of its first paragraphs ("เมื่อวันที่ 26 มิถุนายน 2562 …", "On 26 August 2022, …").</summary>
    public bool Lead { get; init; }

    /// <summary>The opening date's sentence names a person or a body: someone did something that day.</summary>
    public bool LeadHasActor { get; init; }

    /// <summary>A mention stands in the headline.</summary>
    public bool InTitle { get; init; }
}

/// <summary>
/// One anchor as the extraction stage saw it: its date, the features the event model reads, and the
/// type the hand-written rules gave it (null: no engagement), and whether the rules rule out any
/// engagement on it (a stamp, history, a year alone). What <c>atlas train</c> learns from.
/// </summary>
public sealed record AnchorRecord(string Key, IReadOnlyList<string> Features, EngagementType? RuleType, bool RuledOut)
{
    /// <summary>Where the anchor's dates are written, in the analysed text (<c>atlas extract --anchors</c> shows them).</summary>
    public IReadOnlyList<TextSpan> Spans { get; init; } = [];

    /// <summary>Why the rules exclude any engagement on this date, when <see cref="RuledOut"/>.</summary>
    public string? Exclusion { get; init; }
}

/// <summary>The anchors of one document.</summary>
public sealed record EventAnchorSet(IReadOnlyList<AnchorRecord> Anchors);

/// <summary>
/// Groups a document's dates into <see cref="EventAnchor"/>s and describes each by the features the
/// event model reads: how the date is written, where it stands, what the words around it say (the
/// trigger lexicon's verdict per engagement type, tense and history cues, and the words themselves).
/// </summary>
internal sealed class EventAnchorReader(PhraseCounter<EngagementType> triggers)
{
    private const int Window = 90;
    private static readonly string[] BeforeCues = ["เมื่อ", "วันที่", "ระหว่าง", "ตั้งแต่", "ภายใน", "ก่อน", "ประจำปี", "ครั้งที่", "ปี", "ใน", "on", "from", "since", "in", "by", "until", "of", "at", "to", "(", "วันนี้"];
    private static readonly string[] AfterCues = ["ที่ผ่านมา", "นี้", "ago", "this year", "next", "ที่จะถึง", ")"];
    private static readonly string[] FutureWords = ["จะ", "กำหนดจัด", "เตรียม", "will", "scheduled", "to be held", "upcoming", "plans", "ที่จะถึง"];
    private static readonly string[] PastWords = ["ที่ผ่านมา", "เมื่อ", "ได้", "was", "were", "held", "had", "last", "ago"];
    private static readonly string[] CabinetWords = ["ครม.", "คณะรัฐมนตรี", "cabinet", "Cabinet"];
    private static readonly string[] ApprovalWords = ["อนุมัติ", "เห็นชอบ", "approved", "approves", "approve", "endorsed", "endorses", "authorised", "authorized", "authorises", "authorizes", "okayed", "okays", "decided", "decides", "resolved", "มีมติ", "green light", "greenlit", "ไฟเขียว"];

    /// <summary>"ครม. อนุมัติร่างบันทึกความเข้าใจ…", "the Cabinet has okayed the drafted MOU": a cabinet's decision, which announces and signs nothing.</summary>
    public static bool IsCabinetApproval(ReadOnlySpan<char> passage) => WordLists.ContainsAny(passage, CabinetWords) && WordLists.ContainsAny(passage, ApprovalWords);
    private static readonly string[] SpeechWords = ["เปิดเผยว่า", "กล่าวว่า", "แถลงว่า", "ระบุว่า", "เผยว่า", "said", "announced that", "told", "stated"];
    // Not "anniversary"/"ครบรอบ": the day of an anniversary is the day it is celebrated. "ตั้งแต่" is "since"
    // only when it does not open the date itself ("ตั้งแต่วันที่ 21 ตุลาคม ถึง 12 พฤศจิกายน": from … to …).
    private static readonly string[] HistoryWords = ["ก่อตั้ง", "ตั้งแต่", "since", "founded", "established", "เมื่อปี", "history", "in the past"];

    public IReadOnlyList<EventAnchor> Read(ExtractionInput input)
    {
        var groups = new Dictionary<string, List<DateMention>>(StringComparer.Ordinal);
        var order = new List<string>();
        var dates = input.Dates;
        for (var d = 0; d < dates.Count; d++)
        {
            var date = dates[d];
            if (!IsCandidate(input, date) || IsQuotedRelativeDay(input, date))
            {
                continue;
            }

            // "เมื่อวานนี้ (29 พ.ค. 67)", "today (5 October)": a relative word and the date written beside it are one date.
            var key = date.IsRelative && d + 1 < dates.Count && dates[d + 1].Span.Start - date.Span.End is >= 0 and <= 6 && IsCandidate(input, dates[d + 1])
                ? KeyOf(dates[d + 1])
                : KeyOf(date);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add(date);
        }

        var firstBody = input.Dates.FirstOrDefault(d => IsCandidate(input, d) && d.Role != DateRole.Publication);
        var anchors = new List<EventAnchor>(order.Count);
        var spanCounts = new Dictionary<(int Start, int End), Dictionary<EngagementType, int>>();
        for (var i = 0; i < order.Count; i++)
        {
            var mentions = groups[order[i]];
            var evidence = new AnchorEvidence([], [], [], [], false, false);
            var features = Describe(input, order[i], mentions, firstBody, i, ref evidence, spanCounts);
            anchors.Add(new EventAnchor(order[i], mentions, evidence, features));
        }

        return anchors;
    }

    /// <summary>
    /// "“Tonight's show brought our two peoples together,” she said": a relative day inside a quotation
    /// is the day the speaker spoke, which the text does not give; it dates no engagement.
    /// </summary>
    private static bool IsQuotedRelativeDay(ExtractionInput input, DateMention date)
    {
        if (!date.IsRelative || date.Value.Granularity < DateGranularity.Day)
        {
            return false;
        }

        var p = ParagraphOf(input, date.Span.Start);
        var before = input.Text.AsSpan(input.Paragraphs[p].Span.Start, date.Span.Start - input.Paragraphs[p].Span.Start);
        return before.LastIndexOf('“') > before.LastIndexOf('”') || before.Count('"') % 2 == 1;
    }

    /// <summary>The value an anchor's mentions share: a range's first day, without the time.</summary>
    public static string KeyOf(DateMention date)
    {
        var n = date.Normalized;
        var slash = n.IndexOf('/', StringComparison.Ordinal);
        var start = slash < 0 ? n : n[..slash];
        var t = start.IndexOf('T', StringComparison.Ordinal);
        return t < 0 ? start : start[..t];
    }

    /// <summary>A date that can be an engagement's: not part of a name, not a deadline or a plan's period, not a fiscal year.</summary>
    private static bool IsCandidate(ExtractionInput input, DateMention date) =>
        date.Error is null && date.HasValue && !date.Span.IsEmpty && !date.IsFiscalYear && date.Duration is null
        && date.Role is not (DateRole.Name or DateRole.Deadline or DateRole.Period) && ParagraphOf(input, date.Span.Start) >= 0;

    private List<string> Describe(
        ExtractionInput input, string key, List<DateMention> mentions, DateMention? firstBody, int rank, ref AnchorEvidence evidence,
        Dictionary<(int Start, int End), Dictionary<EngagementType, int>> spanCounts)
    {
        var text = input.Text;
        // Sized for an anchor's usual hundred-odd features, so it is not regrown five times; nothing is removed,
        // so the features still come out in the order they were added.
        var f = new HashSet<string>(128, StringComparer.Ordinal) { "bias" };
        var best = mentions.FirstOrDefault(m => m.End is not null) ?? mentions[0];
        f.Add("gran:" + (key.StartsWith('-') ? "noyear" : best.Value.Granularity.ToString()));
        f.Add("rank:" + Math.Min(rank, 3).ToString(CultureInfo.InvariantCulture));
        f.Add("count:" + Math.Min(mentions.Count, 3).ToString(CultureInfo.InvariantCulture));
        if (mentions.Contains(firstBody!))
        {
            f.Add("first-body-date");
        }

        if (input.Published is { } published && best.Value.Granularity >= DateGranularity.Day && !key.StartsWith('-'))
        {
            var day = best.Value.StartDate;
            f.Add(day == published ? "pub:same" : day < published ? (published.DayNumber - day.DayNumber > 60 ? "pub:long-before" : "pub:before") : "pub:after");
        }
        else
        {
            f.Add(input.Published is null ? "pub:none" : "pub:coarse");
        }

        foreach (var m in mentions)
        {
            f.Add("role:" + m.Role.ToString());
            if (m.End is not null)
            {
                f.Add("range");
            }

            if (m.Value.Granularity == DateGranularity.Minute)
            {
                f.Add("time");
            }

            if (m.IsRelative)
            {
                f.Add("relative");
            }

            var p = ParagraphOf(input, m.Span.Start);
            var para = input.Paragraphs[p].Span;
            if (input.IsTitle(para))
            {
                f.Add("in-title");
                evidence = evidence with { InTitle = true };
                continue;
            }

            var bodyIndex = input.BodyParagraphsBefore(p);
            f.Add("para:" + Math.Min(bodyIndex, 4).ToString(CultureInfo.InvariantCulture));
            if (para.Length < 60)
            {
                f.Add("short-line");
            }

            var sentence = input.SentenceAt(m.Span.Start);
            if (m.Span.Start - sentence.Start < 12)
            {
                f.Add("opens-sentence");
            }

            if (m == firstBody && bodyIndex <= 2 && m.Span.Start - sentence.Start < 24 && m.Role != DateRole.Publication)
            {
                var actor = input.MentionsCoveredBy(sentence).Any(x => x.IsOrganization || x.Kind == Entities.EntityKind.Person);
                evidence = evidence with { Lead = true, LeadHasActor = actor };
            }

            AddCues(f, text, m.Span);
            var from = Math.Max(sentence.Start, m.Span.Start - Window);
            var to = Math.Min(sentence.End, m.Span.End + Window);
            var inSentence = triggers.Count(text, from, to, null, input.IsBoundary);
            var inParagraph = CountIn(input, para, spanCounts);
            AddTriggers(f, "s", inSentence);
            AddTriggers(f, "p", inParagraph);
            Merge(evidence.Sentence, inSentence);
            Merge(evidence.Paragraph, inParagraph);
            // The paragraph that introduces this one: for an item of a list, the one above the list.
            var intro = p - 1;
            while (intro > 0 && p - intro < 6 && input.Paragraphs[intro].Span.Length < 120 && StartsListItem(text, input.Paragraphs[intro].Span))
            {
                intro--;
            }

            if (intro >= 0 && !input.IsTitle(input.Paragraphs[intro].Span))
            {
                var prev = input.Paragraphs[intro].Span;
                var before = CountIn(input, prev, spanCounts);
                AddTriggers(f, "b", before);
                Merge(evidence.Before, before);
            }

            AddWords(f, "w", input, from, m.Span.Start);
            AddWords(f, "a", input, m.Span.End, to);
            AddMarkers(f, text, from, to, OpensWithFrom(text, from, m) ?? -1);
            // "ครม. อนุมัติร่างบันทึกความเข้าใจ…", "the cabinet approved the draft MOU": a decision announced, not a signing.
            var window = text.AsSpan(from, to - from);
            if (IsCabinetApproval(window))
            {
                evidence = evidence with { Approval = true };
            }

            // "วันนี้ (23 ก.พ. 68) นางสาวจิราพร เปิดเผยว่า … จัดงาน … ในวันที่ 24 กุมภาพันธ์ 2568": the first date is when it was said.
            if (IsWhenSaid(input, m, sentence))
            {
                evidence.Said.Add(m);
            }

            var isPublication = m.Role == DateRole.Publication || IsDateline(text, para, m.Span);
            var decisive = inSentence.Where(kv => kv.Value >= 3).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (EngagementType?)kv.Key).FirstOrDefault();
            evidence.PerMention.Add((m, isPublication ? null : decisive));
            evidence = evidence with
            {
                History = evidence.History || f.Contains("history"),
                InBody = evidence.InBody || !isPublication,
                ListItem = evidence.ListItem || (para.Length < 120 && StartsListItem(text, para)),
            };

        }

        if (input.Title is { } title)
        {
            var inTitle = CountIn(input, title, spanCounts);
            AddTriggers(f, "t", inTitle);
            Merge(evidence.Title, inTitle);
        }

        return [.. f];
    }

    /// <summary>
    /// A date written as still ahead: a word of the future on its line within 60 characters before it ("ซึ่งจะมีกำหนด
    /// จัดขึ้นในวันที่ …", "which will be held on …"), or นี้ / ที่จะถึง right after it ("7-9 พ.ค.นี้").
    /// </summary>
    public static bool IsToldAhead(string text, TextSpan date)
    {
        var lineStart = TextLines.LastBreak(text, Math.Max(0, date.Start - 1)) + 1;
        var from = Math.Max(lineStart, date.Start - 60);
        var after = text.AsSpan(date.End, Math.Min(12, text.Length - date.End)).TrimStart(' ');
        return after.StartsWith("นี้", StringComparison.Ordinal) || after.StartsWith("ที่จะถึง", StringComparison.Ordinal)
            || WordLists.ContainsAny(text.AsSpan(from, date.Start - from), FutureWords);
    }

    private static bool IsWhenSaid(ExtractionInput input, DateMention m, TextSpan sentence)
    {
        var text = input.Text;
        if (m.Span.End >= sentence.End)
        {
            // The date runs to (or, in broken markup, past) the sentence's end: nothing is said after it.
            return false;
        }

        // "Minister Kobkarn said this week that …", "the spokesman said on Monday that …": the day it was said.
        var lead = text.AsSpan(Math.Max(sentence.Start, m.Span.Start - 24), m.Span.Start - Math.Max(sentence.Start, m.Span.Start - 24)).TrimEnd();
        if (lead.EndsWith(" on", StringComparison.Ordinal))
        {
            lead = lead[..^3];
        }

        if (lead.EndsWith(" said", StringComparison.Ordinal) || lead.EndsWith(" says", StringComparison.Ordinal) || lead.EndsWith(" told reporters", StringComparison.Ordinal))
        {
            return true;
        }

        var rest = text.AsSpan(m.Span.End, sentence.End - m.Span.End);
        foreach (var verb in SpeechWords)
        {
            var at = rest.IndexOf(verb, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < 160)
            {
                var after = m.Span.End + at + verb.Length;
                return input.DatesCoveredBy(new TextSpan(after, sentence.End)).Any(d => d.HasValue && d.Role != DateRole.Name && EventAnchorReader.KeyOf(d) != EventAnchorReader.KeyOf(m));
            }
        }

        return false;
    }

    /// <summary>A short line that opens with its date ("วันจันทร์ที่ 24 มีนาคม 2568 เวลา 13.00 น."): a dateline over the report, not a sentence of it.</summary>
    internal static bool IsDateline(string text, TextSpan para, TextSpan date) =>
        para.Length < 60 && date.Start - para.Start < 12 && !StartsListItem(text, para);

    /// <summary>A line that opens as an item of a list: "ครั้งที่ 2", "- ", "• ", "1.", "Session 2".</summary>
    private static bool StartsListItem(string text, TextSpan para)
    {
        var s = text.AsSpan(para.Start, para.Length).TrimStart();
        return s.StartsWith("ครั้งที่", StringComparison.Ordinal) || s.StartsWith("รุ่นที่", StringComparison.Ordinal)
            || s.StartsWith("session", StringComparison.OrdinalIgnoreCase) || s.StartsWith("- ", StringComparison.Ordinal)
            || s.StartsWith("• ", StringComparison.Ordinal) || (s.Length > 2 && char.IsDigit(s[0]) && s[1] is '.' or ')');
    }

    /// <summary>
    /// Trigger counts in a paragraph or the title, counted once per document: every date in the paragraph asks for
    /// the same span. The counts are only read, never changed, so one dictionary serves all.
    /// </summary>
    private Dictionary<EngagementType, int> CountIn(
        ExtractionInput input, TextSpan span, Dictionary<(int Start, int End), Dictionary<EngagementType, int>> spanCounts)
    {
        if (!spanCounts.TryGetValue((span.Start, span.End), out var counts))
        {
            counts = triggers.Count(input.Text, span.Start, span.End, null, input.IsBoundary);
            spanCounts[(span.Start, span.End)] = counts;
        }

        return counts;
    }

    private static void Merge(Dictionary<EngagementType, int> into, Dictionary<EngagementType, int> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = Math.Max(into.GetValueOrDefault(k), v);
        }
    }

    private static void AddCues(HashSet<string> f, string text, TextSpan span)
    {
        var before = text.AsSpan(Math.Max(0, span.Start - 16), Math.Min(16, span.Start)).TrimEnd();
        foreach (var cue in BeforeCues)
        {
            if (before.EndsWith(cue, StringComparison.OrdinalIgnoreCase))
            {
                f.Add("before:" + cue);
            }
        }

        var after = text.AsSpan(span.End, Math.Min(16, text.Length - span.End)).TrimStart();
        foreach (var cue in AfterCues)
        {
            if (after.StartsWith(cue, StringComparison.OrdinalIgnoreCase))
            {
                f.Add("after:" + cue);
            }
        }
    }

    private static void AddTriggers(HashSet<string> f, string where, Dictionary<EngagementType, int> counts)
    {
        if (counts.Count == 0)
        {
            f.Add(where + ":none");
            return;
        }

        var top = counts.Max(kv => kv.Value);
        foreach (var (type, score) in counts)
        {
            var name = type.ToContract();
            f.Add(where + ":" + name);
            if (score >= 3)
            {
                f.Add(where + ":" + name + ":strong");
            }

            if (score == top)
            {
                f.Add(where + ":top:" + name);
            }
        }
    }

    private static void AddMarkers(HashSet<string> f, string text, int from, int to, int opening)
    {
        var span = text.AsSpan(from, to - from);
        Mark(f, span, FutureWords, "future");
        Mark(f, span, PastWords, "past");
        if (opening < 0)
        {
            Mark(f, span, HistoryWords, "history");
        }
        else
        {
            // The "ตั้งแต่" that opens the date is "from"; the window around it may still say "since" elsewhere.
            Mark(f, text.AsSpan(from, opening - from), HistoryWords, "history");
            Mark(f, text.AsSpan(opening + From.Length, to - opening - From.Length), HistoryWords, "history");
        }
    }

    private const string From = "ตั้งแต่";

    /// <summary>
    /// Where "ตั้งแต่" opens a period that starts on the date ("ตั้งแต่วันที่ 21 ตุลาคม ถึง 12 พฤศจิกายน",
    /// "ตั้งแต่ 1 มกราคม เป็นต้นไป"), or null; "เปิดมาตั้งแต่ 3 พฤษภาคม 2553" (has been open since) is history.
    /// </summary>
    private static int? OpensWithFrom(string text, int from, DateMention m)
    {
        var dateStart = m.Span.Start;
        var at = text.AsSpan(from, dateStart - from).LastIndexOf(From, StringComparison.Ordinal);
        if (at < 0 || text.AsSpan(from, at).TrimEnd().EndsWith("มา", StringComparison.Ordinal))
        {
            return null;
        }

        var between = text.AsSpan(from + at + From.Length, dateStart - from - at - From.Length).Trim();
        var after = text.AsSpan(m.Span.End, Math.Min(16, text.Length - m.Span.End)).TrimStart();
        var period = m.End is not null || after.StartsWith("ถึง", StringComparison.Ordinal) || after.StartsWith("จนถึง", StringComparison.Ordinal)
            || after.StartsWith("เป็นต้นไป", StringComparison.Ordinal) || after.StartsWith("-", StringComparison.Ordinal) || after.StartsWith("–", StringComparison.Ordinal);
        return period && (between.IsEmpty || between.SequenceEqual("วันที่") || between.SequenceEqual("วัน")) ? from + at : null;
    }

    private static void Mark(HashSet<string> f, ReadOnlySpan<char> span, string[] words, string name)
    {
        if (HasWord(span, words))
        {
            f.Add(name);
        }
    }

    /// <summary>Whether the span holds one of the words: Thai anywhere, Latin as a whole word (case ignored).</summary>
    internal static bool HasWord(ReadOnlySpan<char> span, string[] words)
    {
        foreach (var w in words)
        {
            var at = span.IndexOf(w, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (w[0] >= '\u0E00' || ((at == 0 || !char.IsLetter(span[at - 1])) && (at + w.Length == span.Length || !char.IsLetter(span[at + w.Length])))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words between two offsets, lower-cased, as features: what the model learns triggers from.</summary>
    private static void AddWords(HashSet<string> f, string prefix, ExtractionInput input, int from, int to)
    {
        foreach (var t in input.TokensIn(from, to))
        {
            if (t.Kind != TokenKind.Word || t.Length < 2 || t.Length > 24)
            {
                continue;
            }

            f.Add(prefix + ":" + InvariantCase.ToLower(input.Text.AsSpan(t.Start, t.Length)));
        }
    }

    internal static int ParagraphOf(ExtractionInput input, int position)
    {
        Pipeline.AnalysisBudget.ThrowIfExceeded();
        return ExtractionInput.Containing(input.Paragraphs, static p => p.Span, position);
    }
}
