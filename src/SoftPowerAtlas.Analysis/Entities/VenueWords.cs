using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// English head words of a venue's name (Data/venue-words-en.txt): "always" a place wherever written (Convention
/// Centre, Hotel, Park), or only where the text says something happens there ("at the National Museum").
/// </summary>
internal static class VenueWords
{
    /// <summary>Every head, longest first.</summary>
    public static readonly (string[] Words, bool Always)[] All = [.. EmbeddedWordList.Rows("Entities/Data/venue-words-en.txt")
        .Where(r => r.Length >= 2)
        .Select(r => (r[0].Split(' '), r[1] == "always"))
        .OrderByDescending(v => v.Item1.Length)];

    /// <summary>The last word of every head: a name ending in none of them is no venue's (the common case, answered at once).</summary>
    private static readonly FrozenSet<string> LastWords = All.Select(v => v.Words[^1]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a name ending in <paramref name="lastWords"/> is a venue's: its last words are an "always" head, or any
    /// head where <paramref name="afterAt"/> (the text puts something "at" or "in" it).
    /// </summary>
    public static bool EndsVenue(IReadOnlyList<string> lastWords, bool afterAt)
    {
        if (lastWords.Count == 0 || !LastWords.Contains(lastWords[^1]))
        {
            return false;
        }

        foreach (var (words, always) in All)
        {
            if ((always || afterAt) && words.Length <= lastWords.Count
                && words.Select((w, k) => string.Equals(w, lastWords[lastWords.Count - words.Length + k], StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                return true;
            }
        }

        return false;
    }
}
