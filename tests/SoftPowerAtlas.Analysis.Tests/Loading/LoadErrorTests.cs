using System.Text;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

public sealed class LoadErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atlas-load-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, byte[], LoadErrorKind> BadFiles => new()
    {
        { "empty.txt", [], LoadErrorKind.Empty },
        { "blank.txt", Encoding.UTF8.GetBytes("  \n\t\r\n \u200B "), LoadErrorKind.Empty },
        { "bom-only.txt", [0xEF, 0xBB, 0xBF], LoadErrorKind.Empty },
        { "nul.txt", [(byte)'a', (byte)'b', 0, (byte)'c'], LoadErrorKind.Binary },
        { "random.txt", RandomBytes(), LoadErrorKind.Binary },
        { "latin.txt", Encoding.Latin1.GetBytes("Caf\u00e9 cr\u00e8me \u00e0 la fran\u00e7aise, d\u00e9j\u00e0 vu."), LoadErrorKind.UndecodableText },
        { "controls.txt", [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, (byte)'a'], LoadErrorKind.Binary },
        { "archive.zip", Encoding.UTF8.GetBytes("not read"), LoadErrorKind.Unsupported },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Load_BadFile_ReturnsErrorNamingTheFile(string name, byte[] bytes, LoadErrorKind kind)
    {
        var path = Write(name, bytes);

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Reason);
        Assert.Equal(path, result.Error.Source);
        Assert.Contains(path, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUtf8NotThai_NamesTheByteOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("hello world ").Concat(new byte[] { 0xE9, 0x20, 0x61 }).ToArray();

        var result = new DocumentLoader().Load(Write("bad.txt", bytes));

        Assert.Equal(LoadErrorKind.UndecodableText, result.Error!.Reason);
        Assert.Contains("byte offset 12", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsNotFound()
    {
        var path = Path.Combine(_folder, "nope.txt");

        var result = new DocumentLoader().Load(path);

        Assert.Equal(LoadErrorKind.NotFound, result.Error!.Reason);
        Assert.Contains("nope.txt", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Folder_IsUnsupported()
    {
        Assert.Equal(LoadErrorKind.Unsupported, new DocumentLoader().Load(_folder).Error!.Reason);
    }

    [Fact]
    public void Load_UnreadableFile_IsAccessDenied()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root reads any file, so there is no denied path to test here.
        }

        var path = Write("secret.txt", Encoding.UTF8.GetBytes("ข่าว"));
        File.SetUnixFileMode(path, UnixFileMode.None);

        Assert.Equal(LoadErrorKind.AccessDenied, new DocumentLoader().Load(path).Error!.Reason);
    }

    [Fact]
    public void Load_OverMaxBytes_IsTooLargeBeforeReading()
    {
        var path = Write("big.txt", Encoding.UTF8.GetBytes(new string('ก', 400)));

        var result = new DocumentLoader { MaxBytes = 1000 }.Load(path);

        Assert.Equal(LoadErrorKind.TooLarge, result.Error!.Reason);
        Assert.Contains("1,000", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StreamOverMaxBytes_IsTooLarge()
    {
        using var stream = new NonSeekable(new byte[5000]);

        var result = new DocumentLoader { MaxBytes = 1000 }.Load(stream, "-");

        Assert.Equal(LoadErrorKind.TooLarge, result.Error!.Reason);
    }

    [Fact]
    public void Load_Tis620ThaiBytes_DecodesAsWindows874()
    {
        const string text = "กระทรวงวัฒนธรรม ร่วมกับ สถานทูตฝรั่งเศส จัดงานภาพยนตร์ไทย ณ กรุงปารีส\nวันที่ ๒๙ พฤษภาคม ๒๕๖๗";
        var path = Write("legacy.txt", HtmlLoadingTests.Thai().GetBytes(text));

        var result = new DocumentLoader().Load(path);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(text, result.Document.Original);
        Assert.Equal("windows-874", result.Document.Metadata.Encoding);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xE0, 0xB8, 0x81 }, "ก", "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x01, 0x0E }, "ก", "utf-16le")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x0E, 0x01 }, "ก", "utf-16be")]
    public void Load_ByteOrderMark_DecidesTheEncoding(byte[] bytes, string text, string encoding)
    {
        using var stream = new MemoryStream(bytes);

        var result = new DocumentLoader().Load(stream, "-");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(text, result.Document.Original);
        Assert.Equal(encoding, result.Document.Metadata.Encoding);
    }

    [Theory]
    [InlineData("a.txt", DocumentFormat.Text)]
    [InlineData("README", DocumentFormat.Text)]
    [InlineData("a.MD", DocumentFormat.Markdown)]
    [InlineData("a.markdown", DocumentFormat.Markdown)]
    [InlineData("a.htm", DocumentFormat.Html)]
    [InlineData("a.html", DocumentFormat.Html)]
    [InlineData("a.pdf", DocumentFormat.Pdf)]
    [InlineData("scan.TIFF", DocumentFormat.Image)]
    [InlineData("a.doc", null)]
    [InlineData("a.docx", DocumentFormat.Word)]
    public void FormatOf_Extension_PicksTheReader(string path, DocumentFormat? format)
    {
        Assert.Equal(format, DocumentLoader.FormatOf(path));
    }

    [Fact]
    public void Load_StdinWithHtml_IsReadAsHtml()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>ข่าวการประชุมความร่วมมือด้านวัฒนธรรมระหว่างไทยและญี่ปุ่นที่กรุงเทพมหานคร</p><script>x()</script></body></html>"));

        var result = new DocumentLoader().Load(stream, "-");

        Assert.Equal(DocumentFormat.Html, result.Document!.Format);
        Assert.Equal("ข่าวการประชุมความร่วมมือด้านวัฒนธรรมระหว่างไทยและญี่ปุ่นที่กรุงเทพมหานคร", result.Document.Body.Text);
    }

    [Fact]
    public void Load_SameLoaderOnManyThreads_GivesTheSameDocuments()
    {
        var loader = new DocumentLoader();
        var files = Seeds.Files().Select(Seeds.PathOf).ToArray();
        var expected = files.Select(f => loader.Load(f).Document!.Body.Text).ToArray();

        var results = new string[files.Length * 8];
        Parallel.For(0, results.Length, i => results[i] = loader.Load(files[i % files.Length]).Document!.Body.Text);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % files.Length], results[i]);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
