extern alias OpenXml;

using System.Globalization;
using System.IO.Compression;
using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Reads a Word file (.docx) through DocumentFormat.OpenXml: the body's paragraphs in order, each
/// table row as one line (cells a tab apart), headers, footers, comments and deleted text left out.
/// Pages start where Word last laid them out (<c>lastRenderedPageBreak</c>) or at a page break.
/// A file that expands past <see cref="MaxExpandedBytes"/> (a zip bomb) is refused before it is parsed.
/// </summary>
internal static class WordReader
{
    /// <summary>Most bytes the parts of one .docx may expand to (their sizes as the zip declares them).</summary>
    public const long MaxExpandedBytes = 200L * 1024 * 1024;

    public static FileReadResult Read(byte[] bytes, long maxChars)
    {
        if (Expanded(bytes) is { } refusal)
        {
            return refusal;
        }

        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, new OpenSettings { MaxCharactersInPart = MaxExpandedBytes / 2 });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return FileReadResult.Fail(LoadErrorKind.Binary, $"is not a Word document atlas can read ({e.Message})");
        }

        using (document)
        {
            try
            {
                if (document.MainDocumentPart?.Document?.Body is not { } body)
                {
                    return FileReadResult.Fail(LoadErrorKind.Binary, "is not a Word document atlas can read (it has no document body)");
                }

                var text = new PagedText.Builder(maxChars);
                text.StartPage();
                foreach (var block in body.ChildElements)
                {
                    Block(block, text);
                    if (text.Full)
                    {
                        return FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"holds more than {maxChars:N0} characters of text"));
                    }
                }

                return FileReadResult.Ok(text.Build());
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
            {
                return FileReadResult.Fail(LoadErrorKind.Binary, $"is a damaged Word document ({e.Message})");
            }
        }
    }

    /// <summary>A refusal when the zip's parts declare more than the cap, or when it is not a zip at all.</summary>
    private static FileReadResult? Expanded(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxExpandedBytes)
                {
                    return FileReadResult.Fail(LoadErrorKind.TooLarge, string.Create(
                        CultureInfo.InvariantCulture,
                        $"expands to more than {MaxExpandedBytes:N0} bytes ({bytes.LongLength:N0} compressed; a zip bomb?); not read"));
                }
            }

            return null;
        }
        catch (InvalidDataException e)
        {
            return FileReadResult.Fail(LoadErrorKind.Binary, $"is not a Word document (.docx is a zip file; {e.Message})");
        }
    }

    private static void Block(OpenXmlElement element, PagedText.Builder text)
    {
        switch (element)
        {
            case Paragraph paragraph:
                ReadParagraph(paragraph, text);
                break;
            case Table table:
                ReadTable(table, text);
                break;
            case SdtBlock or CustomXmlBlock:
                foreach (var child in element.Descendants().Where(e => e is Paragraph or Table).Where(e => !InsideTable(e, element)))
                {
                    Block(child, text);
                }

                break;
        }
    }

    private static bool InsideTable(OpenXmlElement element, OpenXmlElement root)
    {
        for (var parent = element.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (parent is Table)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadParagraph(Paragraph paragraph, PagedText.Builder text)
    {
        if (paragraph.ParagraphProperties?.PageBreakBefore is { } before && (before.Val is null || before.Val.Value))
        {
            NewPage(text);
        }

        Inline(paragraph, text);
        text.EndParagraph();
    }

    /// <summary>The visible text of a paragraph or cell: runs, hyperlinks, insertions; not deleted text or field codes.</summary>
    private static void Inline(OpenXmlElement container, PagedText.Builder text)
    {
        foreach (var element in container.Descendants())
        {
            switch (element)
            {
                case WordText t when t.Parent is Run:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append("\t");
                    break;
                case Break br when br.Type?.Value == BreakValues.Page:
                    NewPage(text);
                    break;
                case Break or CarriageReturn:
                    text.Append(" ");
                    break;
                case LastRenderedPageBreak:
                    NewPage(text);
                    break;
                case NoBreakHyphen:
                    text.Append("-");
                    break;
            }
        }
    }

    /// <summary>
    /// Word marks one page turn twice (the page break, then <c>lastRenderedPageBreak</c> where it laid the
    /// page out): a break where a page already starts is the same page.
    /// </summary>
    private static void NewPage(PagedText.Builder text)
    {
        if (!text.PagePending)
        {
            text.StartPage();
        }
    }

    private static void ReadTable(Table table, PagedText.Builder text)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var first = true;
            foreach (var cell in row.Elements<TableCell>())
            {
                if (!first)
                {
                    text.Append("\t");
                }

                first = false;
                var paragraphs = cell.Descendants<Paragraph>().ToList();
                for (var i = 0; i < paragraphs.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(" ");
                    }

                    Inline(paragraphs[i], text);
                }
            }

            text.EndParagraph();
        }
    }
}
