using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// What search needs to know of every document, held in memory as flat arrays indexed by a dense
/// <em>slot</em> (the document's rank by id): its date (as a rank among the distinct dates, so that
/// integer order is the text order SQL uses), its facet values, and per facet value the sorted slots
/// that carry it, and its size in tokens for BM25. Loaded from <c>search_dates</c>,
/// <c>document_facets</c> and <c>document_text_docsize</c> for one <c>search_state.version</c>;
/// immutable but for the phrase counts it learns, so searches on any thread share it.
/// </summary>
internal sealed class SearchSnapshot
{
    private readonly int[] _slotById;
    private readonly int[] _dateRanks;
    private readonly int[] _tokens;
    private readonly string[] _dates;
    private readonly int[] _starts;
    private readonly int[] _valueIds;
    private readonly int[][] _postings;
    private readonly Dictionary<(string Facet, string Value), int> _numbers;

    private SearchSnapshot(
        long version, long[] ids, int[] slotById, int[] dateRanks, int[] tokens, string[] dates, int[] starts, int[] valueIds,
        (string Facet, string Value)[] values, int[][] postings, Dictionary<(string Facet, string Value), int> numbers)
    {
        (Version, Ids, _slotById, _dateRanks, _tokens, _dates, _starts, _valueIds, Values, _postings, _numbers) =
            (version, ids, slotById, dateRanks, tokens, dates, starts, valueIds, values, postings, numbers);
    }

    public long Version { get; }

    /// <summary>Document ids by slot, ascending.</summary>
    public long[] Ids { get; }

    /// <summary>Facet values, numbered as <see cref="CountFacets"/> and <see cref="ScoredSet.FacetCounts(SearchSnapshot)"/> index them.</summary>
    public (string Facet, string Value)[] Values { get; }

    public int Count => Ids.Length;

    /// <summary>Bytes held by the arrays (the dictionary of values aside): the memory cost per document.</summary>
    public long Bytes =>
        (Ids.Length * 8L) + (_slotById.Length * 4L) + (_dateRanks.Length * 4L) + (_tokens.Length * 4L) + (_starts.Length * 4L) + (_valueIds.Length * 4L)
        + _postings.Sum(p => (p.Length * 4L) + 24);

    /// <summary>The slot of a document id, or -1 for an id the snapshot does not hold.</summary>
    public int Slot(long id)
    {
        if (_slotById.Length > 0 || Ids.Length == 0)
        {
            return id >= 0 && id < _slotById.Length ? _slotById[id] : -1;
        }

        var at = Array.BinarySearch(Ids, id);
        return at >= 0 ? at : -1;
    }

    /// <summary>The date's rank (0: undated): a higher rank is a later date.</summary>
    public int DateRank(int slot) => _dateRanks[slot];

    /// <summary>The document's size in tokens, title and body (what FTS5's bm25() calls D), or −1 when the index has no size for it.</summary>
    public int Tokens(int slot) => _tokens[slot];

    /// <summary>Tokens in every document the index has a size for.</summary>
    public long TotalTokens => _tokens.Sum(t => Math.Max(0L, t));

    /// <summary>Documents each FTS5 phrase occurs in (the IDF's n), as <see cref="Bm25Inputs"/> counted them for this version.</summary>
    public ConcurrentDictionary<string, long> PhraseDocuments { get; } = new(StringComparer.Ordinal);

