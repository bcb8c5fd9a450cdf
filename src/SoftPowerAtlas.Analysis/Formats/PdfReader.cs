using System.Globalization;
using System.Xml;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Reads a PDF's text layer with poppler's <c>pdftotext -bbox-layout</c> (chosen over PdfPig on Thai:
/// docs/BENCHMARKS.md), lays the lines out as paragraphs (<see cref="PdfLayout"/>), and sends a page
/// whose text layer is missing or garbage to OCR (<see cref="OcrReader"/>). An encrypted, damaged or
/// oversized PDF is refused with the reason.
/// </summary>
internal static class PdfReader
{
    public static FileReadResult Read(byte[] bytes, string source, long maxChars, FileReadOptions options)
    {
        if (!LooksLikePdf(bytes))
        {
            return FileReadResult.Fail(LoadErrorKind.Binary, "is not a PDF (it does not start with %PDF-)");
        }

        var folder = Directory.CreateTempSubdirectory("atlas-pdf-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "input.pdf");
            File.WriteAllBytes(pdf, bytes);
            var info = ExternalTool.Run("pdfinfo", [pdf], options.ToolTimeout);
            if (Refusal(info, "pdfinfo") is { } refused)
            {
                return refused;
            }

            var pages = PageCount(info.Output);
            if (pages > options.MaxPages)
            {
                return FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"has {pages:N0} pages; atlas reads PDFs of up to {options.MaxPages:N0} pages"));
            }

            var layout = Path.Combine(folder.FullName, "layout.html");
            var run = ExternalTool.Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, layout], options.ToolTimeout);
            if (Refusal(run, "pdftotext") is { } failed)
            {
                return failed;
            }

            // The layout is about 40 bytes a character of text; more than that for the cap is text past the cap.
            if (new FileInfo(layout).Length > Math.Max(maxChars, 1) * 60)
            {
                return FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"holds more than {maxChars:N0} characters of text"));
            }

            var read = ReadLayout(layout);
            var ocrPages = 0;
            var unavailable = false;
            for (var i = 0; i < read.Count; i++)
            {
                var ocr = false;
                if (TextLayer.IsUnusable(read[i]))
                {
                    if (!options.Ocr)
                    {
                        read[i] = read[i] with { Lines = [] };
                        unavailable = true;
                    }
                    else if (++ocrPages > options.MaxOcrPages)
                    {
                        return FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"needs OCR on more than {options.MaxOcrPages:N0} pages (no usable text layer); atlas reads at most {options.MaxOcrPages:N0} scanned pages a document"));
                    }
                    else
                    {
                        var page = OcrReader.PdfPage(pdf, i + 1, folder.FullName, options);
                        if (page.Page is null && page.Error == LoadErrorKind.Unsupported)
                        {
                            // No tesseract: the page's unusable layer is dropped, the rest is read; a PDF
                            // with no text left is refused by the loader with what to install.
                            read[i] = read[i] with { Lines = [] };
                            unavailable = true;
                            continue;
                        }

                        if (page.Page is null)
                        {
                            return FileReadResult.Fail(page.Error ?? LoadErrorKind.Binary, string.Create(CultureInfo.InvariantCulture, $"page {i + 1}: {page.Problem}"));
                        }

                        read[i] = page.Page;
                        ocr = true;
                    }
                }

                options.Progress?.Report(new PageProgress(source, i + 1, read.Count, ocr));
            }

            var text = PdfLayout.Build(read, maxChars);
            return text.Text.Length > maxChars
                ? FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"holds more than {maxChars:N0} characters of text"))
                : FileReadResult.Ok(text) with { OcrPages = ocrPages, OcrUnavailable = unavailable };
        }
        catch (XmlException e)
        {
            return FileReadResult.Fail(LoadErrorKind.Binary, $"could not be laid out (pdftotext wrote a layout that does not parse: {e.Message})");
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

    private static bool LooksLikePdf(byte[] bytes) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    /// <summary>Why a poppler program refused the file, in the user's terms; null when it ran.</summary>
    internal static FileReadResult? Refusal(ToolRun run, string program)
    {
        if (run.Missing)
        {
            return FileReadResult.Fail(LoadErrorKind.Unsupported, $"cannot be read: {program} is not installed (Debian package poppler-utils)");
        }

        if (run.TimedOut)
        {
            return FileReadResult.Fail(LoadErrorKind.TooLarge, $"took {program} too long to read (stopped; a damaged or deliberately nested PDF?)");
        }

        if (run.Succeeded)
        {
            return null;
        }

        return run.Errors.Contains("password", StringComparison.OrdinalIgnoreCase)
            ? FileReadResult.Fail(LoadErrorKind.AccessDenied, "is encrypted (it needs a password to open); not read")
            : FileReadResult.Fail(LoadErrorKind.Binary, $"is a damaged PDF ({program}: {run.FirstError})");
    }

    private static int PageCount(string pdfinfo)
    {
        foreach (var line in pdfinfo.Split('\n'))
        {
            if (line.StartsWith("Pages:", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pages))
            {
                return pages;
            }
        }

        return 0;
    }

    /// <summary>Pages, lines and words of pdftotext's XHTML layout, read as a stream (its DTD is neither fetched nor read).</summary>
    internal static List<PdfPage> ReadLayout(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, CheckCharacters = false, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(path, settings);
        var pages = new List<PdfPage>();
        double width = 0, height = 0;
        List<PdfLine>? lines = null;
        List<PdfWord>? words = null;
        (double XMin, double YMin, double XMax, double YMax) box = default;
        var positioned = false;
        while (positioned || reader.Read())
        {
            positioned = false;
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "page":
                        width = Number(reader, "width");
                        height = Number(reader, "height");
                        lines = [];
                        if (reader.IsEmptyElement)
                        {
                            pages.Add(new PdfPage(width, height, lines));
                            lines = null;
                        }

                        break;
                    case "line":
                        words = [];
                        box = (Number(reader, "xMin"), Number(reader, "yMin"), Number(reader, "xMax"), Number(reader, "yMax"));
                        break;
                    case "word" when words is not null:
                        // Reading the content moves past the end tag onto the next node, which the loop must not skip.
                        var (xMin, xMax) = (Number(reader, "xMin"), Number(reader, "xMax"));
                        words.Add(new PdfWord(reader.ReadElementContentAsString(), xMin, xMax));
                        positioned = true;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                switch (reader.LocalName)
                {
                    case "line" when words is not null && lines is not null:
                        lines.Add(new PdfLine(words, box.XMin, box.YMin, box.XMax, box.YMax));
                        words = null;
                        break;
                    case "page" when lines is not null:
                        pages.Add(new PdfPage(width, height, lines));
                        lines = null;
                        break;
                }
            }
        }

        return pages;
    }

    private static double Number(XmlReader reader, string name) =>
        double.TryParse(reader.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
