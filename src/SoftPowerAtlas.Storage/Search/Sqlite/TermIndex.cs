namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// The terms of every document in memory, with their positions: what the FTS5 index
/// <c>document_text</c> holds, tokenized by FTS5's own tokenizer (<see cref="Fts5Tokenizer"/>), for one
/// <see cref="SearchSnapshot"/>. It answers a query's text without FTS5: the matches of its clauses
/// (phrases, NEAR groups, OR, AND) and the score bm25() gives each, to the bit. FTS5 must read the
/// position lists of every match to score it, ~500 ns a match through its auxiliary-function
/// interface, so a word in half of 100,000 documents cost ~25 ms there; here it is a few ms.
/// <para>
/// Per term, one byte array of its documents by slot, each entry variable-length integers: the slot's
/// distance from the previous entry's, the number of title positions, the number of body positions,
/// the bytes their gaps take (so that an entry is skipped without reading them), then the gaps of the
/// title positions and of the body positions. Prefix terms (<c>festiv*</c>) are left to FTS5.
/// </para>
/// </summary>
internal sealed partial class TermIndex
{
    /// <summary>Default bound on the memory a term index may take: an index that would need more is not built.</summary>
    public const long DefaultBudgetBytes = 512L << 20;

    private const long TitleColumn = 0;

    /// <summary>Bytes per token below which no index has come (3.65 on the benchmark's 100,000 documents).</summary>
    private const long MinimumBytesPerToken = 3;

    /// <summary>Entries between two skip points of a term.</summary>
    private const int SkipEvery = 256;

    /// <summary>A skip point: the slot of the entry before it, its byte offset, the entries before it.</summary>
    private const int SkipWidth = 3;

    private readonly Dictionary<string, int> _terms;
    private readonly byte[][] _postings;
    private readonly int[] _documents;
    private readonly int[]?[] _skips;
    private readonly int[] _tokens;
    private readonly long _rows;
    private readonly long _totalTokens;

    private TermIndex(
        long version, Dictionary<string, int> terms, byte[][] postings, int[] documents, int[]?[] skips, int[] tokens, long rows, long totalTokens)
    {
        (Version, _terms, _postings, _documents, _skips, _tokens, _rows, _totalTokens) = (version, terms, postings, documents, skips, tokens, rows, totalTokens);
        Bytes = postings.Sum(p => p.Length + 24L) + skips.Sum(p => (p?.Length ?? 0) * 4L) + (documents.Length * 4L) + (tokens.Length * 4L)
            + terms.Sum(t => 48L + (2L * t.Key.Length));
    }

    public long Version { get; }

    /// <summary>Distinct terms.</summary>
    public int Terms => _terms.Count;

    /// <summary>Memory held, in bytes (the term strings estimated).</summary>
    public long Bytes { get; }

    /// <summary>Every term with the documents and instances it has (what FTS5's <c>fts5vocab</c> 'row' table lists).</summary>
    internal IEnumerable<(string Term, int Documents, long Instances)> Vocabulary()
    {
        foreach (var (term, id) in _terms)
        {
            var cursor = new Cursor(_postings[id], _documents[id]);
            var instances = 0L;
            var positions = default(PositionBuffer);
            while (cursor.MoveNext())
            {
                cursor.Positions(ref positions);
                instances += positions.Count;
            }

            yield return (term, _documents[id], instances);
        }
    }

    /// <summary>
    /// The set of <paramref name="match"/>'s included text, scored as <see cref="Bm25Inputs"/> scores it;
    /// null when the text has a prefix term, which this index leaves to FTS5.
    /// </summary>
    public ScoredSet? Read(SearchSnapshot snapshot, Fts5Match match, Fts5Tokenizer tokenizer) => Read(snapshot, match, tokenizer, Bm25Inputs.ParallelFrom);

