using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Analysis.Duplicates;

/// <summary>
/// The numbers a text states, written the same in any language: days, years, counts, amounts. A
/// translation of a release keeps them all (the 14 companies, the 2,240 million baht, 16–18 June 2024)
/// where an independent report of the same engagement keeps a few, so two texts' number sets tell a
/// version of one release from another outlet's story (issue 25) without comparing their words.
/// It reads a cleaned text, whose Thai digits <see cref="Text.ThaiNormalizer"/> already wrote as Arabic ones; a
/// Buddhist Era year (2400–2700) counts as its Common Era year and thousands separators are dropped, so 2,240 and
/// 2240, พ.ศ. 2567 and 2024 are one number each.
/// </summary>
public static class ContentNumbers
{
    /// <summary>Digits read per number: longer runs (an id, a phone number) are kept by their first digits.</summary>
    private const int MaxDigits = 12;

    /// <summary>The distinct numbers of <paramref name="text"/> (a cleaned text), in the order first written.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var digits = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (DigitOf(c) is { } d)
            {
                if (digits.Length < MaxDigits)
                {
                    digits.Append(d);
                }

                continue;
            }

            // A separator between digit groups (2,240 or 1.5) joins them; a full stop ending a sentence does not.
            if (digits.Length > 0 && c is ',' or '.' && i + 1 < text.Length && DigitOf(text[i + 1]) is not null)
            {
                if (c == '.')
                {
                    digits.Append('.');
                }

                continue;
            }

            if (digits.Length > 0)
            {
                var number = Normalise(digits.ToString());
                if (seen.Add(number))
                {
                    found.Add(number);
                }

                digits.Clear();
            }
        }

        return found;
    }

    /// <summary>
    /// How alike two texts' numbers are: the share of all their distinct numbers that both state
    /// (Jaccard), with how many they share.
    /// </summary>
    public static (int Shared, double Similarity) Compare(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shared = a.Intersect(b, StringComparer.Ordinal).Count();
        var union = a.Count + b.Count - shared;
        return (shared, union == 0 ? 0 : (double)shared / union);
    }

    private static char? DigitOf(char c) => char.IsAsciiDigit(c) ? c : null;

    private static string Normalise(string digits)
    {
        if (digits.Contains('.', StringComparison.Ordinal))
        {
            // 1.50 and 1.5 are one amount.
            return digits.TrimEnd('0').TrimEnd('.');
        }

        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return "0";
        }

        return trimmed.Length == 4 && int.Parse(trimmed, CultureInfo.InvariantCulture) is >= 2400 and <= 2700 and var year
            ? (year - 543).ToString(CultureInfo.InvariantCulture)
            : trimmed;
    }
}
