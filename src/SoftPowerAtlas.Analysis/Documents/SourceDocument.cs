using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Documents;

/// <summary>How a document arrived: decides which loader read it.</summary>
public enum DocumentFormat
{
    Text,
    Markdown,
    Html,

    /// <summary>A Word file (.docx): its paragraphs and tables become the stored text.</summary>
    Word,

    /// <summary>A PDF: its text layer, or OCR of a page without one, becomes the stored text.</summary>
    Pdf,

    /// <summary>A scanned page as an image (png, jpg, tiff), read by OCR.</summary>
    Image,
}

/// <summary>
/// A document as a loader read it: the decoded file (<see cref="Original"/>, what every offset points
/// into), the article text taken from it (<see cref="Body"/>, mapped back to the original) and the
/// metadata the loader found (front matter, HTML head).
/// </summary>
public sealed record SourceDocument(
    string Source,
    DocumentFormat Format,
    string Original,
    MappedText Body,
    DocumentMetadata Metadata)
{
    /// <summary>
    /// For a PDF, Word file or image: the file itself and its page starts. <see cref="Original"/> is
    /// then the text read out of it, which every offset points into.
    /// </summary>
    public Formats.DocumentFile? File { get; init; }

    /// <summary>True for formats whose stored text was read out of a file (PDF, Word, image): that text is read again as plain text.</summary>
    public static bool IsReadOutOfFile(DocumentFormat format) => format is DocumentFormat.Word or DocumentFormat.Pdf or DocumentFormat.Image;
}

/// <summary>
/// What a reader learns about a document besides its text. Spans point into the original text.
/// </summary>
public sealed record DocumentMetadata
{
    public static readonly DocumentMetadata Empty = new();

    public string? Title { get; init; }

    public TextSpan? TitleSpan { get; init; }

    /// <summary>
    /// The page has no headline: <see cref="Title"/> is the lead of its first paragraph, which is body text
    /// (what it reports, its dates and participants), not a headline above it.
    /// </summary>
    public bool TitleIsLead { get; init; }

    /// <summary>Source address: front matter <c>source</c>, a "ที่มา :" line, a canonical link.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Where <see cref="SourceUrl"/> is written in the original, when it is written in the text.</summary>
    public TextSpan? SourceUrlSpan { get; init; }

    public string? Byline { get; init; }

    /// <summary>The publication date exactly as written (parsing it is the dates stage's job).</summary>
    public string? PublishedAsWritten { get; init; }

    public TextSpan? PublishedSpan { get; init; }

    /// <summary>Name of the encoding the bytes were decoded with (utf-8, windows-874).</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Front matter keys and values as written (Markdown only).</summary>
    public IReadOnlyDictionary<string, string> FrontMatter { get; init; } = new Dictionary<string, string>();
}
