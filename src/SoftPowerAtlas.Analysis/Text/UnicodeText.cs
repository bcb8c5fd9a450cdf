namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// Code points that are not characters: noncharacters (U+FDD0–U+FDEF, and the last two of every
/// plane, U+FFFE, U+FFFF, U+1FFFE…) and surrogates without their pair. .NET's Unicode normalisation
/// throws on them, so they are replaced by U+FFFD wherever text enters: a document (with its offsets
/// kept), a query, a user name or password. One rule everywhere, so a query finds what was stored.
/// </summary>
public static class UnicodeText
{
    /// <summary>What an invalid code point becomes.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// The length (1 or 2 UTF-16 units) of the invalid code point at <paramref name="index"/>, or 0
    /// when it starts a character. A valid pair is a character; its low half alone is not.
    /// </summary>
    public static int InvalidAt(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (c < '\uD800')
        {
            return 0;
        }

        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                return (char.ConvertToUtf32(c, text[index + 1]) & 0xFFFE) == 0xFFFE ? 2 : 0;
            }

            return 1;
        }

        return char.IsLowSurrogate(c) || c is (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF' ? 1 : 0;
    }

    /// <summary>Whether <paramref name="text"/> holds a code point <see cref="InvalidAt"/> refuses.</summary>
    public static bool HasInvalid(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uFFFF');
        while (i >= 0 && i < text.Length)
        {
            if (InvalidAt(text, i) > 0)
            {
                return true;
            }

            i += char.IsHighSurrogate(text[i]) ? 2 : 1;
            var next = i < text.Length ? text[i..].IndexOfAnyInRange('\uD800', '\uFFFF') : -1;
            i = next < 0 ? -1 : i + next;
        }

        return false;
    }

    /// <summary><paramref name="text"/> with each invalid code point replaced by one <see cref="Replacement"/>; the same string when there is none.</summary>
    public static string Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasInvalid(text))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var invalid = InvalidAt(text, i);
            if (invalid > 0)
            {
                builder.Append(Replacement);
                i += invalid;
            }
            else
            {
                var length = char.IsHighSurrogate(text[i]) ? 2 : 1;
                builder.Append(text, i, length);
                i += length;
            }
        }

        return builder.ToString();
    }
}
