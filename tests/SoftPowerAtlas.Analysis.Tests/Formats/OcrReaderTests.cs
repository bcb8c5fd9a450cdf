using System.Buffers.Binary;
using System.IO.Compression;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Formats;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Tests.Formats;

/// <summary>Scans made in the test run: Chromium screenshots of our own text in Laksaman 16 pt (TH Sarabun, the Thai government's document font) and of seeds in Garuda 14 pt, read by Tesseract.</summary>
public sealed class OcrReaderTests : IDisposable
{
    private static readonly string[] Release =
    [
        "กระทรวงวัฒนธรรมร่วมกับสถานเอกอัครราชทูตไทย ณ กรุงโตเกียว จัดงานเทศกาลไทยประจำปี 2568",
        "เมื่อวันที่ 14 พฤษภาคม 2568 ปลัดกระทรวงวัฒนธรรมได้หารือกับผู้แทนมูลนิธิญี่ปุ่น เรื่องการแลกเปลี่ยนศิลปินและนักออกแบบ",
        "The two sides agreed to hold a Thai film week in Osaka in November 2025.",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("atlas-ocr-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ScreenshotOfThaiRelease_ReadByOcrWithFewErrors()
    {
        var png = Printed.Screenshot(_folder, "release", Printed.Html(Release, 16, "Laksaman"), height: 400);
        var progress = new List<PageProgress>();

        var result = new DocumentLoader { Files = new FileReadOptions { Progress = new Collect(progress) } }.Load(png);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var document = result.Document;
        Assert.Equal(DocumentFormat.Image, document.Format);
        Assert.Equal("image/png", document.File!.MediaType);
        Assert.True(ErrorRate(string.Join('\n', Release), document.Original) <= 0.05, $"OCR read: {document.Original}");
        Assert.Contains("Osaka", document.Original, StringComparison.Ordinal);
        Assert.Equal([new PageProgress(png, 1, 1, Ocr: true)], progress);
    }

    /// <summary>
    /// The two seeds whose Garuda screenshots Tesseract read worst with its default rows (11.6 % and
    /// 10.6 % of characters wrong: each row of tone marks and upper vowels read as a line of junk, and
    /// the line below without its marks; docs/BENCHMARKS.md §14).
    /// </summary>
    [Theory]
    [InlineData("000_54ba3ec425b012a1.txt")]
    [InlineData("003_accc265172f61bde.txt")]
    public void Load_SeedScreenshotInGaruda14pt_TallLinesKeepTheirMarks(string seed)
    {
        var paragraphs = PdfReaderTests.Paragraphs(seed);
        var source = string.Join('\n', paragraphs);
        var png = Printed.Screenshot(_folder, "garuda", Printed.Html(paragraphs, 14, "Garuda"), height: 300 + (source.Length * 6 / 10));

        var result = new DocumentLoader().Load(png);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var rate = ErrorRate(source.Normalize(System.Text.NormalizationForm.FormC), result.Document.Original.Normalize(System.Text.NormalizationForm.FormC));
        Assert.True(rate <= 0.03, $"{rate:P2} of characters wrong; OCR read: {result.Document.Original}");
    }

    [Fact]
    public void Load_PdfOfAScanWithoutTextLayer_PageReadByOcr()
    {
        var png = Printed.Screenshot(_folder, "scan", Printed.Html(Release, 16, "Laksaman"), height: 400);
        var pdf = Printed.Pdf(_folder, "scanned", $"<!doctype html><html><body style=\"margin:0\"><img src=\"{new Uri(png).AbsoluteUri}\" style=\"width:100%\"></body></html>");
        var progress = new List<PageProgress>();

        var result = new DocumentLoader { Files = new FileReadOptions { Progress = new Collect(progress) } }.Load(pdf);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.True(ErrorRate(string.Join('\n', Release), result.Document.Original) <= 0.05, $"OCR read: {result.Document.Original}");
        Assert.Equal([new PageProgress(pdf, 1, 1, Ocr: true)], progress);
    }

    [Fact]
    public void Load_ImageThirtyThousandPixelsWide_RefusedBeforeOcr()
    {
        var path = Path.Combine(_folder, "banner.png");
        File.WriteAllBytes(path, Png(30_000, 2));

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.TooLarge, result.Error.Reason);
        Assert.Equal($"{path} is 30,000 × 2 pixels; atlas reads images of at most 12,000 pixels a side", result.Error.Message);
    }

    [Theory]
    [InlineData("photo.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0x75, 0x30, 0x00, 0x10 }, "is 16 × 30,000 pixels")]
    [InlineData("scan.tif", new byte[] { 0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 2, 0, 0, 1, 4, 0, 1, 0, 0, 0, 0x30, 0x75, 0, 0, 1, 1, 3, 0, 1, 0, 0, 0, 0x20, 0, 0, 0 }, "is 30,000 × 32 pixels")]
    [InlineData("notes.png", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "is not an image atlas can read")]
    public void Load_ImageHeader_SizeReadWithoutDecoding(string name, byte[] bytes, string problem)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.StartsWith($"{path} {problem}", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "ข่าว", "\uFFFD\uFFFD\uFFFD\uFFFD", "\uFFFD\uFFFD" }, true)]
    [InlineData(new[] { "\uE012\uE034\uE056", "\uE078\uE09A" }, true)]
    [InlineData(new[] { "¡ÒÃ»ÃÐªØÁ", "¤³Ð¡ÃÃÁ¡ÒÃ", "ÇÑ²¹¸ÃÃÁ" }, true)] // TIS-620 codes shown as Latin-1: a font without a Unicode map
    [InlineData(new[] { "ก", "า", "ร", "ป", "ร", "ะ", "ช", "ุ", "ม", "ค", "ณ", "ะ", "ก", "ร", "ร", "ม", "ก", "า", "ร", "ว", "ั", "ฒ" }, true)]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "การประชุมคณะกรรมการ", "ส่งเสริมซอฟต์พาวเวอร์", "Café", "©", "2568" }, false)]
    [InlineData(new[] { "สารบัญ" }, false)]
    public void IsUnusable_TextLayer_OcrOnlyWhenGarbageOrEmpty(string[] words, bool unusable)
    {
        Assert.Equal(unusable, TextLayer.IsUnusable(words));
    }

    /// <summary>Edit distance over the text with white space collapsed, per character of the source.</summary>
    internal static double ErrorRate(string source, string read)
    {
        var a = string.Join(' ', source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var b = string.Join(' ', read.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return (double)previous[b.Length] / a.Length;
    }

    /// <summary>A real PNG of <paramref name="width"/> × <paramref name="height"/> white grey pixels (small: rows of zeros compress to nothing).</summary>
    private static byte[] Png(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8-bit grey
        Chunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[(width + 1) * height]);
            }

            Chunk(png, "IDAT", pixels.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private sealed class Collect(List<PageProgress> into) : IProgress<PageProgress>
    {
        public void Report(PageProgress value) => into.Add(value);
    }
}
