namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// Levenshtein distance between two strings (UTF-16 units), for one-letter misspellings of a name
/// (the entity resolver) and "did you mean" over known names (the filter resolver).
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
}
