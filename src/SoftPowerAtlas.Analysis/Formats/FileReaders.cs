using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Reads the formats that are files rather than text (Word, PDF, images) into <see cref="PagedText"/>,
/// each with its reader; refusals come back as data naming the problem, never as exceptions.
/// </summary>
public static class FileReaders
{
    /// <summary>The media type a format's original file is offered for download with.</summary>
    public static string MediaType(DocumentFormat format, string name) => format switch
    {
        DocumentFormat.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Image => Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".tif" or ".tiff" => "image/tiff",
            _ => "image/jpeg",
        },
        _ => "application/octet-stream",
    };

    /// <summary>Reads <paramref name="bytes"/> as <paramref name="format"/>; text past <paramref name="maxChars"/> is refused.</summary>
    public static FileReadResult Read(byte[] bytes, string source, DocumentFormat format, long maxChars, FileReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(source);
        options ??= FileReadOptions.Default;
        return format switch
        {
            DocumentFormat.Word => WordReader.Read(bytes, maxChars),
            DocumentFormat.Pdf => PdfReader.Read(bytes, source, maxChars, options),
            DocumentFormat.Image => OcrReader.Image(bytes, source, maxChars, options),
            _ => FileReadResult.Fail(LoadErrorKind.Unsupported, $"is a {format} file, which atlas does not read yet"),
        };
    }
}
