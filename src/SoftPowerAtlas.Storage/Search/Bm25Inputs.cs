using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

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

    private readonly SearchSnapshot? _snapshot;
    private readonly double _titleWeight;
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
    /// function cannot be used here, and the caller must use bm25().
    /// </summary>
    public static (long[] Ids, double[] Scores)? Read(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot? snapshot, string expression, IReadOnlyList<string> phrases)
    {
        if (!Fts5Native.TryRegister(connection))
        {
            return null;
        }

        var inputs = new Bm25Inputs(snapshot, SqliteSearchIndex.TitleWeight);
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;

            // The function is the only condition besides MATCH, so it sees exactly the matching rows.
            select.CommandText = $"SELECT count(*) FROM document_text WHERE document_text MATCH $match AND {Fts5Native.FunctionName}(document_text) IS NULL";
            select.Parameters.AddWithValue("$match", expression);
            using (Fts5Native.Collect(inputs))
            {
                select.ExecuteScalar();
            }
        }

        if (inputs._error is { } error)
        {
            throw new InvalidOperationException("Reading search matches failed: " + error.Message, error);
        }

        if (inputs.Count == 0)
        {
            return ([], []);
        }

        if (inputs.PhraseCount != phrases.Count)
        {
            return null; // the expression is not the one the phrases were listed for
        }

        var idf = new double[phrases.Count];
        for (var phrase = 0; phrase < phrases.Count; phrase++)
        {
            if (inputs.Occurs(phrase))
            {
                idf[phrase] = Idf(inputs.RowCount, Documents(connection, transaction, snapshot, phrases[phrase]));
            }
        }

        return (inputs._ids[..inputs.Count], inputs.Scores(idf));
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

    private static double Idf(long rows, long documents)
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
            var tokens = (double)_tokens[row];
            var score = 0.0;
            for (var phrase = 0; phrase < PhraseCount; phrase++)
            {
                var frequency = _weighted[(row * PhraseCount) + phrase];
                if (frequency != 0)
                {
                    score += idf[phrase] * ((frequency * (K1 + 1.0)) / (frequency + (K1 * (1 - B + (B * tokens / averageTokens)))));
                }
            }

            scores[row] = -(-1.0 * score);
        }

        return scores;
    }
}
