using System.Runtime.CompilerServices;

namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// Where the line breaks of a text are, answered the way <c>text.LastIndexOf('\n', i)</c> and
/// <c>text.IndexOf('\n', i)</c> answer (same results, same exceptions), but by a binary search over the
/// breaks of a long text, found once per string instance. A page written as one line of megabytes asked
/// "where does this line start" for every date, name and sentence, each scan reading back to the
/// text's start: quadratic. Short texts are scanned directly, as before.
/// </summary>
internal static class TextLines
{
    /// <summary>Below this length a scan costs less than finding the index.</summary>
    internal const int IndexedLength = 16 * 1024;

    private static readonly ConditionalWeakTable<string, int[]> Breaks = new();

    /// <summary>The last '\n' at or before <paramref name="index"/>, else -1: <c>text.LastIndexOf('\n', index)</c>.</summary>
    public static int LastBreak(string text, int index)
    {
        if (text.Length < IndexedLength || (uint)index >= (uint)text.Length)
        {
            return text.LastIndexOf('\n', index);
        }

        var breaks = Of(text);
        var i = Array.BinarySearch(breaks, index);
        // Not found: ~i is the first break after the index, so the one before it is the last at or before.
        return i >= 0 ? breaks[i] : ~i > 0 ? breaks[~i - 1] : -1;
    }

    /// <summary>The first '\n' at or after <paramref name="index"/>, else -1: <c>text.IndexOf('\n', index)</c>.</summary>
    public static int NextBreak(string text, int index)
    {
        if (text.Length < IndexedLength || (uint)index >= (uint)text.Length)
        {
            return text.IndexOf('\n', index);
        }

        var breaks = Of(text);
        var i = Array.BinarySearch(breaks, index);
        return i >= 0 ? breaks[i] : ~i < breaks.Length ? breaks[~i] : -1;
    }

    private static int[] Of(string text) => Breaks.GetValue(text, static t =>
    {
        var found = new List<int>();
        for (var at = t.IndexOf('\n', StringComparison.Ordinal); at >= 0; at = t.IndexOf('\n', at + 1))
        {
            found.Add(at);
        }

        return [.. found];
    });
}
