using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

public class MarkdownLoadingTests
{
    private const string Page = """
        ---
        title: "ไทย-ฝรั่งเศส หารือ"
        pubDate: 2024-05-29
        link: https://example.go.th/a
        tags: [film, music]
        ---
        # หัวข้อ **สำคัญ** ##
        > ข้อความ *เน้น* และ [ลิงก์](https://x.example/y) กับ ![รูป](/a.jpg) snake_case_name
        - รายการ `code`
        """;

    [Fact]
    public void LoadText_FrontMatter_FillsMetadataWithValueSpans()
    {
        var document = Load(Page);

        Assert.Equal("ไทย-ฝรั่งเศส หารือ", document.Metadata.Title);
        Assert.Equal("ไทย-ฝรั่งเศส หารือ", Slice(document, document.Metadata.TitleSpan!.Value));
        Assert.Equal("2024-05-29", document.Metadata.PublishedAsWritten);
        Assert.Equal("2024-05-29", Slice(document, document.Metadata.PublishedSpan!.Value));
        Assert.Equal("https://example.go.th/a", document.Metadata.SourceUrl);
        Assert.Equal("film, music", document.Metadata.FrontMatter["tags"]);
    }

    [Fact]
    public void LoadText_MarkdownSyntax_IsStrippedAndMapped()
    {
        var document = Load(Page);

        Assert.Equal("หัวข้อ สำคัญ\nข้อความ เน้น และ ลิงก์ กับ  snake_case_name\nรายการ code", document.Body.Text);
        foreach (var word in new[] { "หัวข้อ", "สำคัญ", "เน้น", "ลิงก์", "snake_case_name", "code" })
        {
            var at = document.Body.Text.IndexOf(word, StringComparison.Ordinal);
            Assert.Equal(word, Slice(document, document.Body.ToOriginal(at, at + word.Length)));
        }
    }

    [Fact]
    public void LoadText_MalformedFrontMatter_IsTextWithAWarning()
    {
        const string text = "---\ntitle: [unclosed\n---\nเนื้อหาข่าว";

        var result = new DocumentLoader().LoadText(text, "bad.md", DocumentFormat.Markdown);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Document.Metadata.Title);
        Assert.Contains("เนื้อหาข่าว", result.Document.Body.Text, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Contains("bad.md", StringComparison.Ordinal) && w.Contains("front matter", StringComparison.Ordinal));
    }

    private static SourceDocument Load(string text)
    {
        var result = new DocumentLoader().LoadText(text, "page.md", DocumentFormat.Markdown);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Document;
    }

    private static string Slice(SourceDocument document, TextSpan span) => document.Original[span.Start..span.End];
}
