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
}