    /// <summary><see cref="Read(SearchSnapshot, Fts5Match, Fts5Tokenizer)"/>, reading two halves at once from <paramref name="parallelFrom"/> documents.</summary>
    internal ScoredSet? Read(SearchSnapshot snapshot, Fts5Match match, Fts5Tokenizer tokenizer, int parallelFrom)
    {
        if (snapshot.Version != Version || Plan(match.IncludeUnits, match.IncludePhrases.Count, tokenizer) is not var (plan, phrases))
        {
            return null;
        }

        var all = Text(snapshot, plan, parallelFrom);
        var idf = new double[phrases.Count];
        for (var phrase = 0; phrase < phrases.Count; phrase++)
        {
            if (all.Occurs(phrase))
            {
                var key = match.IncludePhrases[phrase];
                var documents = snapshot.PhraseDocuments.GetOrAdd(key, _ => Documents(phrases[phrase]));
                idf[phrase] = Bm25Inputs.Idf(_rows, documents);
            }
        }

        var averageTokens = (double)_totalTokens / (double)_rows;
        var slots = all.Slots;
        var scores = GC.AllocateUninitializedArray<double>(slots.Length);
        for (var row = 0; row < scores.Length; row++)
        {
            var slot = slots[row];
            scores[row] = Bm25Inputs.Score(all.Row(row), idf, snapshot.Tokens(slot) is >= 0 and var size ? size : _tokens[slot], averageTokens);
        }

        return ScoredSet.Of(snapshot, all.SlotArray(), scores);
    }

    /// <summary>
    /// The documents <paramref name="match"/>'s excluded terms match (any of them), as an exclusion set;
    /// null when one is a prefix term, which this index leaves to FTS5.
    /// </summary>
    public ScoredSet? ReadExcluded(SearchSnapshot snapshot, Fts5Match match, Fts5Tokenizer tokenizer) =>
        snapshot.Version == Version && match.ExcludeUnits.Count > 0 && Plan([match.ExcludeUnits], match.ExcludePhrases.Count, tokenizer) is var (plan, _)
            ? ScoredSet.Unscored(snapshot, Text(snapshot, plan, Bm25Inputs.ParallelFrom).SlotArray())
            : null;

    /// <summary>
    /// The text's clauses (ANDed) of alternatives (ORed) as term ids, each alternative with the number of
    /// its first phrase within its clause, and every phrase numbered left to right over the whole text,
    /// as FTS5 numbers them; null when a unit has a prefix term or the units do not list the
    /// <paramref name="phraseCount"/> phrases FTS5 reads.
    /// </summary>
    private (List<List<(List<int[]> Phrases, int Near, int First)>> Plan, List<int[]> Phrases)? Plan(
        IReadOnlyList<IReadOnlyList<TextUnit>> clauses, int phraseCount, Fts5Tokenizer tokenizer)
    {
        if (clauses.Count == 0 || clauses.Any(c => c.Any(u => u.Prefix)))
        {
            return null;
        }

        var phrases = new List<int[]>();
        var plan = new List<List<(List<int[]> Phrases, int Near, int First)>>();
        foreach (var clause in clauses)
        {
            var first = phrases.Count;
            var alternatives = new List<(List<int[]> Phrases, int Near, int First)>();
            foreach (var unit in clause)
            {
                var unitFirst = phrases.Count;
                var terms = unit.Phrases.Select(p => tokenizer.Query(p).Select(t => _terms.GetValueOrDefault(t, -1)).ToArray()).ToList();
                phrases.AddRange(terms);
                alternatives.Add((terms, unit.Near, unitFirst - first));
            }

            plan.Add(alternatives);
        }

        return phrases.Count != phraseCount || phrases.Any(p => p.Length == 0) ? null : (plan, phrases);
    }

    /// <summary>The documents where every clause of the text matches; a large index read in two halves of slots at once, as Bm25Inputs reads FTS5.</summary>
    private Matches Text(SearchSnapshot snapshot, List<List<(List<int[]> Phrases, int Near, int First)>> plan, int parallelFrom) =>
        Halves.Run(snapshot.Count, parallelFrom, (from, below) => Text(plan, from, below), Matches.Concat);

    /// <summary>The documents with slots in [<paramref name="from"/>, <paramref name="below"/>) where every clause of the text matches.</summary>
    private Matches Text(List<List<(List<int[]> Phrases, int Near, int First)>> plan, int from, int below) =>
        Matches.Intersection([.. plan.Select(clause => Matches.Union(
            [.. clause.Select(unit => (Evaluate(unit.Phrases, unit.Near, from, below), unit.First))],
            clause.Sum(unit => unit.Phrases.Count)))]);

