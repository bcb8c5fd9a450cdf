using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// The "who, what, where" stage: entities, their resolution, engagements and commitments. Runs after
/// segmentation and dates; stores <see cref="DocumentFacts"/> (spans in the normalised text).
/// </summary>
public sealed class ExtractionStage : IAnalysisStage
{
    private readonly EntityFinder _entities;
    private readonly EngagementExtractor _engagements;
    private static readonly EventRules Rules = new();
    private readonly CommitmentExtractor _commitments;

    /// <param name="lexicon">Reference names.</param>
    /// <param name="sectorTriggers">Words per sector.</param>
    /// <param name="events">A learned event model to decide which dates are engagements; by default the hand-written rules decide.</param>
    public ExtractionStage(EntityLexicon lexicon, IEnumerable<(string Phrase, string Sector)> sectorTriggers, EventModel? events = null)
    {
        _entities = new EntityFinder(lexicon);
        var sectors = new SectorTagger(sectorTriggers, EmbeddedWordList.Lines("Engagements/Data/cooperation-words.txt"),
            EmbeddedWordList.Lines("Engagements/Data/sector-non-triggers.txt"), EmbeddedWordList.Lines("Engagements/Data/sector-performer-words.txt"));
        _engagements = new EngagementExtractor(sectors, new RulesThenModel(Rules, events ?? EventModel.Default));
        _commitments = new CommitmentExtractor(_engagements.Triggers);
    }

    public string Name => "extract";

    public void Run(AnalysisContext context)
    {
        var text = context.Text;
        var mentions = _entities.Find(text.Text, context.Tokens);
        var entities = EntityResolver.Resolve(mentions);

        var dates = context.Get<DocumentDates>();
        var inText = new List<DateMention>();
        foreach (var d in dates?.Mentions ?? [])
        {
            // A day word (วันนี้) the page's month stamp could not resolve dates nothing; a term counted from an event
            // (4 ปี นับตั้งแต่วันที่ลงนาม) has no date until the event's, and stays. A day whose year the text never
            // gives (--10-14) stays too: it still marks an engagement, whose date is then null (GUIDELINES).
            if (d.Error is null && !d.HasValue && d.Duration is null && dates?.Published is not null)
            {
                continue;
            }

            var span = Trim(text.Text, text.FromOriginal(d.Span));
            if (!span.IsEmpty)
            {
                inText.Add(d with { Span = span });
            }
        }

        DateOnly? published = dates?.Published is { Error: null } p ? p.Value.EndDate : null;
        // References back by role alone ("the Ambassador") name their person in the entity list; which
        // engagement such a sentence belongs to is for the engagement reader to decide, so it reads only
        // the names as written for now.
        var written = mentions.Where(m => !m.IsCoreference).ToList();
        var input = new ExtractionInput(text.Text, context.Paragraphs, context.Sentences, written, entities, inText, context.Tokens, context.Metadata.TitleIsLead ? null : context.Metadata.Title, published)
        {
            LeadTitle = context.Metadata.TitleIsLead ? context.Metadata.Title : null,
        };
        var anchors = _engagements.Anchors(input);
        var engagements = _engagements.Extract(input, anchors);
        var commitments = _commitments.Extract(input, engagements);
        context.Set(new DocumentFacts(mentions, entities, engagements, commitments));
        context.Set(new EventAnchorSet([.. anchors.Select(a => new AnchorRecord(a.Key, a.Features, Rules.Decide(a), EventRules.RulesOut(a)) { Spans = [.. a.Mentions.Select(m => m.Span)], Exclusion = EventRules.WhyRuledOut(a) })]));
    }

    /// <summary>Line breaks the cleaner put between paragraphs may map onto a date's first character; drop them.</summary>
    private static Text.TextSpan Trim(string text, Text.TextSpan span)
    {
        var (start, end) = (span.Start, span.End);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new Text.TextSpan(start, end);
    }
}
