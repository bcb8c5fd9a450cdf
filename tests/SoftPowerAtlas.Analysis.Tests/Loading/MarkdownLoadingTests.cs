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

    public static TheoryData<string, string> DeepFrontMatter => new()
    {
        { "flow sequences", "title: " + new string('[', 30_000) + new string(']', 30_000) },
        { "flow mappings", "title: " + string.Concat(Enumerable.Repeat("{a: ", 30_000)) + "b" + new string('}', 30_000) },
        { "compact block sequences", "title: \n" + string.Concat(Enumerable.Repeat("- ", 30_000)) + "x" },
        { "deep key", "? " + new string('[', 5_000) + new string(']', 5_000) + "\n: v" },
        { "deep root", new string('[', 30_000) + new string(']', 30_000) },
        { "one level too many", "tags: " + new string('[', FrontMatterYaml.MaxDepth) + new string(']', FrontMatterYaml.MaxDepth) },
    };

    [Theory]
    [MemberData(nameof(DeepFrontMatter))]
    public void LoadText_FrontMatterNestedPastTheLimit_IsRefusedNamingTheFile(string kind, string yaml)
    {
        var result = new DocumentLoader().LoadText("---\n" + yaml + "\n---\nกระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทย", "deep.md", DocumentFormat.Markdown);

        Assert.False(result.IsSuccess, kind);
        Assert.Equal(LoadErrorKind.TooDeep, result.Error.Reason);
        Assert.Equal("deep.md has front matter nested more than 32 levels deep", result.Error.Message);
    }

    [Fact]
    public void LoadText_FrontMatterNestedToTheLimit_IsRead()
    {
        var nested = new string('[', FrontMatterYaml.MaxDepth - 1) + "x" + new string(']', FrontMatterYaml.MaxDepth - 1);
        const string title = "ไทย-ญี่ปุ่น ลงนาม MOU";

        var document = Load("---\ntags: " + nested + "\ntitle: '" + title + "'\n---\nเนื้อหาข่าว");

        Assert.Equal(title, document.Metadata.Title);
        Assert.Equal(title, Slice(document, document.Metadata.TitleSpan!.Value));
        Assert.Equal(19 + nested.Length, document.Metadata.TitleSpan!.Value.Start);
    }

    [Fact]
    public void LoadText_SequenceTitle_IsJoinedWithASpanOnTheSequence()
    {
        var document = Load("---\ntitle: [ข่าว, ประชาสัมพันธ์]\n---\nเนื้อหาข่าว");

        Assert.Equal("ข่าว, ประชาสัมพันธ์", document.Metadata.Title);
        Assert.Equal(new TextSpan(12, 31), document.Metadata.TitleSpan);
    }

    private static SourceDocument Load(string text)
    {
        var result = new DocumentLoader().LoadText(text, "page.md", DocumentFormat.Markdown);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Document;
    }

    private static string Slice(SourceDocument document, TextSpan span) => document.Original[span.Start..span.End];
}