    /// <summary>Documents a phrase occurs in: bm25()'s n for it.</summary>
    private long Documents(int[] phrase) =>
        phrase.Length == 1 ? (phrase[0] < 0 ? 0 : _documents[phrase[0]]) : Evaluate([phrase], 0, 0, int.MaxValue).Slots.Length;

    /// <summary>
    /// The documents where a unit matches (its one phrase; or, with <paramref name="near"/> &gt; 0, every
    /// phrase within that distance of the others) with each phrase's instances weighted by column.
    /// </summary>
    private Matches Evaluate(List<int[]> phrases, int near, int from, int below)
    {
        var distinct = phrases.SelectMany(p => p).Distinct().ToArray();
        if (distinct.Length == 0 || distinct.Any(t => t < 0))
        {
            return new Matches(phrases.Count); // a word the index never saw: nothing matches
        }

        // At most as many matches as the rarest word has documents, in the share of slots read.
        var slots = _tokens.Length;
        var share = (double)(Math.Min(below, slots) - Math.Min(from, slots)) / Math.Max(1, slots);
        var result = new Matches(phrases.Count, (int)Math.Min(int.MaxValue / 8, (distinct.Min(t => _documents[t]) * share) + 16));

        var cursors = distinct.Select(t => new Cursor(_postings[t], _documents[t], _skips[t], from)).ToArray();
        if (phrases.Count == 1 && phrases[0].Length == 1)
        {
            // One word: its weighted count is in the entry's header; no position is read.
            var cursor = cursors[0];
            Span<double> weight = stackalloc double[1];
            while (cursor.MoveTo(from) && cursor.Slot < below)
            {
                weight[0] = (cursor.TitleCount * SqliteSearchIndex.TitleWeight) + cursor.BodyCount;
                result.Add(cursor.Slot, weight);
                from = cursor.Slot + 1;
            }

            return result;
        }

        // Phrases of one word each, all different (a NEAR group of Thai syllables): the positions are the instances.
        var words = phrases.All(p => p.Length == 1) && distinct.Length == phrases.Count;
        var tokenOf = phrases.Select(p => p.Select(t => Array.IndexOf(distinct, t)).ToArray()).ToArray();
        var positions = new PositionBuffer[cursors.Length];
        var instances = new Instances(phrases.Select(p => p.Length + near).ToArray());
        var weights = new double[phrases.Count];
        foreach (var cursor in cursors)
        {
            if (!cursor.MoveTo(from))
            {
                return result;
            }
        }

        while (true)
        {
            // Every cursor on one document: the greatest slot any of them is on.
            var target = -1;
            foreach (var cursor in cursors)
            {
                target = Math.Max(target, cursor.Slot);
            }

            var aligned = true;
            foreach (var cursor in cursors)
            {
                if (!cursor.MoveTo(target))
                {
                    return result;
                }

                aligned &= cursor.Slot == target;
            }

            if (target >= below)
            {
                return result;
            }

            if (!aligned)
            {
                continue;
            }

            bool found;
            if (words)
            {
                found = instances.Read(cursors);
            }
            else
            {
                for (var i = 0; i < cursors.Length; i++)
                {
                    cursors[i].Positions(ref positions[i]);
                }

                found = instances.Find(tokenOf, positions);
            }

            if (found && (near > 0 ? instances.WeighNear(weights) : instances.Weigh(weights)))
            {
                result.Add(target, weights);
            }

            foreach (var cursor in cursors)
            {
                if (!cursor.MoveNext())
                {
                    return result;
                }
            }
        }
    }

    /// <summary>
    /// The instances of each phrase of a unit in one document (positions of its first word), back to
    /// back in one array, and their weighted counts.
    /// </summary>
    private sealed class Instances(int[] reach)
    {
        private readonly int[] _start = new int[reach.Length + 1];
        private long[] _all = new long[64];

        /// <summary>Each phrase's instances when every phrase is one word, the cursor of its own: that word's positions.</summary>
        public bool Read(Cursor[] cursors)
        {
            var count = 0;
            for (var phrase = 0; phrase < cursors.Length; phrase++)
            {
                _start[phrase] = count;
                cursors[phrase].Append(ref _all, ref count);
            }

            _start[cursors.Length] = count;
            return true;
        }

