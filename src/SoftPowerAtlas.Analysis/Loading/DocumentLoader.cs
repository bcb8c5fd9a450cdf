using System.Globalization;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Formats;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Reads files, streams or strings into <see cref="SourceDocument"/>s: decodes bytes, takes the article
/// body out of Markdown or HTML with a map back to the original, and collects head metadata. Unreadable
/// input comes back as a <see cref="LoadError"/>, never as an exception. Immutable and thread-safe.
/// </summary>
public sealed class DocumentLoader
{
    /// <summary>Default size cap: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>Inputs larger than this are refused with <see cref="LoadErrorKind.TooLarge"/>.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Limits, OCR and progress for PDFs and images.</summary>
    public FileReadOptions Files { get; init; } = FileReadOptions.Default;

    /// <summary>An HTML page with fewer visible letters than this, and more script than text, is refused.</summary>
    public int MinVisibleLetters { get; init; } = 50;

    /// <summary>
    /// A CSS selector naming a site's article element (configured per collected source); when it
    /// matches no text the general <see cref="ArticleExtractor"/> rules decide.
    /// </summary>
    public string? ArticleSelector { get; init; }

    /// <summary>The extensions atlas reads, for messages ("use .txt, .md, ...").</summary>
    public const string ReadableExtensions = ".txt, .md, .html, .htm, .docx, .pdf, .png, .jpg, .tif";

