using System.Globalization;
using System.Text;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>Line helpers shared by the cleaner: comparison keys, word counts, vocabulary keys.</summary>
internal static class LineText
{
    /// <summary>Key two lines share when a reader would call them the same: trimmed, spaces collapsed, lower case.</summary>
    public static string Key(ReadOnlySpan<char> line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line.Trim())
        {
            if (char.IsWhiteSpace(c) || IsInvisible(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(InvariantCase.ToLower(c));
        }

        return builder.ToString();
    }

    /// <summary>Letters, digits and marks only, each other run of characters one space, lower case: "No comments:" → "no comments".</summary>
    public static string WordKey(ReadOnlySpan<char> line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (IsWordChar(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(InvariantCase.ToLower(c));
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    public static int Words(ReadOnlySpan<char> line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    public static bool IsBlank(char c) => char.IsWhiteSpace(c) || IsInvisible(c);

    public static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';
}
