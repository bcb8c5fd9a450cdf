namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>One page of a file done, for a progress bar: the file, the page, how many pages, and whether it was read by OCR.</summary>
public readonly record struct PageProgress(string Source, int Page, int Pages, bool Ocr);

/// <summary>
/// Limits and tools for reading PDFs and images: every limit bounds one document, and a file past one
/// is refused with a message naming it (nothing of it stored).
/// </summary>
public sealed record FileReadOptions
{
    public static readonly FileReadOptions Default = new();

    /// <summary>A PDF with more pages than this is refused (a 2,000-page file is an archive, not a release).</summary>
    public int MaxPages { get; init; } = 1_000;

    /// <summary>Pages of one document read by OCR at most (about 2 to 5 seconds a page); past it the document is refused.</summary>
    public int MaxOcrPages { get; init; } = 100;

    /// <summary>An image wider or taller than this many pixels is refused before OCR (a 30,000-pixel banner is no page).</summary>
    public int MaxImageSide { get; init; } = 12_000;

    /// <summary>Whether pages without a usable text layer, and images, are read by Tesseract.</summary>
    public bool Ocr { get; init; } = true;

    /// <summary>Tesseract's languages (<c>-l</c>): Thai and English.</summary>
    public string OcrLanguages { get; init; } = "tha+eng";

    /// <summary>Resolution pages are rendered at for OCR.</summary>
    public int OcrDpi { get; init; } = 300;

    /// <summary>Longest one run of pdftotext, pdftoppm or tesseract may take.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Called after each page, from the thread reading the file.</summary>
    public IProgress<PageProgress>? Progress { get; init; }
}
