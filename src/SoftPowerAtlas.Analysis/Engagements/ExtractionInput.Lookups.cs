using SoftPowerAtlas.Analysis.Dates;
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
    private SpanIndex<EntityMention>? _mentionStarts;
    private SpanIndex<DateMention>? _dateStarts;
    private Dictionary<EntityMention, List<ResolvedEntity>>? _holders;
    private HashSet<ResolvedEntity>? _documentEntities;
    private Dictionary<ResolvedEntity, List<int>>? _entityIndex;
    private Dictionary<Func<EntityMention, bool>, (EntityMention[] Mentions, int[] Ends)?>? _byEnd;
    private Dictionary<Func<EntityMention, bool>, bool[]>? _inside;
    private Dictionary<string, List<EntityMention>>? _byKey;
    private Dictionary<string, ResolvedEntity>? _entityByKey;
    private (bool Known, string? Code) _dominantCountry;
    private int[]? _bodyParagraphsBefore;

    /// <summary>The foreign country the page names at least three times and twice as often as any other, if any.</summary>
    public string? DominantForeignCountry
    {
        get
        {
            if (!_dominantCountry.Known)
            {
                var counts = Mentions.Where(m => m.Kind == EntityKind.Country && m.Country is { } c && c != "TH")
                    .GroupBy(m => m.Country!, StringComparer.Ordinal).Select(g => (Code: g.Key, Count: g.Count())).OrderByDescending(x => x.Count).Take(2).ToList();
                _dominantCountry = (true, counts.Count > 0 && counts[0].Count >= 3 && (counts.Count == 1 || counts[0].Count >= 2 * counts[1].Count) ? counts[0].Code : null);
            }

            return _dominantCountry.Code;
        }
    }

    /// <summary>
    /// How many paragraphs before this one are the body's, not title lines:
    /// <c>Paragraphs.Take(paragraph).Count(p => !IsTitle(p.Span))</c>, counted once for the document
    /// (every date mention of a page of many paragraphs asked it of all the paragraphs before its own).
    /// </summary>
    public int BodyParagraphsBefore(int paragraph)
    {
        if (_bodyParagraphsBefore is null)
        {
            var before = new int[Paragraphs.Count + 1];
            for (var p = 0; p < Paragraphs.Count; p++)
            {
                before[p + 1] = before[p] + (IsTitle(Paragraphs[p].Span) ? 0 : 1);
            }

            _bodyParagraphsBefore = before;
        }

        return _bodyParagraphsBefore[paragraph];
    }

    /// <summary>The mentions some span covers, in the mentions' order, each once: <c>Mentions.Where(m => spans.Any(s => s.Covers(m.Span)))</c>.</summary>
    public IEnumerable<EntityMention> MentionsCoveredBy(params IReadOnlyList<TextSpan> spans) =>
        (_mentionStarts ??= new SpanIndex<EntityMention>(Mentions, static m => m.Span)).CoveredBy(spans);

    /// <summary>The dates some span covers, in the dates' order, each once: <c>Dates.Where(d => spans.Any(s => s.Covers(d.Span)))</c>.</summary>
    public IEnumerable<DateMention> DatesCoveredBy(params IReadOnlyList<TextSpan> spans) =>
        (_dateStarts ??= new SpanIndex<DateMention>(Dates, static d => d.Span)).CoveredBy(spans);

    /// <summary>
    /// For each entity, where its first mention in the passage starts (<see cref="int.MaxValue"/> if none):
    /// <c>o.Mentions.Where(passage.Contains).Select(m => m.Span.Start).DefaultIfEmpty(int.MaxValue).Min()</c>,
    /// read from the passage's mentions rather than from all of each entity's (a country named on every
    /// page of a long one has thousands). An entity not of this document is read as before.
    /// </summary>
    public Func<ResolvedEntity, int> FirstStartIn(HashSet<EntityMention> passage)
    {
        if (_holders is null)
        {
            _holders = [];
            foreach (var e in Entities)
            {
                foreach (var m in e.Mentions)
                {
                    var list = _holders.TryGetValue(m, out var found) ? found : _holders[m] = [];
                    if (list.Count == 0 || !ReferenceEquals(list[^1], e))
                    {
                        list.Add(e);
                    }
                }
            }

            _documentEntities = new HashSet<ResolvedEntity>(Entities, ReferenceEqualityComparer.Instance);
        }

        if (!ReferenceEquals(passage.Comparer, EqualityComparer<EntityMention>.Default))
        {
            return o => o.Mentions.Where(passage.Contains).Select(m => m.Span.Start).DefaultIfEmpty(int.MaxValue).Min();
        }

        var first = new Dictionary<ResolvedEntity, int>(ReferenceEqualityComparer.Instance);
        foreach (var p in passage)
        {
            foreach (var e in _holders.GetValueOrDefault(p) ?? [])
            {
                first[e] = Math.Min(first.GetValueOrDefault(e, int.MaxValue), p.Span.Start);
            }
        }

        var known = _documentEntities!;
        return o => known.Contains(o) ? first.GetValueOrDefault(o, int.MaxValue) : o.Mentions.Where(passage.Contains).Select(m => m.Span.Start).DefaultIfEmpty(int.MaxValue).Min();
    }

    /// <summary>The document's entities equal to one of <paramref name="named"/>, in the document's order: <c>Entities.Where(named.Contains)</c>.</summary>
    public List<ResolvedEntity> EntitiesAmong(HashSet<ResolvedEntity> named)
    {
        if (_entityIndex is null)
        {
            _entityIndex = [];
            for (var i = 0; i < Entities.Count; i++)
            {
                (_entityIndex.TryGetValue(Entities[i], out var list) ? list : _entityIndex[Entities[i]] = []).Add(i);
            }
        }

        // A set with its own comparer is asked as it would be, entity by entity.
        if (!ReferenceEquals(named.Comparer, EqualityComparer<ResolvedEntity>.Default))
        {
            return [.. Entities.Where(named.Contains)];
        }

        var at = named.SelectMany(n => _entityIndex.GetValueOrDefault(n) ?? []).Distinct().Order().ToList();
        return [.. at.Select(i => Entities[i])];
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

    /// <summary>
    /// Items with spans, by where they start, when they are in text order (starts never go back) with
    /// well-formed spans; otherwise every question is a pass over all of them, as before.
    /// </summary>
    private sealed class SpanIndex<T>
    {
        private readonly IReadOnlyList<T> _items;
        private readonly Func<T, TextSpan> _span;
        private readonly int[]? _starts;

        public SpanIndex(IReadOnlyList<T> items, Func<T, TextSpan> span)
        {
            (_items, _span) = (items, span);
            var starts = new int[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                var s = span(items[i]);
                if (s.End < s.Start || (i > 0 && starts[i - 1] > s.Start))
                {
                    return;
                }

                starts[i] = s.Start;
            }

            _starts = starts;
        }

        public IEnumerable<T> CoveredBy(IReadOnlyList<TextSpan> spans)
        {
            if (_starts is null)
            {
                return _items.Where(x => spans.Any(s => s.Covers(_span(x))));
            }

            var found = new List<int>();
            foreach (var s in spans)
            {
                // In text order, an item the span covers starts at or after its start and not past its end.
                for (var i = FirstStartingAt(s.Start); i < _items.Count && _starts[i] <= s.End; i++)
                {
                    if (s.Covers(_span(_items[i])))
                    {
                        found.Add(i);
                    }
                }
            }

            if (spans.Count > 1)
            {
                found.Sort();
            }

            return found.Where((at, n) => n == 0 || found[n - 1] != at).Select(at => _items[at]);
        }

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
}
