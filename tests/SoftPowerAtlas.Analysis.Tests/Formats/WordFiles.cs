extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;

namespace SoftPowerAtlas.Analysis.Tests.Formats;

/// <summary>Writes small .docx files for the tests with DocumentFormat.OpenXml, as Word would lay them out.</summary>
internal static class WordFiles
{
    /// <summary>
    /// A document of <paramref name="blocks"/>: a string is a paragraph, a string[][] a table, the
    /// string "\f" a page break (Word's page break and, in the next paragraph, its rendered-page mark).
    /// </summary>
    public static byte[] Build(IEnumerable<object> blocks, string? header = null, string? footer = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var pageTurn = false;
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case "\f":
                        body.AppendChild(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                        pageTurn = true;
                        break;
                    case string text:
                        var run = new Run();
                        if (pageTurn)
                        {
                            run.AppendChild(new LastRenderedPageBreak());
                            pageTurn = false;
                        }

                        run.AppendChild(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
                        body.AppendChild(new Paragraph(run));
                        break;
                    case string[][] rows:
                        body.AppendChild(new Table(rows.Select(r => new TableRow(r.Select(c => new TableCell(new Paragraph(new Run(new WordText(c)))))))));
                        break;
                }
            }

            var section = new SectionProperties();
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(new Paragraph(new Run(new WordText(header))));
                section.AppendChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            if (footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(new Paragraph(new Run(new WordText(footer))));
                section.AppendChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            body.AppendChild(section);
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}
