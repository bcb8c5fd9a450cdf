using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>Building a <see cref="TermIndex"/>: every document read once, tokenized as FTS5 tokenizes it.</summary>
internal sealed partial class TermIndex
{
    /// <summary>
    /// Tokenizes every document the transaction sees, as FTS5 indexed it; null when FTS5's tokenizer
    /// cannot be reached, a document is not in <paramref name="snapshot"/>, or the index would pass
    /// <paramref name="budgetBytes"/>.
    /// </summary>
    public static TermIndex? Build(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, long budgetBytes, CancellationToken cancel = default) =>
        Build(connection, transaction, snapshot, budgetBytes, SkipEvery, cancel);

    /// <summary><see cref="Build(SqliteConnection, SqliteTransaction, SearchSnapshot, long, CancellationToken)"/> with a skip point every <paramref name="skipEvery"/> entries of a term (tests use few).</summary>
    internal static TermIndex? Build(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, long budgetBytes, int skipEvery, CancellationToken cancel = default)
    {
        if (snapshot.TotalTokens * MinimumBytesPerToken > budgetBytes)
        {
            return null; // sure to pass the budget: not worth reading every document to find out
        }

        using var tokenizer = Fts5Tokenizer.Open(connection);
        if (tokenizer is null)
        {
            return null;
        }

        var builder = new Builder(tokenizer, snapshot.Count, skipEvery);
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT id, coalesce(search_title, title), segmented_text FROM documents ORDER BY id"; // what the triggers of migration 0005 index
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var slot = snapshot.Slot(reader.GetInt64(0));
            if (slot < 0)
            {
                return null;
            }

            builder.Begin(slot);
            if (!reader.IsDBNull(1))
            {
                builder.Column(TitleColumn, reader.GetString(1));
            }

            builder.Column(TitleColumn + 1, reader.GetString(2));
            builder.End();
            if ((builder.Rows & 1023) == 0)
            {
                cancel.ThrowIfCancellationRequested();
                if (builder.Bytes > budgetBytes)
                {
                    return null;
                }
            }
        }

