namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>Decides whether an anchor's date is an engagement's, and of which type.</summary>
internal interface IEventDecider
{
    EngagementType? Decide(EventAnchor anchor);
}

/// <summary>
/// The shipped decision, written by hand: a date is an engagement's when the words within reach of
/// it in its sentence decisively name an engagement (a trigger of weight 3: ลงนาม, หารือ, forum…), or
/// its paragraph names one, or it heads an item of a list the paragraph before introduces, or it is
/// the date the report opens with, when the headline names an engagement or the sentence someone who
/// acts (of the headline's type, else other), or it stands in a headline that
/// names an engagement, unless the date only dates a statement about another day ("วันนี้ (23 ก.พ.)
/// … เปิดเผยว่า … ในวันที่ 24 กุมภาพันธ์"), or is told as history (ก่อตั้ง, since, ครบรอบ) or only
/// stamps the page (a publication line). The type is the sentence's decisive trigger, else the
/// strongest over the sentence (counted twice), its paragraph and the paragraph before.
/// <c>atlas train</c> measures these rules beside the learned <see cref="EventModel"/> by
/// cross-validation on the annotated pages; the rules are kept while they score higher.
/// </summary>
internal sealed class EventRules : IEventDecider
{
    private const int Decisive = 3;

    public EngagementType? Decide(EventAnchor anchor)
    {
        // A cabinet approving a draft agreement or authorising its signing announces; it signs nothing (GUIDELINES).
        var type = Decided(anchor);
        return type is not null && anchor.Evidence.Approval ? EngagementType.Announcement : type;
    }

    /// <summary>
    /// What no decider may call an engagement: a date only the page's stamp or headline gives, a date
    /// with no word of any engagement in its sentence, paragraph, the paragraph before or the headline
    /// ("ราคาข้าวเมื่อวันที่ 3 มีนาคม 2567 ปรับตัวสูงขึ้น"), and whatever <see cref="Vetoed"/> names.
    /// </summary>
    public static bool RulesOut(EventAnchor anchor) => WhyRuledOut(anchor) is not null;

    /// <summary>Why <see cref="RulesOut"/> excludes the anchor, in words a reader of <c>atlas extract --anchors</c> understands; null when it does not.</summary>
    public static string? WhyRuledOut(EventAnchor anchor)
    {
        var e = anchor.Evidence;
        return Veto(anchor) ?? (!e.InBody ? "only the page's stamp or headline gives it"
            : e.Sentence.Count == 0 && e.Paragraph.Count == 0 && e.Before.Count == 0 && e.Title.Count == 0 ? "no word of an engagement near it" : null);
    }

    /// <summary>
    /// A year alone (GUIDELINES; what a sentence does in a year is usually history or a plan), history,
    /// and a date whose every mention only dates a statement about another day's engagement.
    /// </summary>
    private static bool Vetoed(EventAnchor anchor) => Veto(anchor) is not null;

    private static string? Veto(EventAnchor anchor)
    {
        var e = anchor.Evidence;
        return e.History ? "told as history"
            : anchor.Best.Value.Granularity == Dates.DateGranularity.Year ? "a year alone"
            : e.Said.Count > 0 && e.Said.Count == e.PerMention.Count ? "it only dates a statement"
            : null;
    }

    private static EngagementType? Decided(EventAnchor anchor)
    {
        var e = anchor.Evidence;
        if (Vetoed(anchor))
        {
            return null;
        }

        if (!e.InBody)
        {
            // A date only the headline gives ("… ในที่ประชุมประจำปีเครือข่ายฯ ในเดือนมิถุนายน 2563"), told with the engagement.
            return e.InTitle && e.Title.Any(kv => kv.Value >= Decisive) ? Top(e.Title) : null;
        }

        var decisive = e.Sentence.Any(kv => kv.Value >= Decisive);
        if (!decisive && e.Paragraph.Count == 0)
        {
            if (e.ListItem && e.Before.Any(kv => kv.Value >= Decisive))
            {
                // "ครั้งที่ 2 วันที่ 22 พฤษภาคม 2568 ณ จังหวัดสตูล" under "กำหนดจัดการอบรม 3 ครั้ง ดังนี้".
                return Top(e.Before);
            }

            // The report opens with its engagement's date ("(27 มี.ค. 62) เวลา 13.30 น. นายขจิต … มอบโอวาท…"):
            // what happened is in the headline when the sentence has no word for it.
            return e.Lead && (e.Title.Count > 0 || e.LeadHasActor) ? Top(e.Title) ?? Top(e.Before) ?? EngagementType.Other : null;
        }

        if (decisive)
        {
            return Top(e.Sentence);
        }

        // No decisive word beside the date: the sentence counts twice, the paragraph and the one before once.
        var combined = new Dictionary<EngagementType, int>();
        foreach (var (scores, weight) in new[] { (e.Sentence, 2), (e.Paragraph, 1), (e.Before, 1) })
        {
            foreach (var (type, score) in scores)
            {
                combined[type] = combined.GetValueOrDefault(type) + (weight * score);
            }
        }

        return Top(combined) ?? Top(e.Title) ?? EngagementType.Other;
    }

    private static EngagementType? Top(Dictionary<EngagementType, int> scores) =>
        scores.Count == 0 ? null : scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
}

/// <summary>
/// The shipped decision: the written rules, and where they find no engagement on a date, the learned
/// model (it finds what the trigger lexicon misses: dates told in words the lexicon lacks, headlines
/// and passages shaped in ways no rule names). <c>atlas train</c> measures this pairing beside each alone.
/// </summary>
internal sealed class RulesThenModel(EventRules rules, EventModel model) : IEventDecider
{
    public EngagementType? Decide(EventAnchor anchor) =>
        rules.Decide(anchor) ?? (EventRules.RulesOut(anchor) ? null : ((IEventDecider)model).Decide(anchor));
}
