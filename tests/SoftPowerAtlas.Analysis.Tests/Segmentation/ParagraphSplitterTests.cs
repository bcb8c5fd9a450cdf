using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class ParagraphSplitterTests
{
    // The head of seed 002: a mixed Thai/English title, a Thai date line, then English.
    private const string Seed002Head =
        "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-Thailand and South Korea to strengthen Soft Power cooperation\n" +
        "\n" +
        "\n" +
        "วันพุธที่ 11 มกราคม 2566\n" +
        "Thailand and South Korea to strengthen Soft Power cooperation\n" +
        "January 11, 2023, at 10.30 hrs, at the Command Building I, Government House, Deputy Secretary-General met with H.E. Mr. Moon Seoung-hyun.\n";

    [Fact]
    public void Split_Seed002Head_OneParagraphPerLineWithLanguage()
    {
        var paragraphs = ParagraphSplitter.Split(Seed002Head);
        Assert.Equal(
            [
                new Paragraph(new TextSpan(0, 89), Language.Mixed),
                new Paragraph(new TextSpan(92, 116), Language.Thai),
                new Paragraph(new TextSpan(117, 178), Language.English),
                new Paragraph(new TextSpan(179, 316), Language.English),
            ],
            paragraphs);
        Assert.Equal(Seed002Head.Split('\n', StringSplitOptions.RemoveEmptyEntries), paragraphs.Select(p => Seed002Head[p.Span.Start..p.Span.End]));
    }

    [Fact]
    public void Split_CrLfAndIndentedLines_TrimmedSpans()
    {
        const string text = "  ก ข  \r\n\r\n\tOne two\r\n   ";
        Assert.Equal(
            [new Paragraph(new TextSpan(2, 5), Language.Thai), new Paragraph(new TextSpan(12, 19), Language.English)],
            ParagraphSplitter.Split(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("  \r\n\t")]
    public void Split_Blank_NoParagraphs(string text)
    {
        Assert.Empty(ParagraphSplitter.Split(text));
    }

    [Fact]
    public void Split_LinePastTheCapWithSentences_CutBetweenSentences()
    {
        // One line of 40 English sentences of 300 characters each: 12,000 characters with no break.
        var sentence = "The delegation visited the craft village and agreed to hold a joint exhibition next year. ";
        sentence = string.Concat(Enumerable.Repeat(sentence, 300 / sentence.Length + 1))[..299].TrimEnd() + ".";
        var text = string.Join(' ', Enumerable.Repeat(sentence, 40));
        var sentences = Enumerable.Range(0, 40).Select(i => new TextSpan(i * (sentence.Length + 1), (i * (sentence.Length + 1)) + sentence.Length)).ToList();

        var paragraphs = ParagraphSplitter.Split("\n" + text + "\n", [.. sentences.Select(s => new TextSpan(s.Start + 1, s.End + 1))]);

        var perParagraph = ParagraphSplitter.MaxChars / (sentence.Length + 1);
        Assert.Equal((40 + perParagraph - 1) / perParagraph, paragraphs.Count);
        Assert.All(paragraphs, p => Assert.True(p.Span.Length <= ParagraphSplitter.MaxChars));
        Assert.All(paragraphs, p => Assert.Equal(Language.English, p.Language));
        Assert.Equal(new TextSpan(1, 1 + (perParagraph * (sentence.Length + 1)) - 1), paragraphs[0].Span);
        Assert.Equal(1 + text.Length, paragraphs[^1].Span.End);
    }

    [Fact]
    public void Split_LinePastTheCapWithoutSentences_OneParagraphAsBefore()
    {
        var text = new string('x', ParagraphSplitter.MaxChars + 10);
        Assert.Equal([new Paragraph(new TextSpan(0, text.Length), Language.English)], ParagraphSplitter.Split(text));
    }
}