        /// <summary>Finds each phrase's instances; false when one has none.</summary>
        public bool Find(int[][] tokenOf, PositionBuffer[] positions)
        {
            var count = 0;
            for (var phrase = 0; phrase < tokenOf.Length; phrase++)
            {
                _start[phrase] = count;
                var tokens = tokenOf[phrase];
                var first = positions[tokens[0]];
                if (count + first.Count > _all.Length)
                {
                    Array.Resize(ref _all, Math.Max(_all.Length * 2, count + first.Count));
                }

                for (var i = 0; i < first.Count; i++)
                {
                    var at = first.Items[i];
                    var whole = true;
                    for (var k = 1; k < tokens.Length && whole; k++)
                    {
                        whole = positions[tokens[k]].Contains(at + k); // a column's offsets never reach the next column's
                    }

                    if (whole)
                    {
                        _all[count++] = at;
                    }
                }

                if (count == _start[phrase])
                {
                    return false;
                }
            }

            _start[tokenOf.Length] = count;
            return true;
        }

        /// <summary>Each phrase's instances, all of them, weighted by column.</summary>
        public bool Weigh(double[] weights)
        {
            for (var phrase = 0; phrase < weights.Length; phrase++)
            {
                var sum = 0.0;
                for (var i = _start[phrase]; i < _start[phrase + 1]; i++)
                {
                    sum += Weight(_all[i]);
                }

                weights[phrase] = sum;
            }

            return true;
        }

        /// <summary>
        /// Whether the phrases of a NEAR group come within reach of one another, and the weighted count
        /// of the instances FTS5 keeps for each: FTS5's way, walking all phrases' instances at once. It
        /// looks for a set of instances, one per phrase, none before <c>last − its words − distance</c>
        /// (<c>last</c>: the furthest of the set), keeps that set (an instance once), then moves on the
        /// phrase whose next instance comes first, until one runs out. Positions carry their column in the
        /// high half, so instances in different columns are never near.
        /// </summary>
        public bool WeighNear(double[] weights)
        {
            var count = weights.Length;
            Span<int> at = stackalloc int[count];
            Span<long> lastKept = stackalloc long[count];
            for (var i = 0; i < count; i++)
            {
                at[i] = _start[i];
                lastKept[i] = long.MinValue;
                weights[i] = 0;
            }

            var all = _all;
            var last = all[at[0]];
            while (true)
            {
                bool together;
                do
                {
                    together = true;
                    for (var i = 0; i < count; i++)
                    {
                        var earliest = last - reach[i];
                        var position = all[at[i]];
                        if (position < earliest || position > last)
                        {
                            together = false;
                            while (all[at[i]] < earliest)
                            {
                                if (++at[i] == _start[i + 1])
                                {
                                    return lastKept[0] != long.MinValue;
                                }
                            }

                            last = Math.Max(last, all[at[i]]);
                        }
                    }
                }
                while (!together);

                for (var i = 0; i < count; i++)
                {
                    var position = all[at[i]];
                    if (position != lastKept[i])
                    {
                        lastKept[i] = position;
                        weights[i] += Weight(position);
                    }
                }

                var move = 0;
                var next = at[0] + 1 < _start[1] ? all[at[0] + 1] : long.MaxValue;
                for (var i = 1; i < count; i++)
                {
                    var ahead = at[i] + 1 < _start[i + 1] ? all[at[i] + 1] : long.MaxValue;
                    if (ahead < next)
                    {
                        (move, next) = (i, ahead);
                    }
                }

                if (++at[move] == _start[move + 1])
                {
                    return lastKept[0] != long.MinValue;
                }
            }
        }

        private static double Weight(long position) => (position >> 32) == TitleColumn ? SqliteSearchIndex.TitleWeight : 1.0;
    }

    /// <summary>A growable array of positions (column in the high half, offset in the low), reused document to document.</summary>
    private struct PositionBuffer
    {
        public long[] Items;
        public int Count;

        public void Clear()
        {
            Items ??= new long[16];
            Count = 0;
        }

        /// <summary>Whether the ascending positions hold <paramref name="position"/>.</summary>
        public readonly bool Contains(long position) => Array.BinarySearch(Items, 0, Count, position) >= 0;
    }

