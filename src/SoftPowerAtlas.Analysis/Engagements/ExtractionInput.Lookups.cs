using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Questions every engagement, anchor and commitment asks of the document's mentions, answered from
/// indexes built once per document instead of a pass over all of them each time. Each answers exactly
/// what the pass it replaces answered, in the same order: a page of one line of megabytes holds tens
/// of thousands of mentions and thousands of engagements, and the passes made extraction quadratic.
/// Where an index needs the mentions in text order and they are not, the pass is made as before.
/// </summary>
internal sealed partial record ExtractionInput
{
    private int[]? _starts;
    private bool? _inOrder;
    private Dictionary<Func<EntityMention, bool>, (EntityMention[] Mentions, int[] Ends)?>? _byEnd;
    private Dictionary<Func<EntityMention, bool>, bool[]>? _inside;
    private Dictionary<string, List<EntityMention>>? _byKey;
    private Dictionary<string, ResolvedEntity>? _entityByKey;

    /// <summary>The mentions some span covers, in the mentions' order, each once: <c>Mentions.Where(m => spans.Any(s => s.Covers(m.Span)))</c>.</summary>
    public IEnumerable<EntityMention> MentionsCoveredBy(params IReadOnlyList<TextSpan> spans)
    {
        if (!MentionsInOrder())
        {
            return Mentions.Where(m => spans.Any(s => s.Covers(m.Span)));
        }

        var found = new List<int>();
        foreach (var s in spans)
        {
            // In text order, a mention the span covers starts at or after its start and not past its end.
            for (var i = FirstStartingAt(s.Start); i < Mentions.Count && Mentions[i].Span.Start <= s.End; i++)
            {
                if (s.Covers(Mentions[i].Span))
                {
                    found.Add(i);
                }
            }
        }

        if (spans.Count > 1)
        {
            found.Sort();
        }

        return found.Where((at, n) => n == 0 || found[n - 1] != at).Select(at => Mentions[at]);
    }

    /// <summary>The last mention (in the mentions' order) that <paramref name="which"/> accepts and that ends at or before <paramref name="position"/>: <c>Mentions.LastOrDefault(x => x.Span.End &lt;= position &amp;&amp; which(x))</c>. Pass a static lambda: the index is kept per delegate.</summary>
    public EntityMention? LastEndingBy(int position, Func<EntityMention, bool> which)
    {
        _byEnd ??= [];
        if (!_byEnd.TryGetValue(which, out var index))
        {
            var kept = Mentions.Where(which).ToArray();
            var ends = kept.Select(m => m.Span.End).ToArray();
            // The binary search below holds only while the ends never go back in the mentions' order.
            index = ends.Zip(ends.Skip(1)).All(p => p.First <= p.Second) ? (kept, ends) : null;
            _byEnd[which] = index;
        }

        if (index is not var (mentions, endsInOrder))
        {
            return Mentions.LastOrDefault(x => x.Span.End <= position && which(x));
        }

        // The first end past the position; the mention before it is the last that ends by it.
        var (lo, hi) = (0, endsInOrder.Length);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (endsInOrder[mid] <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 ? mentions[lo - 1] : null;
    }

    /// <summary>True when <paramref name="position"/> lies strictly inside a mention <paramref name="which"/> accepts: <c>Mentions.Any(m => m.Span.Start &lt; position &amp;&amp; position &lt; m.Span.End &amp;&amp; which(m))</c>. Pass a static lambda: the mask is kept per delegate.</summary>
    public bool IsInsideMention(int position, Func<EntityMention, bool> which)
    {
        if ((uint)position >= (uint)Text.Length)
        {
            return Mentions.Any(m => m.Span.Start < position && position < m.Span.End && which(m));
        }

        _inside ??= [];
        if (!_inside.TryGetValue(which, out var mask))
        {
            mask = new bool[Text.Length];
            foreach (var m in Mentions.Where(which))
            {
                var from = Math.Max(0, m.Span.Start + 1);
                var to = Math.Min(Text.Length, m.Span.End);
                if (from < to)
                {
                    Array.Fill(mask, true, from, to - from);
                }
            }

            _inside[which] = mask;
        }

        return mask[position];
    }

    /// <summary>The mentions with this key, in order: <c>Mentions.Where(m => m.Key == key)</c>.</summary>
    public IReadOnlyList<EntityMention> MentionsWithKey(string key)
    {
        if (_byKey is null)
        {
            _byKey = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
            foreach (var m in Mentions)
            {
                if (m.Key is not null)
                {
                    (_byKey.TryGetValue(m.Key, out var list) ? list : _byKey[m.Key] = []).Add(m);
                }
            }
        }

        return key is null ? [.. Mentions.Where(m => m.Key is null)] : _byKey.TryGetValue(key, out var found) ? found : [];
    }

    /// <summary>The first entity with this key: <c>Entities.FirstOrDefault(e => e.Key == key)</c>.</summary>
    public ResolvedEntity? EntityWithKey(string key)
    {
        if (_entityByKey is null)
        {
            _entityByKey = new Dictionary<string, ResolvedEntity>(StringComparer.Ordinal);
            foreach (var e in Entities)
            {
                if (e.Key is not null)
                {
                    _entityByKey.TryAdd(e.Key, e);
                }
            }
        }

        return key is null ? Entities.FirstOrDefault(e => e.Key is null) : _entityByKey.GetValueOrDefault(key);
    }

    /// <summary>Whether the mentions are in text order (starts never go back) with well-formed spans, which the covering search needs.</summary>
    private bool MentionsInOrder()
    {
        if (_inOrder is null)
        {
            var ok = true;
            for (var i = 0; i < Mentions.Count && ok; i++)
            {
                ok = Mentions[i].Span.End >= Mentions[i].Span.Start && (i == 0 || Mentions[i - 1].Span.Start <= Mentions[i].Span.Start);
            }

            _inOrder = ok;
            _starts = ok ? [.. Mentions.Select(m => m.Span.Start)] : null;
        }

        return _inOrder.Value;
    }

    /// <summary>The index of the first mention starting at or after <paramref name="position"/> (mentions in order).</summary>
    private int FirstStartingAt(int position)
    {
        var (lo, hi) = (0, _starts!.Length);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_starts[mid] < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
