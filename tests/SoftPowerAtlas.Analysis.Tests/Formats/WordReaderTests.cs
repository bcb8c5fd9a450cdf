using System.IO.Compression;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Tests.Loading;

namespace SoftPowerAtlas.Analysis.Tests.Formats;

public sealed class WordReaderTests : IDisposable
{
    private static readonly AnalysisPipeline Pipeline = AtlasPipeline.CreateDefault(TestText.Shared);
    private readonly string _folder = Directory.CreateTempSubdirectory("atlas-word-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_DocxWithTableHeaderAndFooter_ParagraphsAndRowsInOrderWithoutHeaderOrFooter()
    {
        var path = Write("release.docx", WordFiles.Build(
            [
                "กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงโซล",
                "Bangkok, 3 March 2025 - The Ministry of Culture signed a memorandum with Korea.",
                new[] { new[] { "วันที่", "กิจกรรม" }, new[] { "5 มีนาคม 2568", "ประชุมหารือ" } },
                "ทั้งสองฝ่ายจะร่วมมือกันต่อไป",
            ],
            header: "เอกสารภายใน ห้ามเผยแพร่",
            footer: "หน้า 1 จาก 1"));

        var result = new DocumentLoader().Load(path);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var document = result.Document;
        Assert.Equal(DocumentFormat.Word, document.Format);
        Assert.Equal(
            "กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงโซล\n" +
            "Bangkok, 3 March 2025 - The Ministry of Culture signed a memorandum with Korea.\n" +
            "วันที่\tกิจกรรม\n" +
            "5 มีนาคม 2568\tประชุมหารือ\n" +
            "ทั้งสองฝ่ายจะร่วมมือกันต่อไป\n",
            document.Original);
        Assert.DoesNotContain("ห้ามเผยแพร่", document.Original, StringComparison.Ordinal);
        Assert.DoesNotContain("หน้า 1", document.Original, StringComparison.Ordinal);
        Assert.Equal(document.Original, document.Body.Text);
        Assert.Equal(141, document.Original.IndexOf("5 มีนาคม 2568", StringComparison.Ordinal));
        Assert.NotNull(document.File);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.File.MediaType);
        Assert.Equal(File.ReadAllBytes(path), document.File.Bytes);
        Assert.Equal([0], document.File.PageStarts);
    }

    [Theory]
    [InlineData(new[] { "ย่อหน้าแรกของหน้าแรก", "\f", "Second page opens here." }, "Second page", 2, new[] { 0, 21 })]
    [InlineData(new[] { "หน้าหนึ่ง", "\f", "หน้าสอง", "\f", "Page three: the signing in Chiang Mai." }, "Chiang Mai", 3, new[] { 0, 10, 18 })]
    [InlineData(new[] { "Only one page, no break." }, "break", 1, new[] { 0 })]
    public void Load_DocxWithPageBreaks_PageStartsPointAtEachPagesFirstWord(string[] blocks, string phrase, int page, int[] starts)
    {
        var path = Write("paged.docx", WordFiles.Build(blocks));

        var document = new DocumentLoader().Load(path).Document!;

        Assert.Equal(starts, document.File!.PageStarts);
        var at = document.Original.IndexOf(phrase, StringComparison.Ordinal);
        Assert.Equal(page, document.File.PageAt(at));
        Assert.All(starts.Skip(1), s => Assert.Equal('\n', document.Original[s - 1]));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Load_SeedWrittenAsDocx_SameFactsAsTheSameTextAsTxt(string seed)
    {
        var body = SeedBody(seed);
        var lines = body.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var text = string.Join('\n', lines) + "\n";
        var path = Write(Path.ChangeExtension(seed, ".docx"), WordFiles.Build(lines));
        var loader = new DocumentLoader();

        var fromWord = loader.Load(path).Document!;
        var fromText = loader.LoadText(text, path, DocumentFormat.Text).Document!;

        Assert.Equal(text, fromWord.Original);
        var wordFacts = FactsJson.Write(ExtractedFacts.From(Pipeline.Run(fromWord)));
        var textFacts = FactsJson.Write(ExtractedFacts.From(Pipeline.Run(fromText)));
        Assert.Equal(textFacts, wordFacts);
        Assert.NotEmpty(ExtractedFacts.From(Pipeline.Run(fromWord)).Entities);
    }

    public static TheoryData<string> SeedFiles() => new(Seeds.Files());

    [Fact]
    public void Load_DocxZipBomb_RefusedNamingTheFileBeforeParsing()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 210; i++)
            {
                entry.Write(spaces);
            }
        }

        var path = Write("bomb.docx", stream.ToArray());

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.TooLarge, result.Error.Reason);
        Assert.StartsWith($"{path} expands to more than 209,715,200 bytes", result.Error.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length < 210L * 1024 * 1024 / 100, "the bomb is small on disk");
    }

    [Theory]
    [InlineData("not a zip at all, just text renamed", "is not a Word document (.docx is a zip file")]
    [InlineData("PK\u0003\u0004 truncated zip header", "is not a Word document (.docx is a zip file")]
    public void Load_DocxThatIsNotAZip_ClearMessage(string content, string message)
    {
        var path = Write("broken.docx", System.Text.Encoding.ASCII.GetBytes(content));

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.Binary, result.Error.Reason);
        Assert.StartsWith($"{path} {message}", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZipWithoutWordParts_ClearMessage()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("ข้อความธรรมดาในไฟล์ zip");
        }

        var path = Write("notes.docx", stream.ToArray());

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.StartsWith($"{path} is not a Word document atlas can read", result.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>A seed's text without its front matter (the seeds are our own pages).</summary>
    internal static string SeedBody(string seed)
    {
        var text = File.ReadAllText(Seeds.PathOf(seed)).ReplaceLineEndings("\n");
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var close = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            text = text[(close + 5)..];
        }

        return text;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
