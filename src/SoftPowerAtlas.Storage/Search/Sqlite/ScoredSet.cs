using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// Every document a query's text (its included clauses, ANDed: one FTS5 expression) matches, with the
/// BM25 score FTS5 gives it: slots ascending with their scores, and the facet counts over all of them,
/// counted when first asked for (a page is the best k by a heap over the set: a pass over 44,000
/// entries costs less than sorting them once, which a query never seen before would pay). A query
/// with this text (with exclusions and filters or without) is answered from it with the very scores
/// the whole query gets from FTS5: BM25 sums per phrase, a phrase's IDF does not depend on the rest of
/// the query, and the phrases of an exclusion have no instances in a document that matches. Without
/// scores it is an exclusion's set of documents.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "The SQL is constant; the FTS5 expression is a bound parameter.")]
internal sealed class ScoredSet
{
    private readonly int _facetValues;
    private int[]? _facetCounts;

    private ScoredSet(int[] slots, double[] scores, int facetValues, SlotSet? members)
    {
        (Slots, Scores, _facetValues, Members) = (slots, scores, facetValues, members);
    }

    /// <summary>Matching slots, ascending.</summary>
    public int[] Slots { get; }

    /// <summary>Score of <c>Slots[i]</c> (BM25 negated: higher is better); empty for an exclusion set.</summary>
    public double[] Scores { get; }

    /// <summary>
    /// Facet counts over all matches, indexed like <see cref="SearchSnapshot.Values"/> (of the snapshot
    /// the set was read on): counted on the first call, which a filtered query never makes.
    /// </summary>
    public int[] FacetCounts(SearchSnapshot snapshot) => FacetCounts(snapshot, Bm25Inputs.ParallelFrom);

    /// <summary><see cref="FacetCounts(SearchSnapshot)"/>, counting two halves at once from <paramref name="parallelFrom"/> matches.</summary>
    internal int[] FacetCounts(SearchSnapshot snapshot, int parallelFrom)
    {
        if (_facetCounts is { } counted)
        {
            return counted;
        }

        // A broad set is counted in two halves at once, as it was read.
        var counts = Halves.Run(Slots.Length, parallelFrom, (from, below) => Count(snapshot, from, below), (lower, upper) =>
        {
            for (var i = 0; i < lower.Length; i++)
            {
                lower[i] += upper[i];
            }

            return lower;
        });

        return _facetCounts = counts; // two searches counting at once both get the same counts
    }

    private int[] Count(SearchSnapshot snapshot, int from, int below)
    {
        var counts = new int[_facetValues];
        for (var i = from; i < below; i++)
        {
            snapshot.CountFacets(Slots[i], counts);
        }

        return counts;
    }

    /// <summary>The same slots as a bitmap: exclusion sets only.</summary>
    public SlotSet? Members { get; }

    /// <summary>Memory held, in bytes.</summary>
    public long Bytes => (Slots.Length * 4L) + (Scores.Length * 8L) + (_facetValues * 4L) + (Members?.Bytes ?? 0);

    /// <summary>A scored set computed elsewhere (<see cref="TermIndex"/>): slots ascending, their scores.</summary>
    public static ScoredSet Of(SearchSnapshot snapshot, int[] slots, double[] scores) => new(slots, scores, snapshot.Values.Length, null);

    /// <summary>An exclusion set computed elsewhere (<see cref="TermIndex"/>): slots ascending.</summary>
    public static ScoredSet Unscored(SearchSnapshot snapshot, int[] slots)
    {
        var members = new SlotSet(snapshot.Count);
        members.AddAll(slots);
        return new ScoredSet(slots, [], 0, members);
    }

    /// <summary>
    /// Runs <paramref name="expression"/> alone over the whole index: scored (its <paramref name="phrases"/>
    /// listed) through <see cref="Bm25Inputs"/>, or bm25() where that cannot run; unscored, ids only.
    /// </summary>
    public static ScoredSet Read(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, string expression, bool scored,
        IReadOnlyList<string>? phrases = null, Func<SqliteConnection>? openHelper = null)
    {
        var slots = new List<int>();
        var scores = new List<double>();
        if (scored && phrases is not null && Bm25Inputs.Read(connection, transaction, snapshot, expression, phrases, openHelper) is ({ } ids, { } found))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                var slot = snapshot.Slot(ids[i]);
                if (slot >= 0)
                {
                    slots.Add(slot);
                    scores.Add(found[i]);
                }
            }
        }
        else
        {
            ReadSql(connection, transaction, snapshot, expression, scored, slots, scores);
        }

        // FTS5 returns rowids ascending; sort anyway, scores along, so nothing depends on it.
        var slotArray = slots.ToArray();
        var scoreArray = scores.ToArray();
        if (scored)
        {
            Array.Sort(slotArray, scoreArray);
        }
        else
        {
            Array.Sort(slotArray);
        }

        if (!scored)
        {
            var members = new SlotSet(snapshot.Count);
            members.AddAll(slotArray);
            return new ScoredSet(slotArray, [], 0, members);
        }

        return new ScoredSet(slotArray, scoreArray, snapshot.Values.Length, null);
    }

    private static void ReadSql(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, string expression, bool scored, List<int> slots, List<double> scores)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = scored
            ? $"SELECT t.rowid, {SqliteSearchIndex.Rank} FROM document_text t WHERE document_text MATCH $match"
            : "SELECT t.rowid FROM document_text t WHERE document_text MATCH $match";
        select.Parameters.AddWithValue("$match", expression);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var slot = snapshot.Slot(reader.GetInt64(0));
            if (slot < 0)
            {
                continue;
            }

            slots.Add(slot);
            if (scored)
            {
                scores.Add(-reader.GetDouble(1)); // bm25() is lower for better matches; hits show it negated
            }
        }
    }
}