    public static long CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM search_state WHERE id = 1";
        return (long)command.ExecuteScalar()!;
    }

    public static SearchSnapshot Load(SqliteConnection connection, SqliteTransaction transaction, long version)
    {
        var ids = new List<long>();
        var rawDates = new List<string?>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT document_id, date FROM search_dates ORDER BY document_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
                rawDates.Add(reader.GetNullableString(1));
            }
        }

        // Ids are rowids, dense in practice: a direct map. Far sparser ids (deleted ranges) fall back to a binary search.
        var dense = ids.Count > 0 && ids[^1] < (4L * ids.Count) + 1_000_000;
        var slotById = new int[dense ? checked((int)ids[^1] + 1) : 0];
        Array.Fill(slotById, -1);
        for (var slot = 0; dense && slot < ids.Count; slot++)
        {
            slotById[ids[slot]] = slot;
        }

        // Ordinal order of the distinct dates is the BINARY collation order SQL compares them in.
        var dates = rawDates.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rankOf = new Dictionary<string, int>(dates.Length, StringComparer.Ordinal);
        for (var i = 0; i < dates.Length; i++)
        {
            rankOf[dates[i]] = i + 1;
        }

        var dateRanks = rawDates.Select(d => d is null ? 0 : rankOf[d]).ToArray();

        // Facet values in key order, each with its documents in one string: one row per value instead of
        // one per (document, value), and so two strings per value instead of two per row (at 1M documents,
        // 20 million rows read one by one took most of the snapshot's 40 s).
        var values = new List<(string Facet, string Value)>();
        var numbers = new Dictionary<(string Facet, string Value), int>();
        var postings = new List<int[]>();
        var perSlot = new int[ids.Count];
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT facet, value, group_concat(document_id) FROM document_facets GROUP BY facet, value";
            using var reader = command.ExecuteReader();
            var slots = new List<int>();
            while (reader.Read())
            {
                slots.Clear();
                foreach (var id in Integers(reader.GetString(2)))
                {
                    var slot = dense ? (id >= 0 && id < slotById.Length ? slotById[id] : -1) : ids.BinarySearch(id);
                    if (slot >= 0)
                    {
                        slots.Add(slot);
                    }
                }

                if (slots.Count == 0)
                {
                    continue;
                }

                var posting = slots.ToArray();
                Array.Sort(posting); // group_concat lists them in key order, ascending already; nothing depends on it
                var key = (reader.GetString(0), reader.GetString(1));
                numbers[key] = values.Count;
                values.Add(key);
                postings.Add(posting);
                foreach (var slot in posting)
                {
                    perSlot[slot]++;
                }
            }
        }

        // Each slot's values in value order, as flat arrays.
        var starts = new int[ids.Count + 1];
        for (var slot = 0; slot < ids.Count; slot++)
        {
            starts[slot + 1] = starts[slot] + perSlot[slot];
        }

        var valueIds = new int[starts[ids.Count]];
        var next = starts[..^1];
        for (var number = 0; number < postings.Count; number++)
        {
            foreach (var slot in postings[number])
            {
                valueIds[next[slot]++] = number;
            }
        }

        var tokens = LoadTokens(connection, transaction, ids.Count, id => dense ? (id >= 0 && id < slotById.Length ? slotById[id] : -1) : ids.BinarySearch(id));
        return new SearchSnapshot(version, [.. ids], slotById, dateRanks, tokens, dates, starts, valueIds, [.. values], [.. postings], numbers);
    }

    /// <summary>The integers of a comma-separated list, as group_concat writes them.</summary>
    private static IEnumerable<long> Integers(string list)
    {
        long value = 0;
        var negative = false;
        var any = false;
        foreach (var c in list)
        {
            if (c == ',')
            {
                if (any)
                {
                    yield return negative ? -value : value;
                }

                (value, negative, any) = (0, false, false);
            }
            else if (c == '-')
            {
                negative = true;
            }
            else
            {
                value = (value * 10) + (c - '0');
                any = true;
            }
        }

        if (any)
        {
            yield return negative ? -value : value;
        }
    }

    /// <summary>
    /// Each document's size in tokens over both columns, from the FTS5 size table: a record of one
    /// SQLite varint per column (big-endian groups of 7 bits, the high bit set on all but the last;
    /// a ninth byte carries 8).
    /// </summary>
    private static int[] LoadTokens(SqliteConnection connection, SqliteTransaction transaction, int count, Func<long, int> slotOf)
    {
        var tokens = new int[count];
        Array.Fill(tokens, -1);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, sz FROM document_text_docsize";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var slot = slotOf(reader.GetInt64(0));
            if (slot < 0 || reader.IsDBNull(1))
            {
                continue;
            }

            var record = (byte[])reader.GetValue(1);
            long sum = 0;
            for (var at = 0; at < record.Length;)
            {
                long value = 0;
                for (var length = 1; at < record.Length; length++)
                {
                    var b = record[at++];
                    if (length == 9)
                    {
                        value = (value << 8) | b;
                        break;
                    }

                    value = (value << 7) | (b & 0x7FL);
                    if ((b & 0x80) == 0)
                    {
                        break;
                    }
                }

                sum += value;
            }

            tokens[slot] = sum <= int.MaxValue ? (int)sum : -1;
        }

        return tokens;
    }

    /// <summary>Adds one to <paramref name="counts"/> (indexed like <see cref="Values"/>) for each value the slot carries.</summary>
    public void CountFacets(int slot, int[] counts)
    {
        for (var i = _starts[slot]; i < _starts[slot + 1]; i++)
        {
            counts[_valueIds[i]]++;
        }
    }

    /// <summary>Takes one from <paramref name="counts"/> for each value the slot carries: undoes <see cref="CountFacets"/>.</summary>
    public void UncountFacets(int slot, int[] counts)
    {
        for (var i = _starts[slot]; i < _starts[slot + 1]; i++)
        {
            counts[_valueIds[i]]--;
        }
    }

    /// <summary>
    /// The slots that pass the query's field and date filters, or null when it has none. Means what
    /// <see cref="SqliteFilterSql"/> writes in SQL: any listed value of a field; a negated field drops
    /// every document carrying any of its values; an agency nobody is known by keeps nothing.
    /// </summary>
    public SlotSet? Filter(SearchQuery query, IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencyKeys)
    {
        if (query.Filters.Count == 0 && query.Dates is null)
        {
            return null;
        }

        var passing = SlotSet.All(Count);
        foreach (var filter in query.Filters)
        {
            var values = filter.Field == SearchField.Agency ? agencyKeys[filter] : filter.Values;
            var facet = filter.Facet;
            var carrying = new SlotSet(Count);
            foreach (var value in values)
            {
                if (_numbers.TryGetValue((facet, value), out var number))
                {
                    carrying.AddAll(_postings[number]);
                }
            }

            if (filter.Negated)
            {
                passing.Remove(carrying);
            }
            else
            {
                passing.Intersect(carrying);
            }
        }

        if (query.Dates is { } range)
        {
            // date >= From AND date < ToExclusive, as text; an undated document (rank 0) never passes.
            var low = range.From is null ? 1 : FirstRankAtOrAfter(range.From);
            var high = range.ToExclusive is null ? _dates.Length + 1 : FirstRankAtOrAfter(range.ToExclusive);
            var dated = new SlotSet(Count);
            for (var slot = 0; slot < Count; slot++)
            {
                if (_dateRanks[slot] >= low && _dateRanks[slot] < high)
                {
                    dated.Add(slot);
                }
            }

            passing.Intersect(dated);
        }

        return passing;
    }

    private int FirstRankAtOrAfter(string date)
    {
        var at = Array.BinarySearch(_dates, date, StringComparer.Ordinal);
        return (at >= 0 ? at : ~at) + 1;
    }
}

/// <summary>A set of snapshot slots as a bitmap.</summary>
internal sealed class SlotSet(int size)
{
    private readonly ulong[] _words = new ulong[(size + 63) / 64];

    public static SlotSet All(int size)
    {
        var set = new SlotSet(size);
        Array.Fill(set._words, ulong.MaxValue);
        if (size % 64 != 0)
        {
            set._words[^1] = (1UL << (size % 64)) - 1;
        }

        return set;
    }

    public long Bytes => _words.Length * 8L;

    public bool Contains(int slot) => (_words[slot >> 6] & (1UL << slot)) != 0;

    public void Add(int slot) => _words[slot >> 6] |= 1UL << slot;

    public void AddAll(IEnumerable<int> slots)
    {
        foreach (var slot in slots)
        {
            Add(slot);
        }
    }

    /// <summary>The slots in the set, ascending.</summary>
    public IEnumerable<int> Slots()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            for (var word = _words[i]; word != 0; word &= word - 1)
            {
                yield return (i << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }
    }

    public void Intersect(SlotSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    public void Remove(SlotSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= ~other._words[i];
        }
    }
}
