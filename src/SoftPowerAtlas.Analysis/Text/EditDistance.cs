using System.Globalization;

namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// Levenshtein distance between two strings (UTF-16 units), for one-letter misspellings of a name
/// (the entity resolver) and "did you mean" over known names (the filter resolver); over grapheme
/// clusters (<see cref="Graphemes"/>) for search's "did you mean", where a Thai consonant and its marks are one edit.
/// </summary>
public static class EditDistance
{
    /// <summary>The distance, or <paramref name="limit"/> + 1 as soon as it must exceed <paramref name="limit"/> (which costs less on names far apart).</summary>
    public static int Within(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The distance counted in grapheme clusters (<see cref="StringInfo"/>: ต์ is one, so ซอฟท์ → ซอฟต์ is one
    /// edit), or <paramref name="limit"/> + 1 as soon as it must exceed <paramref name="limit"/>.
    /// </summary>
    public static int Graphemes(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = Elements(a);
        var y = Elements(b);
        if (Math.Abs(x.Count - y.Count) > limit)
        {
            return limit + 1;
        }

        var previous = new int[y.Count + 1];
        var current = new int[y.Count + 1];
        for (var j = 0; j <= y.Count; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= x.Count; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= y.Count; j++)
            {
                var cost = string.Equals(x[i - 1], y[j - 1], StringComparison.Ordinal) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[y.Count];
    }

    /// <summary>The grapheme clusters of <paramref name="text"/>, in order.</summary>
    public static List<string> Elements(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
