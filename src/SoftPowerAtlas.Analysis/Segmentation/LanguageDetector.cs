namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// Judges the language of a piece of text by the script of its letters: Thai (U+0E00–U+0E7F, letters
/// and the vowel and tone marks written above and below them) against Latin. Counts are in UTF-16
/// code units, so a Thai syllable with its marks weighs what it takes on screen.
/// <list type="bullet">
/// <item>no letters: <see cref="Language.Other"/>;</item>
/// <item>Thai ≥ 70% of letters: <see cref="Language.Thai"/>; Latin ≥ 70%: <see cref="Language.English"/>;</item>
/// <item>Thai and Latin each ≥ 15%: <see cref="Language.Mixed"/>;</item>
/// <item>otherwise (another script dominates): <see cref="Language.Other"/>.</item>
/// </list>
/// </summary>
public static class LanguageDetector
{
    private const double Dominant = 0.7;
    private const double Strong = 0.15;

    public static Language Detect(ReadOnlySpan<char> text)
    {
        int thai = 0, latin = 0, other = 0;
        foreach (var c in text)
        {
            if (IsThai(c))
            {
                thai++;
            }
            else if (char.IsLetter(c))
            {
                if (c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF')
                {
                    latin++;
                }
                else
                {
                    other++;
                }
            }
        }

        double total = thai + latin + other;
        if (total == 0)
        {
            return Language.Other;
        }

        if (thai >= Dominant * total)
        {
            return Language.Thai;
        }

        if (latin >= Dominant * total)
        {
            return Language.English;
        }

        return thai >= Strong * total && latin >= Strong * total ? Language.Mixed : Language.Other;
    }

    /// <summary>A Thai letter or a Thai vowel or tone mark (not a Thai digit or symbol such as ฿ or ๏).</summary>
    public static bool IsThai(char c) => c is >= '\u0E01' and <= '\u0E3A' or >= '\u0E40' and <= '\u0E4E';
}