        return builder.Rows == snapshot.Count && builder.Bytes <= budgetBytes ? builder.Finish(snapshot.Version) : null;
    }

    /// <summary>
    /// Collects the postings document by document. The text is cut at spaces (never inside a token:
    /// unicode61 keeps only letters, digits, private use and marks), and each distinct piece is
    /// tokenized by FTS5 once and remembered, so the tokenizer runs per distinct word, not per word.
    /// </summary>
    private sealed class Builder(Fts5Tokenizer tokenizer, int slots, int skipEvery)
    {
        private const int MaxPieces = 2_000_000;

        private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]> _pieces = new(StringComparer.Ordinal);
        private byte[][] _postings = new byte[1024][];
        private int[] _lengths = new int[1024];
        private int[] _documents = new int[1024];
        private int[]?[] _skips = new int[]?[1024];
        private int[] _previous = new int[1024];
        private int[] _firstToken = new int[1024];
        private int[] _lastToken = new int[1024];
        private long[] _seen = new long[1024];
        private int[] _nextToken = new int[4096];
        private long[] _tokenPositions = new long[4096];
        private readonly List<int> _touched = [];
        private byte[] _gaps = new byte[256];
        private readonly int[] _slotTokens = new int[slots];
        private int _tokens;
        private int _offset;
        private int _slot;

        public long Rows { get; private set; }

        public long TotalTokens { get; private set; }

        public long Bytes { get; private set; }

        public void Begin(int slot)
        {
            (_slot, _tokens) = (slot, 0);
            _touched.Clear();
        }

        public void Column(long column, string text)
        {
            _offset = 0;
            var pieces = _pieces.GetAlternateLookup<ReadOnlySpan<char>>();
            var rest = text.AsSpan();
            while (rest.Length > 0)
            {
                var space = rest.IndexOf(' ');
                var piece = space < 0 ? rest : rest[..space];
                rest = space < 0 ? [] : rest[(space + 1)..];
                if (piece.IsEmpty)
                {
                    continue;
                }

                if (!pieces.TryGetValue(piece, out var terms))
                {
                    terms = [.. tokenizer.Document(piece).Select(Term)];
                    if (_pieces.Count >= MaxPieces)
                    {
                        _pieces.Clear();
                    }

                    pieces[piece] = terms;
                }

                foreach (var term in terms)
                {
                    Add(term, (column << 32) | (uint)_offset++);
                }
            }
        }

        public void End()
        {
            foreach (var term in _touched)
            {
                // The gaps first, into scratch, to know their length for the header.
                var gapsLength = 0;
                var counts = (Title: 0, Body: 0);
                for (var column = TitleColumn; column <= TitleColumn + 1; column++)
                {
                    var offset = 0;
                    for (var t = _firstToken[term]; t >= 0; t = _nextToken[t])
                    {
                        if ((_tokenPositions[t] >> 32) == column)
                        {
                            var next = (int)(uint)_tokenPositions[t];
                            Varint.Write(ref _gaps, ref gapsLength, next - offset);
                            offset = next;
                            counts = column == TitleColumn ? (counts.Title + 1, counts.Body) : (counts.Title, counts.Body + 1);
                        }
                    }
                }

                ref var bytes = ref _postings[term];
                ref var length = ref _lengths[term];
                var before = bytes.Length;
                if (_documents[term] % skipEvery == 0 && _documents[term] > 0)
                {
                    var skips = _skips[term] ??= [];
                    _skips[term] = [.. skips, _previous[term], length, _documents[term]];
                }

                Varint.Write(ref bytes, ref length, _slot - _previous[term]);
                Varint.Write(ref bytes, ref length, counts.Title);
                Varint.Write(ref bytes, ref length, counts.Body);
                Varint.Write(ref bytes, ref length, gapsLength);
                if (length + gapsLength > bytes.Length)
                {
                    Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + gapsLength));
                }

                Array.Copy(_gaps, 0, bytes, length, gapsLength);
                length += gapsLength;
                _previous[term] = _slot;
                _documents[term]++;
                Bytes += bytes.Length - before;
            }

            TotalTokens += _tokens;
            _slotTokens[_slot] = _tokens;
            Rows++;
        }

        public TermIndex Finish(long version)
        {
            var postings = new byte[_terms.Count][];
            for (var term = 0; term < postings.Length; term++)
            {
                postings[term] = _postings[term][.._lengths[term]];
            }

            return new TermIndex(version, _terms, postings, _documents[.._terms.Count], _skips[.._terms.Count], _slotTokens, Rows, TotalTokens);
        }

        private int Term(string text)
        {
            if (_terms.TryGetValue(text, out var term))
            {
                return term;
            }

            term = _terms.Count;
            _terms.Add(text, term);
            if (term == _postings.Length)
            {
                Array.Resize(ref _postings, term * 2);
                Array.Resize(ref _lengths, term * 2);
                Array.Resize(ref _documents, term * 2);
                Array.Resize(ref _skips, term * 2);
                Array.Resize(ref _previous, term * 2);
                Array.Resize(ref _firstToken, term * 2);
                Array.Resize(ref _lastToken, term * 2);
                Array.Resize(ref _seen, term * 2);
            }

            _postings[term] = [];
            _previous[term] = -1;
            Bytes += 64 + (2L * text.Length);
            return term;
        }

        private void Add(int term, long position)
        {
            if (_tokens == _nextToken.Length)
            {
                Array.Resize(ref _nextToken, _tokens * 2);
                Array.Resize(ref _tokenPositions, _tokens * 2);
            }

            var token = _tokens++;
            _tokenPositions[token] = position;
            _nextToken[token] = -1;
            if (_seen[term] != Rows + 1)
            {
                _seen[term] = Rows + 1; // the term's list starts in this document
                _firstToken[term] = token;
                _touched.Add(term);
            }
            else
            {
                _nextToken[_lastToken[term]] = token;
            }

            _lastToken[term] = token;
        }
    }
}
