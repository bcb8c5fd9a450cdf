using System.Collections.Frozen;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Thai words whose end is always a word's end (role words: ผู้อำนวยการ, อธิบดี, รองผู้ว่าราชการจังหวัด),
/// looked up by their first two letters. Immutable and thread-safe.
/// </summary>
internal sealed class WordAnchors
{
    private readonly FrozenDictionary<string, string[]> _byStart;

    public WordAnchors(IEnumerable<string> words)
    {
        _byStart = words
            .Where(w => w.Length >= 4 && Gazetteer.IsThaiLetter(w[0]) && !w.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .GroupBy(w => w[..2], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Length of the longest anchor word written at <paramref name="start"/>, or 0.</summary>
    public int LongestAt(string text, int start)
    {
        if (start + 2 > text.Length || !_byStart.TryGetValue(text.Substring(start, 2), out var words))
        {
            return 0;
        }

        foreach (var w in words)
        {
            if (text.AsSpan(start).StartsWith(w, StringComparison.Ordinal))
            {
                return w.Length;
            }
        }

        return 0;
    }
}
