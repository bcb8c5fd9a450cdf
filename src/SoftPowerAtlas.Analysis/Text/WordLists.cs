namespace SoftPowerAtlas.Analysis.Text;

/// <summary>Whether a piece of text starts with, ends with or holds any word of a list (trigger, stop and cue lists).</summary>
internal static class WordLists
{
    public static bool StartsWithAny(ReadOnlySpan<char> text, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var w in words)
        {
            if (text.StartsWith(w, comparison))
            {
                return true;
            }
        }

        return false;
    }

    public static bool EndsWithAny(ReadOnlySpan<char> text, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var w in words)
        {
            if (text.EndsWith(w, comparison))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ContainsAny(ReadOnlySpan<char> text, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
