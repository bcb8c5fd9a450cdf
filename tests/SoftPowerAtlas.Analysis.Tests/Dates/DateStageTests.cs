using SoftPowerAtlas.Analysis.Dates;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class DateStageTests
{
    private const string Original = "---\ndate: 2024-05-29\n---\nเมื่อวานนี้ (29 พ.ค. ๖๗) มีการพบปะพูดคุย พบกันได้ในวันที่ 28-30 มิถุยายน 2567";

    [Fact]
    public void Run_BodyWithFrontMatter_MapsSpansToOriginalAndUsesFrontMatterDate()
    {
        var bodyStart = Original.IndexOf("เมื่อ", StringComparison.Ordinal);
        var body = BodyWithAsciiDigits(bodyStart);
        var metadata = new DocumentMetadata { PublishedAsWritten = "2024-05-29", PublishedSpan = new TextSpan(10, 20) };
        var document = new SourceDocument("seed.md", DocumentFormat.Markdown, Original, body, metadata);
        var pipeline = new AnalysisPipelineBuilder().Use(new DateStage()).Build();

        var dates = pipeline.Run(document).Get<DocumentDates>()!;

        Assert.Equal("2024-05-29", dates.Published!.Normalized);
        Assert.Equal(new TextSpan(10, 20), dates.Published.Span);
        Assert.Equal(
            // The writer says which day "yesterday" was: the date in brackets, whatever the front matter says.
            ["2024-05-29@2024-05-29", "เมื่อวานนี้@2024-05-29", "29 พ.ค. ๖๗@2024-05-29", "วันที่ 28-30 มิถุยายน 2567@2024-06-28/2024-06-30"],
            dates.Mentions.Select(m => m.Text + "@" + m.Normalized));
        Assert.All(dates.Mentions, m => Assert.Equal(m.Text, Original[m.Span.Start..m.Span.End]));
    }

    [Fact]
    public void Run_NoFrontMatter_ChoosesFromText()
    {
        const string text = "หัวข้อ\n27/09/2566\nวันที่ 26 กันยายน 2566 นางสาวพิมพ์ชนก ศรีวงศ์ทอง รองอธิบดีกรมส่งเสริมวัฒนธรรม เป็นประธานเปิดการอบรมเชิงปฏิบัติการ";
        var document = new SourceDocument("a.txt", DocumentFormat.Text, text, MappedText.Identity(text), DocumentMetadata.Empty);
        var dates = new AnalysisPipelineBuilder().Use(new DateStage()).Build().Run(document).Get<DocumentDates>()!;
        Assert.Equal("2023-09-27", dates.Published!.Normalized);
        Assert.Equal(2, dates.Mentions.Count);
    }

    [Fact]
    public void Run_HeaderDateWrittenInThaiDigits_TextIsTheFilesTextAtItsSpan()
    {
        // The cleaner hands over the header date line from the normalised text (ASCII digits) with a
        // span into the original; the mention must carry what the file holds there.
        const string original = "หัวข้อ\nวันอังคารที่ ๒๓ เมษายน ๒๕๖๗\nเนื้อหา";
        var start = original.IndexOf("วันอังคาร", StringComparison.Ordinal);
        var span = new TextSpan(start, original.IndexOf('\n', start));
        var metadata = new DocumentMetadata { PublishedAsWritten = "วันอังคารที่ 23 เมษายน 2567", PublishedSpan = span };
        var document = new SourceDocument("a.txt", DocumentFormat.Text, original, MappedText.Identity(original), metadata);

        var dates = new AnalysisPipelineBuilder().Use(new DateStage()).Build().Run(document).Get<DocumentDates>()!;

        Assert.Equal("2024-04-23", dates.Published!.Normalized);
        Assert.Equal("วันอังคารที่ ๒๓ เมษายน ๒๕๖๗", dates.Published.Text);
        Assert.All(dates.Mentions, m => Assert.Equal(original[m.Span.Start..m.Span.End], m.Text));
    }

    /// <summary>The body as a cleaning stage would leave it: front matter cut, Thai digits made ASCII.</summary>
    private static MappedText BodyWithAsciiDigits(int bodyStart)
    {
        var builder = new MappedText.Builder(Original.Length);
        for (var i = bodyStart; i < Original.Length; i++)
        {
            var c = Original[i];
            builder.Append(c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c, i, i + 1);
        }

        return builder.Build();
    }
}
