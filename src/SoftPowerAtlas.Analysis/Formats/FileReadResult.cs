using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>What a file reader made of a PDF, Word file or image: its paged text, or why it could not read it.</summary>
public sealed record FileReadResult(PagedText? Text, LoadErrorKind? Error = null, string? Problem = null)
{
    /// <summary>Pages read through OCR (no usable text layer), for the summary.</summary>
    public int OcrPages { get; init; }

    /// <summary>Pages that needed OCR were left empty: OCR is turned off or tesseract is not installed.</summary>
    public bool OcrUnavailable { get; init; }

    public static FileReadResult Ok(PagedText text) => new(text);

    /// <summary>A refusal; <paramref name="problem"/> is said after the file's name ("is encrypted (...)").</summary>
    public static FileReadResult Fail(LoadErrorKind kind, string problem) => new(null, kind, problem);
}
