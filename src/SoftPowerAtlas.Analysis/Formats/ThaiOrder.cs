using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Puts Thai marks read out of a PDF or by OCR in Unicode order: sara am written as nikhahit and sara aa
/// (ํ + า, how fonts and Tesseract often give it) becomes ำ, after any tone mark; a tone mark placed
/// before the vowel above or below its consonant (a glyph order) goes after it (ที่, not ท่ี).
/// </summary>
internal static partial class ThaiOrder
{
    public static string Fix(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0E31', '\u0E4D'))
        {
            return text;
        }

        text = NikhahitToneAa().Replace(text, "$1\u0E33");
        text = text.Replace("\u0E4D\u0E32", "\u0E33", StringComparison.Ordinal);
        return ToneBeforeVowel().Replace(text, "$2$1");
    }

    [GeneratedRegex("\u0E4D([\u0E48-\u0E4B])\u0E32", RegexOptions.CultureInvariant)]
    private static partial Regex NikhahitToneAa();

    [GeneratedRegex("([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E3A])", RegexOptions.CultureInvariant)]
    private static partial Regex ToneBeforeVowel();
}
