using System.Collections.Frozen;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// A set of words looked up by where they are written: which of them, longest first, starts at a
/// position of a text. Keyed by the first two letters, so a look-up reads a handful of candidates
/// rather than the whole list (role words, titles, verbs that end a name). Immutable and thread-safe.
/// </summary>
internal sealed class PrefixWords
{
    private readonly FrozenDictionary<string, string[]> _byStart;

    public PrefixWords(IEnumerable<string> words)
    {
        _byStart = words
            .Where(w => w.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(w => w[..2], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Length of the longest word written at <paramref name="start"/>, or 0.</summary>
    public int LongestAt(string text, int start)
    {
        if (start < 0 || start + 2 > text.Length || !_byStart.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(start, 2), out var words))
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

    /// <summary>The words written at <paramref name="start"/>, longest first.</summary>
    public IReadOnlyList<string> At(string text, int start)
    {
        if (start < 0 || start + 2 > text.Length || !_byStart.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(start, 2), out var words))
        {
            return [];
        }

        List<string>? found = null;
        foreach (var w in words)
        {
            if (text.AsSpan(start).StartsWith(w, StringComparison.Ordinal))
            {
                (found ??= []).Add(w);
            }
        }

        return found is null ? [] : found;
    }

    /// <summary>Whether one of the words starts at <paramref name="start"/>.</summary>
    public bool AnyAt(string text, int start) => LongestAt(text, start) > 0;
}
