using System.Security.Cryptography;
using System.Text;

namespace SoftPowerAtlas.Storage.Facts;

/// <summary>
/// The stable name of a commitment: 16 hex digits of SHA-256 over the document's content hash, the
/// sentence as written (white space collapsed), the due date as stored, and which repeat of that
/// sentence and date it is within the document. Row ids change when a document is ingested or
/// extracted again; this does not, so a status kept against it survives both.
/// </summary>
public static class CommitmentKey
{
    /// <summary>Digits a user may type: a unique prefix of at least this many finds a commitment.</summary>
    public const int MinimumPrefix = 6;

    public const int Length = 16;

    public static string Compute(string contentHash, string sentence, string? due, int occurrence)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentNullException.ThrowIfNull(sentence);
        var text = string.Join('\n', contentHash, Normalize(sentence), due ?? string.Empty, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>True for text that can be (a prefix of) a key: hex digits, at least <see cref="MinimumPrefix"/>.</summary>
    public static bool IsPrefix(string text) =>
        text.Length is >= MinimumPrefix and <= Length && text.All(char.IsAsciiHexDigit);

    /// <summary>The sentence with every run of white space as one space, trimmed: line wrapping does not change a key.</summary>
    public static string Normalize(string sentence)
    {
        var b = new StringBuilder(sentence.Length);
        var space = false;
        foreach (var c in sentence.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                b.Append(' ');
                space = false;
            }

            b.Append(c);
        }

        return b.ToString();
    }
}
