using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// Every match of an FTS5 expression with the score FTS5's <c>bm25(document_text, 4.0, 1.0)</c> gives
/// it, bit for bit, for a fraction of bm25()'s cost. bm25() spends most of its time looking up each
/// row's size in the <c>document_text_docsize</c> table and, once per query, scanning each phrase's
/// whole doclist to count the documents it occurs in. Here <see cref="Fts5Native"/>'s auxiliary
/// function hands over each matching row's instances per phrase (weighted by column), the row's size
/// comes from the <see cref="SearchSnapshot"/> (loaded from that same table), and a phrase's document
/// count is counted once per snapshot and kept. The score is then BM25 as SQLite defines it (k1 = 1.2,
/// b = 0.75, IDF = ln((N − n + 0.5) / (n + 0.5)) floored at 1e-6, the row's size against the average
/// over all columns), with the same operations in the same order, so the doubles are equal.
/// <c>SearchEquivalenceTests</c> hold it to that against bm25() itself.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "The SQL is constant; the FTS5 expressions are bound parameters.")]
internal sealed class Bm25Inputs
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Index size from which a read is split in two halves run at once.</summary>
    internal const int ParallelFrom = 20_000;

    private readonly SearchSnapshot? _snapshot;
    private readonly double _titleWeight;
    private long _from = long.MinValue;
    private long _below = long.MaxValue;
    private long[] _ids = new long[1024];
    private int[] _tokens = new int[1024];
    private double[] _weighted = [];
    private Exception? _error;

    private Bm25Inputs(SearchSnapshot? snapshot, double titleWeight)
    {
        _snapshot = snapshot;
        _titleWeight = titleWeight;
    }

    /// <summary>Phrases in the query (−1 before the first row).</summary>
    public int PhraseCount { get; private set; } = -1;

    /// <summary>Rows in the whole index.</summary>
    public long RowCount { get; private set; }

    /// <summary>Tokens in the whole index, every column.</summary>
    public long TotalTokens { get; private set; }

    /// <summary>Matching rows collected.</summary>
    public int Count { get; private set; }

    public bool Failed => _error is not null;

    /// <summary>
    /// The matches of <paramref name="expression"/> (whose phrases, in order, are <paramref name="phrases"/>)
    /// as ids ascending with their scores (bm25() negated: higher is better); null when the auxiliary
    /// function cannot be used here, and the caller must use bm25(). Given a way to open a second
    /// connection (<paramref name="openHelper"/>), a large index is read in two halves of ids at once,
    /// the upper half on that connection in a read transaction of the same <c>search_state.version</c>
    /// (when a write came between, the whole is read here instead). <paramref name="parallelFrom"/> is
    /// the index size from which that is done.
    /// </summary>
    public static (long[] Ids, double[] Scores)? Read(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot? snapshot, string expression, IReadOnlyList<string> phrases,
        Func<SqliteConnection>? openHelper = null, int parallelFrom = ParallelFrom)
    {
        if (!Fts5Native.TryRegister(connection))
        {
            return null;
        }

        using var helper = openHelper is not null && snapshot is not null && snapshot.Count >= parallelFrom && snapshot.Count > 1 && Environment.ProcessorCount > 1
            ? Helper.Open(openHelper, snapshot.Version)
            : null;
        Bm25Inputs inputs;
        try
        {
            if (helper is not null)
            {
                var middle = snapshot!.Ids[snapshot.Count / 2];
                var upper = Task.Run(() => Scan(helper.Connection, helper.Transaction, snapshot, expression, middle, null));
                Bm25Inputs lower;
                try
                {
                    lower = Scan(connection, transaction, snapshot, expression, null, middle);
                }
                finally
                {
                    Task.WaitAny(upper); // the helper connection is closed on the way out: not while the upper half still reads on it
                }

                inputs = Join(lower, upper.GetAwaiter().GetResult());
            }
            else
            {
                inputs = Scan(connection, transaction, snapshot, expression, null, null);
            }
        }
        catch (InProcessFailure)
        {
            return null;
        }

        if (inputs.Count == 0)
        {
            return ([], []);
        }

        if (inputs.PhraseCount != phrases.Count)
        {
            return null; // the expression is not the one the phrases were listed for
        }

        // Only a phrase with an instance in some match changes a score (see Scores); count those, half on the helper.
        var counted = Enumerable.Range(0, phrases.Count).Where(inputs.Occurs).ToList();
        var documents = new long[phrases.Count];
        var helped = helper is null ? Task.CompletedTask : Task.Run(() =>
        {
            for (var i = 1; i < counted.Count; i += 2)
            {
                documents[counted[i]] = Documents(helper.Connection, helper.Transaction, snapshot, phrases[counted[i]]);
            }
        });
        for (var i = 0; i < counted.Count; i += helper is null ? 1 : 2)
        {
            documents[counted[i]] = Documents(connection, transaction, snapshot, phrases[counted[i]]);
        }

        helped.GetAwaiter().GetResult();
        var idf = new double[phrases.Count];
        foreach (var phrase in counted)
        {
            idf[phrase] = Idf(inputs.RowCount, documents[phrase]);
        }

        return (inputs._ids[..inputs.Count], inputs.Scores(idf));
    }

    /// <summary>One pass over the matches with ids in [<paramref name="from"/>, <paramref name="below"/>) (null: unbounded).</summary>
    private static Bm25Inputs Scan(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot? snapshot, string expression, long? from, long? below)
    {
        if (!Fts5Native.TryRegister(connection))
        {
            throw new InvalidOperationException("The FTS5 auxiliary function registered on one connection but not on another.");
        }

        var inputs = new Bm25Inputs(snapshot, SqliteSearchIndex.TitleWeight) { _from = from ?? long.MinValue, _below = below ?? long.MaxValue };
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;

            // Besides MATCH and the id range (which FTS5 seeks to), the function is the only condition,
            // so it sees the matching rows; it ignores any outside the range itself, whatever order SQLite tests them in.
            select.CommandText = $"SELECT count(*) FROM document_text WHERE document_text MATCH $match AND rowid >= $from AND rowid < $below AND {Fts5Native.FunctionName}(document_text) IS NULL";
            select.Parameters.AddWithValue("$match", expression);
            select.Parameters.AddWithValue("$from", inputs._from);
            select.Parameters.AddWithValue("$below", inputs._below);
            using (Fts5Native.Collect(inputs))
            {
                select.ExecuteScalar();
            }
        }

        // An SQLite error met inside the function (a damaged index) is reported as SQLite's own; anything
        // else is a fault of this code, and Read gives up so that bm25() in SQL answers instead.
        if (inputs._error is SqliteException sqlite)
        {
            throw new SqliteException(sqlite.Message, sqlite.SqliteErrorCode);
        }

        if (inputs._error is { } error)
        {
            throw new InProcessFailure(error);
        }

        return inputs;
    }

    /// <summary>The rows of two scans of adjacent id ranges, lower first.</summary>
    private static Bm25Inputs Join(Bm25Inputs lower, Bm25Inputs upper)
    {
        if (upper.Count == 0)
        {
            return lower;
        }

        if (lower.Count == 0)
        {
            return upper;
        }

        var joined = new Bm25Inputs(lower._snapshot, lower._titleWeight);
        joined.Begin(lower.PhraseCount, lower.RowCount, lower.TotalTokens);
        joined._ids = [.. lower._ids[..lower.Count], .. upper._ids[..upper.Count]];
        joined._tokens = [.. lower._tokens[..lower.Count], .. upper._tokens[..upper.Count]];
        joined._weighted = [.. lower._weighted[..(lower.Count * lower.PhraseCount)], .. upper._weighted[..(upper.Count * upper.PhraseCount)]];
        joined.Count = lower.Count + upper.Count;
        return joined;
    }

    /// <summary>Called by <see cref="Fts5Native"/> on the first row.</summary>
    public void Begin(int phraseCount, long rowCount, long totalTokens)
    {
        (PhraseCount, RowCount, TotalTokens) = (phraseCount, rowCount, totalTokens);
        _weighted = new double[1024 * Math.Max(1, phraseCount)];
    }

    /// <summary>Called by <see cref="Fts5Native"/> for each matching row.</summary>
    public void Add(Fts5Native.Row row)
    {
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, Count * 2);
            Array.Resize(ref _tokens, Count * 2);
            Array.Resize(ref _weighted, Count * 2 * PhraseCount);
        }

        var id = row.Rowid();
        if (id < _from || id >= _below)
        {
            return;
        }

        var slot = _snapshot?.Slot(id) ?? -1;
        var tokens = slot >= 0 ? _snapshot!.Tokens(slot) : -1;
        _ids[Count] = id;
        _tokens[Count] = tokens >= 0 ? tokens : row.Tokens();
        row.CountInstances(_weighted.AsSpan(Count * PhraseCount, PhraseCount), _titleWeight);
        Count++;
    }

    /// <summary>Called by <see cref="Fts5Native"/> when reading a row failed; the query's result is then an error.</summary>
    public void Fail(Exception error) => _error ??= error;

    /// <summary>Documents the phrase occurs in, over the whole index: what FTS5's xQueryPhrase counts for bm25().</summary>
    private static long Documents(SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot? snapshot, string phrase)
    {
        if (snapshot?.PhraseDocuments.TryGetValue(phrase, out var known) == true)
        {
            return known;
        }

        using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT count(*) FROM document_text WHERE document_text MATCH $phrase";
        count.Parameters.AddWithValue("$phrase", phrase);
        var documents = (long)count.ExecuteScalar()!;
        snapshot?.PhraseDocuments.TryAdd(phrase, documents);
        return documents;
    }

    /// <summary>bm25()'s IDF of a phrase in <paramref name="documents"/> of <paramref name="rows"/>.</summary>
    internal static double Idf(long rows, long documents)
    {
        var idf = Math.Log(((rows - documents) + 0.5) / (documents + 0.5));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    private bool Occurs(int phrase)
    {
        for (var row = 0; row < Count; row++)
        {
            if (_weighted[(row * PhraseCount) + phrase] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// bm25() of each row, negated. A phrase with no instance in the row adds exactly +0.0 to
    /// bm25()'s sum, so skipping it leaves the sum unchanged.
    /// </summary>
    private double[] Scores(double[] idf)
    {
        var averageTokens = (double)TotalTokens / (double)RowCount;
        var scores = new double[Count];
        for (var row = 0; row < Count; row++)
        {
            scores[row] = Score(_weighted.AsSpan(row * PhraseCount, PhraseCount), idf, _tokens[row], averageTokens);
        }

        return scores;
    }

    /// <summary>
    /// bm25() of one row, negated, from each phrase's weighted instance count in it (in FTS5's phrase
    /// order: the sum's order), the phrases' IDFs and the row's size in tokens.
    /// </summary>
    internal static double Score(ReadOnlySpan<double> weighted, ReadOnlySpan<double> idf, int rowTokens, double averageTokens)
    {
        var tokens = (double)rowTokens;
        var score = 0.0;
        for (var phrase = 0; phrase < weighted.Length; phrase++)
        {
            var frequency = weighted[phrase];
            if (frequency != 0)
            {
                score += idf[phrase] * ((frequency * (K1 + 1.0)) / (frequency + (K1 * (1 - B + (B * tokens / averageTokens)))));
            }
        }

        return -(-1.0 * score);
    }

    /// <summary>A second connection in a read transaction that sees the same version as the first.</summary>
    private sealed class Helper : IDisposable
    {
        private Helper(SqliteConnection connection, SqliteTransaction transaction)
        {
            (Connection, Transaction) = (connection, transaction);
        }

        public SqliteConnection Connection { get; }

        public SqliteTransaction Transaction { get; }

        public static Helper? Open(Func<SqliteConnection> open, long version)
        {
            var connection = open();
            var transaction = connection.BeginTransaction(deferred: true);
            if (SearchSnapshot.CurrentVersion(connection, transaction) == version)
            {
                return new Helper(connection, transaction);
            }

            transaction.Dispose();
            connection.Dispose();
            return null;
        }

        public void Dispose()
        {
            Transaction.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>The auxiliary function failed for a reason of its own (not SQLite's): the caller falls back to bm25().</summary>
    private sealed class InProcessFailure(Exception inner) : Exception("Computing BM25 in process failed: " + inner.Message, inner);
}
