using System.Globalization;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Formats;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Tests.Loading;

namespace SoftPowerAtlas.Analysis.Tests.Formats;

/// <summary>PDFs printed in the test run by Chromium from the seeds and from our own sentences, read back through pdftotext.</summary>
public sealed class PdfReaderTests : IDisposable
{
    private static readonly AnalysisPipeline Pipeline = AtlasPipeline.CreateDefault(TestText.Shared);
    private readonly string _folder = Directory.CreateTempSubdirectory("atlas-pdf-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> SeedFiles() => new(Seeds.Files());

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Load_SeedPrintedToPdf_EveryCharacterInUnicodeOrderOneLinePerParagraph(string seed)
    {
        var paragraphs = Paragraphs(seed);
        var pdf = Printed.Pdf(_folder, "seed", Printed.Html(paragraphs));

        var document = new DocumentLoader().Load(pdf).Document!;

        Assert.Equal(DocumentFormat.Pdf, document.Format);
        Assert.Equal(Squash(string.Concat(paragraphs)), Squash(document.Original));
        Assert.Equal(paragraphs.Count, document.Original.Count(c => c == '\n'));
        Assert.DoesNotContain("\u0E4D\u0E32", document.Original, StringComparison.Ordinal); // sara am decomposed
        AssertNoWordBroken(paragraphs, document.Original);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Load_SeedPrintedWithHeaderAndFooter_RepeatedLinesLeftOut(string seed)
    {
        var paragraphs = Paragraphs(seed);
        var pdf = Printed.Pdf(_folder, "seed-headed", Printed.Html(paragraphs), headerAndFooter: true);

        var document = new DocumentLoader().Load(pdf).Document!;

        Assert.True(document.File!.PageStarts.Count >= 2, "the seed fills two pages or more");
        Assert.Equal(Squash(string.Concat(paragraphs)), Squash(document.Original));
        Assert.DoesNotContain("file://", document.Original, StringComparison.Ordinal);
        Assert.DoesNotContain("ข่าวประชาสัมพันธ์", document.Original, StringComparison.Ordinal); // the page title Chromium prints on top
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Load_SeedPrintedToPdf_SameDatesEntitiesAndEngagementsAsTheTxt(string seed)
    {
        var paragraphs = Paragraphs(seed);
        var pdf = Printed.Pdf(_folder, "seed-facts", Printed.Html(paragraphs));
        var loader = new DocumentLoader();

        var fromPdf = ExtractedFacts.From(Pipeline.Run(loader.Load(pdf).Document!));
        var fromText = ExtractedFacts.From(Pipeline.Run(loader.LoadText(string.Join('\n', paragraphs) + "\n", "seed.txt", DocumentFormat.Text).Document!));

        Assert.Equal(fromText.Dates.Select(d => (d.Normalized, d.Role)), fromPdf.Dates.Select(d => (d.Normalized, d.Role)));
        Assert.Equal(fromText.Events.Select(e => (e.Date, e.Type)), fromPdf.Events.Select(e => (e.Date, e.Type)));
        // Bodies, not people: a Thai line wrapped at the space between a given name and a surname cannot
        // be told from a wrap inside a word, so a person's name may come out joined (docs/BENCHMARKS.md).
        Assert.Equal(Bodies(fromText), Bodies(fromPdf));
    }

    [Fact]
    public void Load_ThreePagePdf_PageStartsPointAtEachPagesFirstWords()
    {
        string[] paragraphs =
        [
            "กระทรวงการต่างประเทศจัดงานสัปดาห์ภาพยนตร์ไทยที่กรุงปารีส",
            "\f",
            "หน้าที่สองกล่าวถึงการลงนามบันทึกความเข้าใจด้านวัฒนธรรม",
            "The agreement was signed in Chiang Mai on 12 June 2025.",
            "\f",
            "Page three lists the next meetings of both committees.",
        ];
        var pdf = Printed.Pdf(_folder, "paged", Printed.Html(paragraphs));

        var document = new DocumentLoader().Load(pdf).Document!;
        var starts = document.File!.PageStarts;

        Assert.Equal(3, starts.Count);
        Assert.Equal(0, starts[0]);
        Assert.StartsWith("หน้าที่สองกล่าวถึง", document.Original[starts[1]..], StringComparison.Ordinal);
        Assert.StartsWith("Page three lists", document.Original[starts[2]..], StringComparison.Ordinal);
        var signed = document.Original.IndexOf("Chiang Mai", StringComparison.Ordinal);
        Assert.Equal((2, "Chiang Mai"), (document.File.PageAt(signed), document.Original.Substring(signed, 10)));
        Assert.Equal(3, document.File.PageAt(document.Original.Length - 2));
    }

    [Fact]
    public void Load_FiveHundredPages_ReadWithEveryPageStart()
    {
        // Each page's line sits mid-page: a line at the top of every page is a running header, and is left out.
        var paragraphs = string.Concat(Enumerable.Range(1, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"<p style=\"break-before: page; margin-top: 8cm\">หน้าที่ {i} ของรายงานประจำปี</p>")));
        var pdf = Printed.Pdf(_folder, "long", $"<!doctype html><html><head><meta charset=\"utf-8\"></head><body>{paragraphs}</body></html>");

        var document = new DocumentLoader().Load(pdf).Document!;

        Assert.Equal(500, document.File!.PageStarts.Count);
        Assert.StartsWith("หน้าที่ 500 ของ", document.Original[document.File.PageStarts[499]..], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MorePagesThanTheLimit_RefusedNamingTheCount()
    {
        var paragraphs = Enumerable.Range(1, 12).SelectMany(i => new[] { "\f", string.Create(CultureInfo.InvariantCulture, $"Page {i}") }).Skip(1);
        var pdf = Printed.Pdf(_folder, "pages", Printed.Html(paragraphs));

        var result = new DocumentLoader { Files = new FileReadOptions { MaxPages = 10 } }.Load(pdf);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.TooLarge, result.Error.Reason);
        Assert.Equal($"{pdf} has 12 pages; atlas reads PDFs of up to 10 pages", result.Error.Message);
    }

    [Fact]
    public void Load_EncryptedPdf_RefusedAsEncrypted()
    {
        var pdf = Printed.Pdf(_folder, "plain", Printed.Html(["เอกสารลับของกระทรวง"]));
        var encrypted = Path.Combine(_folder, "encrypted.pdf");
        var run = ExternalTool.Run("qpdf", ["--encrypt", "user-secret", "owner-secret", "256", "--", pdf, encrypted], TimeSpan.FromSeconds(60));
        Assert.True(run.Succeeded, $"qpdf (scripts/test.sh installs it): {run.FirstError}");

        var result = new DocumentLoader().Load(encrypted);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.AccessDenied, result.Error.Reason);
        Assert.Equal($"{encrypted} is encrypted (it needs a password to open); not read", result.Error.Message);
    }

    [Theory]
    [InlineData("damaged.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n<<<< ((( garbage", "is a damaged PDF (pdfinfo: ")]
    [InlineData("renamed.pdf", "ข่าวประชาสัมพันธ์ฉบับนี้เป็นข้อความธรรมดา", "is not a PDF (it does not start with %PDF-)")]
    public void Load_DamagedPdf_RefusedNamingTheProblem(string name, string content, string problem)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);

        var result = new DocumentLoader().Load(path);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.Binary, result.Error.Reason);
        Assert.StartsWith($"{path} {problem}", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeeplyNestedObjects_EndsWithAMessageNotACrash()
    {
        const int depth = 200_000;
        var path = Path.Combine(_folder, "nested.pdf");
        File.WriteAllText(path, string.Concat(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep ", new string('[', depth), new string(']', depth), " >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n",
            "trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n"));

        var result = new DocumentLoader { Files = new FileReadOptions { Ocr = false } }.Load(path);

        Assert.False(result.IsSuccess);
        Assert.Equal(LoadErrorKind.Empty, result.Error.Reason);
        Assert.Equal($"{path} has no text layer, and OCR is off or not installed (Debian packages tesseract-ocr, tesseract-ocr-tha)", result.Error.Message);
    }

    /// <summary>The seed's paragraphs (its lines without front matter, trailing spaces or blank lines).</summary>
    internal static List<string> Paragraphs(string seed) =>
        WordReaderTests.SeedBody(seed).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// The characters without white space, in canonical order (NFC): a seed that writes a tone mark
    /// before the vowel below its consonant (ปุ่) comes out of the PDF in Unicode's order (ปุ่).
    /// </summary>
    internal static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>Every word of the source (between spaces) comes out whole, in canonical order: no line end broke it.</summary>
    private static void AssertNoWordBroken(IEnumerable<string> paragraphs, string text)
    {
        var canonical = text.Normalize(System.Text.NormalizationForm.FormC);
        var broken = paragraphs.SelectMany(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !canonical.Contains(w.Normalize(System.Text.NormalizationForm.FormC), StringComparison.Ordinal)).ToList();
        Assert.Empty(broken);
    }

    private static List<string> Bodies(ExtractedFacts facts) => facts.Entities
        .Where(e => e.Kind is "agency" or "foreign_body" or "organisation" or "division" or "country")
        .Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
}