    /// <summary>Reads one term's entries in slot order.</summary>
    private sealed class Cursor
    {
        private readonly byte[] _bytes;
        private int _at;
        private int _left;
        private int _entry;

        /// <summary>A cursor before the first entry, or, given the term's skip points, before the last point ahead of <paramref name="from"/>.</summary>
        public Cursor(byte[] bytes, int entries, int[]? skips = null, int from = 0)
        {
            (_bytes, _left, Slot) = (bytes, entries, -1);
            for (var point = 0; skips is not null && point + 2 < skips.Length && skips[point] < from; point += SkipWidth)
            {
                (Slot, _at, _left) = (skips[point], skips[point + 1], entries - skips[point + 2]);
            }
        }

        public int Slot { get; private set; }

        public int TitleCount { get; private set; }

        public int BodyCount { get; private set; }

        public bool MoveNext()
        {
            if (_left == 0)
            {
                Slot = int.MaxValue;
                return false;
            }

            _left--;
            var bytes = _bytes;
            Slot += Varint.Read(bytes, ref _at);
            TitleCount = Varint.Read(bytes, ref _at);
            BodyCount = Varint.Read(bytes, ref _at);
            var length = Varint.Read(bytes, ref _at);
            _entry = _at;
            _at += length;
            return true;
        }

