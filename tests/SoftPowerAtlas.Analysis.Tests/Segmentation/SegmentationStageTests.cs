using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class SegmentationStageTests
{
    [Fact]
    public void Run_MixedDocument_SetsTokensSentencesAndParagraphs()
    {
        const string text = "วันพุธที่ 11 มกราคม 2566\nKorea met Thailand. Gist follows.\n";
        var context = new AnalysisContext(
            new SourceDocument("test.txt", DocumentFormat.Text, text, MappedText.Identity(text), DocumentMetadata.Empty),
            TimeProvider.System);
        var stage = new SegmentationStage(new WordBreaker());

        stage.Run(context);

        Assert.Equal("segment", stage.Name);
        TokenAssert.CoversWithoutGaps(text, context.Tokens);
        Assert.Equal(
            ["วัน", "พุธ", "ที่", "11", "มกราคม", "2566", "Korea", "met", "Thailand", "Gist", "follows"],
            context.Tokens.Where(t => t.IsWordLike).Select(t => text[t.Start..t.End]));
        Assert.Equal([new TextSpan(0, 24), new TextSpan(25, 44), new TextSpan(45, 58)], context.Sentences);
        Assert.Equal(
            [new Paragraph(new TextSpan(0, 24), Language.Thai), new Paragraph(new TextSpan(25, 58), Language.English)],
            context.Paragraphs);
    }

    [Fact]
    public void Run_Pipeline_SharedStageGivesSameWordsEveryTime()
    {
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SegmentationStage(new WordBreaker(new PhraseMerger(["คุมะมง"]))))
            .Build();
        const string text = "หมีคุมะมง";
        var document = new SourceDocument("k.txt", DocumentFormat.Text, text, MappedText.Identity(text), DocumentMetadata.Empty);

        var words = Enumerable.Range(0, 4).AsParallel().Select(_ => string.Join("|", pipeline.Run(document).Words())).Distinct();

        Assert.Equal(["หมี|คุมะมง"], words);
    }
}
