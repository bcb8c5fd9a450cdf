namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Tells a PDF page whose text layer cannot be used (so OCR reads it): no text at all (a scan), mostly
/// U+FFFD or private-use glyphs (a font without a Unicode map), mostly Latin-1 letters (a legacy Thai
/// font whose TIS-620 codes come out as "¡ÒÃ"), or text that falls apart into single characters.
/// </summary>
internal static class TextLayer
{
    public static bool IsUnusable(PdfPage page) => IsUnusable(page.Lines.SelectMany(l => l.Words).Select(w => w.Text).ToList());

    public static bool IsUnusable(IReadOnlyList<string> words)
    {
        int letters = 0, bad = 0, latin1 = 0;
        foreach (var word in words)
        {
            foreach (var c in word)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                letters++;
                if (c is '\uFFFD' or (>= '\uE000' and <= '\uF8FF') || char.IsControl(c))
                {
                    bad++;
                }
                else if (c is >= '\u00A1' and <= '\u00FF' and not ('\u00B0' or '\u00B7' or '\u00A9' or '\u00AE'))
                {
                    latin1++;
                }
            }
        }

        if (letters == 0)
        {
            return true;
        }

        if (bad * 10 > letters || latin1 * 10 > letters * 3)
        {
            return true;
        }

        var single = words.Count(w => w.Length == 1 && char.IsLetter(w[0]));
        return words.Count >= 20 && single * 2 > words.Count;
    }
}
