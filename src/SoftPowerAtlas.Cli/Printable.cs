using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Cli;

/// <summary>
/// Text from outside (file names, reasons naming them) as a terminal line shows it safely: control
/// characters (a newline in a file name would start a fake line), format characters (a right-to-left
/// override would reorder the line), noncharacters and lone surrogates are written as <c>\u{XXXX}</c>.
/// </summary>
internal static class Printable
{
    public static string Path(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (NeedsEscape(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF')
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
