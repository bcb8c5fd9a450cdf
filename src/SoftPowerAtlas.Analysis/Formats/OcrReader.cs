using System.Globalization;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>What OCR made of one page: its lines, or why it could not read it.</summary>
internal sealed record OcrPage(PdfPage? Page, LoadErrorKind? Error = null, string? Problem = null);

/// <summary>
/// Reads scanned pages with Tesseract (<c>-l tha+eng</c>, run as a process): an image file as it is, a
/// PDF page after pdftoppm renders it. Tesseract's plain text keeps the spaces it sees (its word boxes
/// split Thai into single letters), so its lines become a page for <see cref="PdfLayout"/>: a line per
/// line, a gap per blank line.
/// </summary>
internal static class OcrReader
{
    /// <summary>
    /// Tesseract sizes its first guess at a text row as 1.25 times a blob's height (textord_min_linesize):
    /// in a font with tall lines (Garuda) the row of tone marks and upper vowels above a line then becomes
    /// a line of its own, read as junk, and the line below loses its marks. Twice the height keeps them on their line: character errors on
    /// the seed screenshots in Garuda 14 pt 4.21 % → 0.67 %, in Laksaman 16 pt 1.30 % → 1.20 %
    /// (docs/BENCHMARKS.md §14). A multiple of blob height, so it holds at any resolution; 3 already
    /// costs Laksaman, 4 joins real lines.
    /// </summary>
    internal const string TallLineRows = "textord_min_linesize=2";

    /// <summary>Renders page <paramref name="number"/> of <paramref name="pdf"/> and reads it.</summary>
    public static OcrPage PdfPage(string pdf, int number, string folder, FileReadOptions options)
    {
        var prefix = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"page-{number}"));
        var page = number.ToString(CultureInfo.InvariantCulture);
        var render = ExternalTool.Run("pdftoppm", ["-r", options.OcrDpi.ToString(CultureInfo.InvariantCulture), "-f", page, "-l", page, "-gray", "-png", "-singlefile", pdf, prefix], options.ToolTimeout);
        if (PdfReader.Refusal(render, "pdftoppm") is { } refused)
        {
            return new OcrPage(null, refused.Error, refused.Problem);
        }

        var image = prefix + ".png";
        var result = Recognise(image, folder, options);
        File.Delete(image);
        return result;
    }

    /// <summary>An image file (png, jpg, tiff), checked for size first, read as one page per image.</summary>
    public static FileReadResult Image(byte[] bytes, string source, long maxChars, FileReadOptions options)
    {
        var size = ImageSize.Of(bytes);
        if (size is null)
        {
            return FileReadResult.Fail(LoadErrorKind.Binary, "is not an image atlas can read (not a PNG, JPEG or TIFF file)");
        }

        if (size.Value.Width > options.MaxImageSide || size.Value.Height > options.MaxImageSide)
        {
            return FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(
                CultureInfo.InvariantCulture,
                $"is {size.Value.Width:N0} × {size.Value.Height:N0} pixels; atlas reads images of at most {options.MaxImageSide:N0} pixels a side"));
        }

        if (!options.Ocr)
        {
            return FileReadResult.Fail(LoadErrorKind.Unsupported, "is an image, and OCR is turned off");
        }

        var folder = Directory.CreateTempSubdirectory("atlas-ocr-");
        try
        {
            var path = Path.Combine(folder.FullName, "input" + ImageSize.Extension(bytes));
            File.WriteAllBytes(path, bytes);
            var page = Recognise(path, folder.FullName, options);
            if (page.Page is null)
            {
                return FileReadResult.Fail(page.Error ?? LoadErrorKind.Binary, page.Problem ?? "could not be read by OCR");
            }

            options.Progress?.Report(new PageProgress(source, 1, 1, Ocr: true));
            return FileReadResult.Ok(PdfLayout.Build([page.Page], maxChars)) with { OcrPages = 1 };
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is not worth failing the document for.
            }
        }
    }

    private static OcrPage Recognise(string image, string folder, FileReadOptions options)
    {
        var output = Path.Combine(folder, "ocr-" + Path.GetFileNameWithoutExtension(image));
        var run = ExternalTool.Run("tesseract", [image, output, "-l", options.OcrLanguages, "-c", TallLineRows], options.ToolTimeout);
        if (run.Missing)
        {
            return new OcrPage(null, LoadErrorKind.Unsupported, "needs OCR, and tesseract is not installed (Debian packages tesseract-ocr and tesseract-ocr-tha)");
        }

        if (run.TimedOut)
        {
            return new OcrPage(null, LoadErrorKind.TooLarge, "took tesseract too long to read (stopped)");
        }

        if (!run.Succeeded || !File.Exists(output + ".txt"))
        {
            return new OcrPage(null, LoadErrorKind.Binary, $"could not be read by OCR (tesseract: {run.FirstError})");
        }

        var text = File.ReadAllText(output + ".txt");
        File.Delete(output + ".txt");
        return new OcrPage(ToPage(text));
    }

    /// <summary>
    /// Tesseract's text as a page for the layout: each line 20 units high on a full-width line, a blank
    /// line a gap (a new paragraph), so headers, footers and line joins are handled as for a text layer.
    /// </summary>
    private static string SingleSpaces(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    internal static PdfPage ToPage(string text)
    {
        var lines = new List<PdfLine>();
        double y = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Replace('\f', ' ').Trim();
            if (line.Length == 0)
            {
                y += 20;
                continue;
            }

            // One word per line: the spaces are tesseract's own.
            lines.Add(new PdfLine([new PdfWord(SingleSpaces(line), 0, 1000)], 0, y, 1000, y + 20));
            y += 20;
        }

        return new PdfPage(1000, Math.Max(y, 20), lines, Ocr: true);
    }
}
