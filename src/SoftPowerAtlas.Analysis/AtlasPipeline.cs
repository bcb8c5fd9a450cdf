using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis;

/// <summary>
/// The product's pipeline, in order: normalise → clean → segment → dates → extract. The reference
/// data and ICU are loaded once per process; the built pipeline is shared by every thread.
/// </summary>
public static class AtlasPipeline
{
    private static readonly Lazy<EntityLexicon> LazyLexicon = new(() => ReferenceLexicon.Build(ReferenceData.Default));
    private static readonly Lazy<WordBreaker> LazyWords = new(() => new WordBreaker(new PhraseMerger(NamesNeverSplit(ReferenceData.Default).Concat(FieldWords.All))));
    private static readonly Lazy<WordBreaker> LazyWordsBeforeFieldWords = new(() => new WordBreaker(new PhraseMerger(NamesNeverSplit(ReferenceData.Default))));

    public static EntityLexicon Lexicon => LazyLexicon.Value;

    /// <summary>The ICU word breaker, taught to keep every reference name and every word of the field lexicon (<see cref="FieldWords"/>) whole.</summary>
    public static WordBreaker Words => LazyWords.Value;

    /// <summary>
    /// The word breaker as it was before the field lexicon: reference names only. Documents stored
    /// before it hold these words (ซอฟต์|พา|ว|เวอร์), so search also looks a query's words up as this one cuts them.
    /// </summary>
    public static WordBreaker WordsBeforeFieldWords => LazyWordsBeforeFieldWords.Value;

    /// <summary>The product's pipeline, with the per-document budget of <c>$ATLAS_BUDGET</c> (default 60 s; <see cref="AnalysisBudget"/>).</summary>
    public static AnalysisPipeline CreateDefault(TimeProvider? clock = null, SiteBoilerplate? boilerplate = null) =>
        CreateBuilder(clock, boilerplate).Build();

    public static AnalysisPipelineBuilder CreateBuilder(TimeProvider? clock = null, SiteBoilerplate? boilerplate = null) =>
        new AnalysisPipelineBuilder()
            .UseClock(clock ?? TimeProvider.System)
            .UseBudget(AnalysisBudget.FromEnvironment())
            .Use(new NormalizationStage())
            .Use(boilerplate is null ? new CleaningStage() : new CleaningStage(new ClutterCleaner(boilerplate)))
            .Use(new SegmentationStage(Words))
            .Use(new DateStage())
            .Use(new ExtractionStage(Lexicon, ReferenceLexicon.SectorTriggers(ReferenceData.Default)));

    private static readonly Lazy<bool> Warm = new(() =>
    {
        const string text = "กระทรวงวัฒนธรรมลงนามบันทึกความเข้าใจกับสถานทูตญี่ปุ่น เมื่อวันที่ 3 มีนาคม 2567 ณ กรุงเทพมหานคร\n"
            + "The Ministry of Culture will hold a joint film festival with Japan by December 2025.\n";
        CreateDefault().WithBudget(null).Run(new Documents.SourceDocument(
            "(warm-up)", Documents.DocumentFormat.Text, text, MappedText.Identity(text), Documents.DocumentMetadata.Empty));
        return true;
    });

    /// <summary>
    /// Runs the pipeline once over a short built-in text, outside any budget: loading ICU and compiling the
    /// stages' code takes seconds on a busy machine the first time, a cost of the process and not of the
    /// first document. Hosts that apply a budget call it once before their first document.
    /// </summary>
    public static void WarmUp() => _ = Warm.Value;

    /// <summary>Normalisation alone, as <c>atlas segment</c> uses it.</summary>
    public static MappedText Normalize(MappedText text) => ThaiNormalizer.Normalize(text);

    private static IEnumerable<string> NamesNeverSplit(ReferenceData data) =>
        data.Agencies.SelectMany(a => a.Names)
            .Concat(data.ForeignBodies.SelectMany(b => b.Names))
            .Concat(data.Countries.SelectMany(c => c.Names))
            .Concat(data.Provinces.SelectMany(p => p.Names))
            .Concat(data.ForeignPlaces.SelectMany(p => p.Names))
            .Select(n => n.Text)
            .Where(t => t.Length >= 2 && Gazetteer.IsThaiLetter(t[0]) && !t.Contains(' ', StringComparison.Ordinal));
}
