using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using SoftPowerAtlas.Analysis.Documents;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Turns a file's bytes into text: BOM, strict UTF-8, an HTML page's declared charset, then the legacy
/// Thai code page (TIS-620 / Windows-874) when, and only when, it yields plausible Thai.
/// </summary>
internal static class TextDecoder
{
    private const int ThaiCodePage = 874;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Thai = CreateThaiEncoding();

    /// <summary>Decoded text and the name of the encoding, or the error.</summary>
    internal readonly record struct Decoded(string? Text, string Encoding, LoadErrorKind? Error, string? Problem);

    /// <summary>
    /// Decodes <paramref name="bytes"/>; <paramref name="headerCharset"/> is the charset a server sent
    /// in Content-Type, trusted before the page's own declaration and sniffing unless the bytes show it
    /// is wrong (declared UTF-8 but not valid UTF-8; declared a Western code page but the bytes are
    /// valid UTF-8 or the page declares another charset).
    /// </summary>
    public static Decoded Decode(ReadOnlySpan<byte> bytes, DocumentFormat format, string? headerCharset = null)
    {
        if (bytes.IsEmpty)
        {
            return Fail(LoadErrorKind.Empty, "is empty (0 bytes)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeStrict(bytes[3..], StrictUtf8, "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeStrict(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeStrict(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16be");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Fail(LoadErrorKind.Binary, string.Create(CultureInfo.InvariantCulture, $"looks binary, not text (a NUL byte at offset {nul})"));
        }

        if (headerCharset is not null && FromHeader(bytes, format, headerCharset) is { } fromHeader)
        {
            return fromHeader;
        }

        if (Utf8.IsValid(bytes))
        {
            return CheckText(Encoding.UTF8.GetString(bytes), "utf-8");
        }

        var badOffset = FirstInvalidUtf8(bytes);
        if (format == DocumentFormat.Html && DeclaredCharset(bytes) is { } declared && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return CheckText(declared.GetString(bytes), declared.WebName);
        }

        var thai = Thai.GetString(bytes);
        if (LooksLikeThai(thai))
        {
            return CheckText(thai, "windows-874");
        }

        if (ControlShare(bytes) > 0.1)
        {
            return Fail(LoadErrorKind.Binary, "looks binary, not text (many control bytes)");
        }

        return Fail(
            LoadErrorKind.UndecodableText,
            string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-8 (first bad byte sequence at byte offset {badOffset}) and does not read as Thai in TIS-620/Windows-874"));
    }

    /// <summary>The text as the server's charset decodes it, or null when that charset is unknown or the bytes contradict it.</summary>
    private static Decoded? FromHeader(ReadOnlySpan<byte> bytes, DocumentFormat format, string headerCharset)
    {
        if (ResolveEncoding(headerCharset.Trim().Trim('"', '\'')) is not { } encoding)
        {
            return null;
        }

        if (encoding.CodePage == Encoding.UTF8.CodePage || encoding.CodePage == Encoding.ASCII.CodePage)
        {
            return Utf8.IsValid(bytes) ? CheckText(Encoding.UTF8.GetString(bytes), "utf-8") : null;
        }

        if (ReferenceEquals(encoding, Thai))
        {
            var thai = Thai.GetString(bytes);
            return LooksLikeThai(thai) || !HasHighBytes(bytes) ? CheckText(thai, "windows-874") : null;
        }

        // A Western single-byte code page decodes anything, so the bytes cannot refute it directly:
        // valid UTF-8 with non-ASCII, or a page that declares another charset, shows the header is wrong.
        if (HasHighBytes(bytes) && (Utf8.IsValid(bytes)
            || (format == DocumentFormat.Html && DeclaredCharset(bytes) is { } declared && declared.CodePage != encoding.CodePage)))
        {
            return null;
        }

        return CheckText(encoding.GetString(bytes), encoding.WebName);
    }

    private static bool HasHighBytes(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>Charset named by a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> in the first bytes of a page.</summary>
    internal static Encoding? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var at = 0;
        while ((at = head.IndexOf("charset", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += "charset".Length;
            var i = at;
            while (i < head.Length && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\''))
            {
                i++;
            }

            var start = i;
            while (i < head.Length && (char.IsAsciiLetterOrDigit(head[i]) || head[i] == '-' || head[i] == '_' || head[i] == ':'))
            {
                i++;
            }

            if (i > start && ResolveEncoding(head[start..i]) is { } encoding)
            {
                return encoding;
            }
        }

        return null;
    }

    /// <summary>
    /// The encoding a charset names, or null when it names none we read: unknown, or UTF-7, which .NET
    /// refuses (it hides markup from filters) and a page never needs; the bytes are then sniffed.
    /// </summary>
    internal static Encoding? ResolveEncoding(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower is "tis-620" or "tis620" or "windows-874" or "cp874" or "iso-8859-11" or "x-windows-874" or "dos-874")
        {
            return Thai;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == 65000 ? null : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when text decoded with a legacy code page reads as Thai: Thai letters, marks on letters, few controls.</summary>
    internal static bool LooksLikeThai(string text)
    {
        int thai = 0, otherNonAscii = 0, controls = 0, marks = 0, orphanMarks = 0;
        var previous = ' ';
        foreach (var c in text)
        {
            if (c is >= '\u0E01' and <= '\u0E5B')
            {
                thai++;
                if (IsThaiMark(c))
                {
                    marks++;
                    if (!(previous is >= '\u0E01' and <= '\u0E2E') && !IsThaiMark(previous))
                    {
                        orphanMarks++;
                    }
                }
            }
            else if (c > '\u007F')
            {
                otherNonAscii++;
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }

            previous = c;
        }

        return thai >= 4
            && otherNonAscii <= thai / 20
            && controls <= text.Length / 100
            && orphanMarks <= marks / 10;
    }

    private static bool IsThaiMark(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E');

    private static Decoded DecodeStrict(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        if (bytes.IsEmpty)
        {
            return Fail(LoadErrorKind.Empty, "is empty (only a byte order mark)");
        }

        try
        {
            return CheckText(encoding.GetString(bytes), name);
        }
        catch (DecoderFallbackException e)
        {
            var where = e.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (at byte offset {e.Index})") : string.Empty;
            return Fail(LoadErrorKind.UndecodableText, $"starts with a {name} byte order mark but is not valid {name}{where}");
        }
    }

    private static Decoded CheckText(string text, string encoding)
    {
        var controls = 0;
        var blank = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }

            if (blank && !IsBlank(c))
            {
                blank = false;
            }
        }

        if (controls > 0 && (controls > text.Length / 10 || text.Contains('\0', StringComparison.Ordinal)))
        {
            return Fail(LoadErrorKind.Binary, "looks binary, not text (many control characters)");
        }

        if (blank)
        {
            return Fail(LoadErrorKind.Empty, "contains only whitespace");
        }

        return new Decoded(text, encoding, null, null);
    }

    internal static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                offset += read;
                if (status != OperationStatus.DestinationTooSmall)
                {
                    return offset;
                }
            }

            return offset;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static double ControlShare(ReadOnlySpan<byte> bytes)
    {
        var controls = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                controls++;
            }
        }

        return (double)controls / bytes.Length;
    }

    private static Decoded Fail(LoadErrorKind kind, string problem) => new(null, string.Empty, kind, problem);

    private static Encoding CreateThaiEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(ThaiCodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
