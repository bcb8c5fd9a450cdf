using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Answers "does any of these spans cover this one, other than itself?" in O(log n): the spans sorted by
/// start with the running furthest end. Asking every span of a list for every name was quadratic on a page
/// written as one line of megabytes.
/// </summary>
internal sealed class SpanCover
{
    private readonly int[] _starts;
    private readonly int[] _furthestEnd;
    private readonly Dictionary<int, int> _longestAt = [];

    public SpanCover(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.OrderBy(s => s.Start).ToArray();
        _starts = new int[sorted.Length];
        _furthestEnd = new int[sorted.Length];
        var furthest = int.MinValue;
        for (var i = 0; i < sorted.Length; i++)
        {
            _starts[i] = sorted[i].Start;
            furthest = Math.Max(furthest, sorted[i].End);
            _furthestEnd[i] = furthest;
            _longestAt[sorted[i].Start] = Math.Max(_longestAt.GetValueOrDefault(sorted[i].Start, int.MinValue), sorted[i].End);
        }
    }

    /// <summary>Whether some span starts at or before <paramref name="span"/> and ends at or after it, and is not the same span.</summary>
    public bool CoversOtherThan(TextSpan span)
    {
        // Spans starting before it: covering when the furthest of their ends reaches its end.
        var before = LastStartBefore(span.Start);
        if (before >= 0 && _furthestEnd[before] >= span.End)
        {
            return true;
        }

        // Spans starting with it: covering when one is longer.
        return _longestAt.TryGetValue(span.Start, out var end) && end > span.End;
    }

    private int LastStartBefore(int position)
    {
        var lo = 0;
        var hi = _starts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_starts[mid] < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }
}
