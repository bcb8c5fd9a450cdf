using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis;

/// <summary>
/// The product's pipeline, in order: normalise → clean → segment → dates → extract, over the word breaker
/// and lexicon of the <see cref="TextServices"/> the host made. Build it once per host and share it: the
/// built pipeline is immutable and safe on every thread.
/// </summary>
public static class AtlasPipeline
{
    /// <summary>The product's pipeline, with the per-document budget of <c>$ATLAS_BUDGET</c> (default 60 s; <see cref="AnalysisBudget"/>).</summary>
    public static AnalysisPipeline CreateDefault(TextServices text, TimeProvider? clock = null, SiteBoilerplate? boilerplate = null) =>
        CreateBuilder(text, clock, boilerplate).Build();

    public static AnalysisPipelineBuilder CreateBuilder(TextServices text, TimeProvider? clock = null, SiteBoilerplate? boilerplate = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AnalysisPipelineBuilder()
            .UseClock(clock ?? TimeProvider.System)
            .UseBudget(AnalysisBudget.FromEnvironment())
            .Use(new NormalizationStage())
            .Use(boilerplate is null ? new CleaningStage() : new CleaningStage(new ClutterCleaner(boilerplate)))
            .Use(new SegmentationStage(text.Words))
            .Use(new DateStage())
            .Use(new ExtractionStage(text.Lexicon, ReferenceLexicon.SectorTriggers(text.Data)));
    }

    /// <summary>
    /// Runs <paramref name="pipeline"/> once over a short built-in text, outside any budget: loading ICU and compiling the
    /// stages' code takes seconds on a busy machine the first time, a cost of the process and not of the
    /// first document. Hosts that apply a budget call it once, before their first document.
    /// </summary>
    public static void WarmUp(AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        const string text = "กระทรวงวัฒนธรรมลงนามบันทึกความเข้าใจกับสถานทูตญี่ปุ่น เมื่อวันที่ 3 มีนาคม 2567 ณ กรุงเทพมหานคร\n"
            + "The Ministry of Culture will hold a joint film festival with Japan by December 2025.\n";
        pipeline.WithBudget(null).Run(new Documents.SourceDocument(
            "(warm-up)", Documents.DocumentFormat.Text, text, MappedText.Identity(text), Documents.DocumentMetadata.Empty));
    }

    /// <summary>Normalisation alone, as <c>atlas segment</c> uses it.</summary>
    public static MappedText Normalize(MappedText text) => ThaiNormalizer.Normalize(text);
}