    /// <summary>Format named by a file name's extension; null when the extension is not one we read.</summary>
    public static DocumentFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            "" or ".txt" or ".text" => DocumentFormat.Text,
            ".md" or ".markdown" => DocumentFormat.Markdown,
            ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
            ".docx" => DocumentFormat.Word,
            ".pdf" => DocumentFormat.Pdf,
            ".png" or ".jpg" or ".jpeg" or ".tif" or ".tiff" => DocumentFormat.Image,
            _ => null,
        };
    }

    public LoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return LoadResult.Failure(path, LoadErrorKind.Unsupported, $"{path} is a folder, not a file");
        }

        if (FormatOf(path) is not { } format)
        {
            return LoadResult.Failure(path, LoadErrorKind.Unsupported, $"{path}: {Path.GetExtension(path)} files are not read (only {ReadableExtensions})");
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return NotFound(path);
            }

            if (info.Length > MaxBytes)
            {
                return TooLarge(path, info.Length);
            }

            // Read up to the cap whatever the length says: /dev/zero and pipes report 0 bytes.
            if (ReadCapped(path, MaxBytes) is not { } read)
            {
                return LoadResult.Failure(path, LoadErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"{path} is too large (more than the limit of {MaxBytes:N0} bytes; stopped reading there)"));
            }

            bytes = read;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound(path);
        }
        catch (UnauthorizedAccessException)
        {
            return LoadResult.Failure(path, LoadErrorKind.AccessDenied, $"{path} cannot be read: permission denied");
        }
        catch (IOException e)
        {
            return LoadResult.Failure(path, LoadErrorKind.AccessDenied, $"{path} cannot be read: {e.Message}");
        }

        if (bytes.LongLength > MaxBytes)
        {
            return TooLarge(path, bytes.LongLength);
        }

        return SourceDocument.IsReadOutOfFile(format) ? LoadFile(bytes, path, format) : LoadBytes(bytes, path, format);
    }

    /// <summary>
    /// A PDF, Word file or image: its text is read out (<see cref="FileReaders"/>), becomes the original
    /// text every offset points into, and is read as plain text; the file is kept with its page starts.
    /// </summary>
    private LoadResult LoadFile(byte[] bytes, string source, DocumentFormat format)
    {
        var read = FileReaders.Read(bytes, source, format, MaxBytes, Files);
        if (read.Text is not { } paged)
        {
            return LoadResult.Failure(source, read.Error ?? LoadErrorKind.Binary, $"{source} {read.Problem}");
        }

        if (paged.Text.All(TextDecoder.IsBlank))
        {
            return LoadResult.Failure(source, LoadErrorKind.Empty, read.OcrUnavailable
                ? $"{source} has no text layer, and OCR is off or not installed (Debian packages tesseract-ocr, tesseract-ocr-tha)"
                : $"{source} has no text: no text layer, and OCR found none");
        }

        var loaded = Read(paged.Text, source, format, "utf-8");
        return loaded.Document is { } document
            ? LoadResult.Success(document with { File = new DocumentFile(FileReaders.MediaType(format, source), bytes, paged.PageStarts) }, loaded.Warnings)
            : loaded;
    }

    /// <summary>
    /// A file's bytes, or null when it holds more than <paramref name="maxBytes"/>: reading stops at the
    /// cap, so a device or pipe that reports no length (<c>/dev/zero</c>) is never read whole.
    /// </summary>
    public static byte[]? ReadCapped(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a stream (standard input, a downloaded page); the format comes from the name when not given.</summary>
    public LoadResult Load(Stream stream, string sourceName, DocumentFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var named = format ?? (sourceName == "-" ? DocumentFormat.Text : FormatOf(sourceName));
        if (named is null)
        {
            return LoadResult.Failure(sourceName, LoadErrorKind.Unsupported, $"{sourceName}: {Path.GetExtension(sourceName)} files are not read (only {ReadableExtensions})");
        }

        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            return TooLarge(sourceName, stream.Length - stream.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return TooLarge(sourceName, buffer.Length);
            }
        }

        if (SourceDocument.IsReadOutOfFile(named.Value))
        {
            return LoadFile(buffer.ToArray(), sourceName, named.Value);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var resolved = named.Value;
        if (format is null && Path.GetExtension(sourceName).Length == 0 && LooksLikeHtml(bytes))
        {
            resolved = DocumentFormat.Html;
        }

        return LoadBytes(bytes, sourceName, resolved);
    }

    /// <summary>
    /// Reads a downloaded web page: <paramref name="headerCharset"/> (from Content-Type) decides the
    /// encoding unless the bytes contradict it, then the page's <c>&lt;meta charset&gt;</c>, then
    /// sniffing (UTF-8, TIS-620 / Windows-874). The whole page becomes the original text, so offsets
    /// point into the page as fetched, and its article is found by <see cref="ArticleExtractor"/>.
    /// </summary>
    public LoadResult LoadPage(ReadOnlySpan<byte> bytes, string url, string? headerCharset, DocumentFormat format = DocumentFormat.Html)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (bytes.Length > MaxBytes)
        {
            return TooLarge(url, bytes.Length);
        }

        return LoadBytes(bytes, url, format, headerCharset);
    }

    /// <summary>Decodes a downloaded page as <see cref="LoadPage"/> does; null when the bytes are not text.</summary>
    public static string? DecodePage(ReadOnlySpan<byte> bytes, string? headerCharset) =>
        TextDecoder.Decode(bytes, DocumentFormat.Html, headerCharset).Text;

    /// <summary>Reads text already decoded (a test, a page fetched with its own decoding).</summary>
    public LoadResult LoadText(string text, string sourceName, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (text.AsSpan().TrimStart('\uFEFF').IsEmpty)
        {
            return LoadResult.Failure(sourceName, LoadErrorKind.Empty, $"{sourceName} is empty");
        }

        if (text.All(TextDecoder.IsBlank))
        {
            return LoadResult.Failure(sourceName, LoadErrorKind.Empty, $"{sourceName} contains only whitespace");
        }

        return Read(text, sourceName, format, "utf-16");
    }

    private LoadResult LoadBytes(ReadOnlySpan<byte> bytes, string source, DocumentFormat format, string? headerCharset = null)
    {
        var decoded = TextDecoder.Decode(bytes, format, headerCharset);
        if (decoded.Error is { } kind)
        {
            return LoadResult.Failure(source, kind, $"{source} {decoded.Problem}");
        }

        return Read(decoded.Text!, source, format, decoded.Encoding);
    }

    private LoadResult Read(string text, string source, DocumentFormat format, string encoding)
    {
        var warnings = new List<string>();
        ReadOutcome outcome = format switch
        {
            DocumentFormat.Markdown => MarkdownReader.Read(text, source, warnings, markdown: true),
            DocumentFormat.Html => HtmlReader.Read(text, source, MinVisibleLetters, ArticleSelector),
            _ when SourceDocument.IsReadOutOfFile(format) => new ReadOutcome(MappedText.Identity(text), DocumentMetadata.Empty),
            _ => MarkdownReader.Read(text, source, warnings, markdown: false),
        };

        if (outcome.Error is { } error)
        {
            return LoadResult.Failure(error);
        }

        var metadata = outcome.Metadata with { Encoding = encoding };
        return LoadResult.Success(new SourceDocument(source, format, text, outcome.Body!, metadata), warnings);
    }

    /// <summary>
    /// Why a path is not there; a name whose bytes are not UTF-8 (a Latin-1 é) reaches .NET with U+FFFD
    /// in their place and cannot be opened by that name, which is said rather than "does not exist".
    /// </summary>
    public static string MissingReason(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Contains('\uFFFD', StringComparison.Ordinal)
            ? $"{path} cannot be opened: its name is not valid UTF-8 (U+FFFD marks the bytes that are not); rename it in UTF-8, e.g. convmv -f latin1 -t utf-8 --notest"
            : $"{path} does not exist";
    }

    private static LoadResult NotFound(string path) => LoadResult.Failure(path, LoadErrorKind.NotFound, MissingReason(path));

    private LoadResult TooLarge(string source, long length) => LoadResult.Failure(
        source,
        LoadErrorKind.TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"{source} is too large ({length:N0} bytes; the limit is {MaxBytes:N0})"));

    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\n', '\r', '\t', '?');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>What a format reader made of decoded text: a mapped body and metadata, or an error.</summary>
internal readonly record struct ReadOutcome(MappedText? Body, DocumentMetadata Metadata, LoadError? Error = null);