        /// <summary>Moves to the first entry at or after <paramref name="slot"/>; false when there is none.</summary>
        public bool MoveTo(int slot)
        {
            while (Slot < slot)
            {
                if (!MoveNext())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The current entry's positions, title then body, ascending.</summary>
        public void Positions(ref PositionBuffer into)
        {
            into.Clear();
            Append(ref into.Items, ref into.Count);
        }

        /// <summary>
        /// Appends the current entry's positions, title then body, ascending, to <paramref name="into"/>
        /// from <paramref name="count"/> on (growing it), column in the high half.
        /// </summary>
        public void Append(ref long[] into, ref int count)
        {
            var n = count;
            if (n + TitleCount + BodyCount > into.Length)
            {
                Array.Resize(ref into, Math.Max(into.Length * 2, n + TitleCount + BodyCount));
            }

            var items = into;
            var bytes = _bytes;
            var at = _entry;
            var offset = 0;
            for (var i = 0; i < TitleCount; i++)
            {
                offset += Varint.Read(bytes, ref at);
                items[n++] = (TitleColumn << 32) | (uint)offset;
            }

            offset = 0;
            for (var i = 0; i < BodyCount; i++)
            {
                offset += Varint.Read(bytes, ref at);
                items[n++] = ((TitleColumn + 1) << 32) | (uint)offset;
            }

            count = n;
        }
    }

    /// <summary>
    /// Matching documents with each phrase's weighted instance count, slots ascending. Arrays sized from
    /// an estimate and left uninitialised: a broad query's are on the large-object heap, where zeroing and
    /// growing them cost as much as a fifth of its read.
    /// </summary>
    private sealed class Matches(int phrases, int capacity = 0)
    {
        private int[] _slots = capacity > 0 ? GC.AllocateUninitializedArray<int>(capacity) : [];
        private double[] _weights = capacity > 0 ? GC.AllocateUninitializedArray<double>(capacity * phrases) : [];
        private int _count;

        public ReadOnlySpan<int> Slots => _slots.AsSpan(0, _count);

        public int Phrases => phrases;

        public void Add(int slot, ReadOnlySpan<double> weights)
        {
            if (_count == _slots.Length)
            {
                Grow(Math.Max(16, _count * 2));
            }

            _slots[_count] = slot;
            weights.CopyTo(_weights.AsSpan(_count * phrases, phrases));
            _count++;
        }

        public ReadOnlySpan<double> Row(int row) => _weights.AsSpan(row * phrases, phrases);

        /// <summary>The slots as an array of their own length (the same array when it is full).</summary>
        public int[] SlotArray() => _count == _slots.Length ? _slots : Slots.ToArray();

        public bool Occurs(int phrase)
        {
            for (var row = 0; row < _count; row++)
            {
                if (_weights[(row * phrases) + phrase] != 0)
                {
                    return true;
                }
            }

            return false;
        }

        private void Grow(int capacity)
        {
            var slots = GC.AllocateUninitializedArray<int>(capacity);
            var weights = GC.AllocateUninitializedArray<double>(capacity * phrases);
            Slots.CopyTo(slots);
            _weights.AsSpan(0, _count * phrases).CopyTo(weights);
            (_slots, _weights) = (slots, weights);
        }

        /// <summary>
        /// The documents where any alternative matches; an alternative's phrases (from <c>First</c> on in
        /// the clause's numbering) count only where it matches, as FTS5 lists no instances for a branch
        /// of an OR that is not on the row.
        /// </summary>
        public static Matches Union(List<(Matches Matches, int First)> alternatives, int phrases)
        {
            if (alternatives.Count == 1 && alternatives[0].First == 0 && alternatives[0].Matches.Phrases == phrases)
            {
                return alternatives[0].Matches;
            }

            var union = new Matches(phrases);
            var at = new int[alternatives.Count];
            var row = new double[phrases];
            while (true)
            {
                var slot = int.MaxValue;
                for (var i = 0; i < alternatives.Count; i++)
                {
                    if (at[i] < alternatives[i].Matches.Slots.Length)
                    {
                        slot = Math.Min(slot, alternatives[i].Matches.Slots[at[i]]);
                    }
                }

                if (slot == int.MaxValue)
                {
                    return union;
                }

                Array.Clear(row);
                for (var i = 0; i < alternatives.Count; i++)
                {
                    var (matches, first) = alternatives[i];
                    if (at[i] < matches.Slots.Length && matches.Slots[at[i]] == slot)
                    {
                        matches.Row(at[i]).CopyTo(row.AsSpan(first));
                        at[i]++;
                    }
                }

                union.Add(slot, row);
            }
        }

        /// <summary>The matches of two adjacent slot ranges, lower first.</summary>
        public static Matches Concat(Matches lower, Matches upper)
        {
            if (lower._count + upper._count > lower._slots.Length)
            {
                lower.Grow(lower._count + upper._count);
            }

            upper.Slots.CopyTo(lower._slots.AsSpan(lower._count));
            upper._weights.AsSpan(0, upper._count * upper.Phrases).CopyTo(lower._weights.AsSpan(lower._count * lower.Phrases));
            lower._count += upper._count;
            return lower;
        }

        /// <summary>The documents every clause matches, each clause's phrases after the previous clause's.</summary>
        public static Matches Intersection(List<Matches> clauses)
        {
            if (clauses.Count == 1)
            {
                return clauses[0];
            }

            var both = new Matches(clauses.Sum(c => c.Phrases));
            var at = new int[clauses.Count];
            var row = new double[both.Phrases];
            while (true)
            {
                var slot = -1;
                for (var i = 0; i < clauses.Count; i++)
                {
                    if (at[i] == clauses[i].Slots.Length)
                    {
                        return both;
                    }

                    slot = Math.Max(slot, clauses[i].Slots[at[i]]);
                }

                var aligned = true;
                for (var i = 0; i < clauses.Count; i++)
                {
                    while (at[i] < clauses[i].Slots.Length && clauses[i].Slots[at[i]] < slot)
                    {
                        at[i]++;
                    }

                    aligned &= at[i] < clauses[i].Slots.Length && clauses[i].Slots[at[i]] == slot;
                }

                if (!aligned)
                {
                    continue;
                }

                var first = 0;
                for (var i = 0; i < clauses.Count; i++)
                {
                    clauses[i].Row(at[i]).CopyTo(row.AsSpan(first));
                    first += clauses[i].Phrases;
                    at[i]++;
                }

                both.Add(slot, row);
            }
        }
    }

    /// <summary>Unsigned LEB128 integers.</summary>
    private static class Varint
    {
        public static int Read(byte[] bytes, ref int at)
        {
            if (bytes[at] < 0x80)
            {
                return bytes[at++]; // most gaps and counts take one byte
            }

            var value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[at++];
                value |= (b & 0x7f) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            return value;
        }

        public static void Write(ref byte[] bytes, ref int length, int value)
        {
            if (length + 5 > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(16, bytes.Length * 2));
            }

            var rest = (uint)value;
            while (rest >= 0x80)
            {
                bytes[length++] = (byte)(rest | 0x80);
                rest >>= 7;
            }

            bytes[length++] = (byte)rest;
        }
    }
}
