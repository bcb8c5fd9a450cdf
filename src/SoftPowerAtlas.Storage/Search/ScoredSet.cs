using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Every document one FTS5 clause matches on its own, with the BM25 score FTS5 gave it: slots
/// ascending, the same entries in rank order (score descending, then lower id), and the facet counts
/// over all of them. A query whose text is this one clause (with exclusions and filters or without)
/// is answered from it with the very scores the whole query gets from FTS5: BM25 sums per phrase,
/// a phrase's IDF does not depend on the rest of the query, and the phrases of an exclusion have no
/// instances in a document that matches. Without scores it is an exclusion's set of documents.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "The SQL is constant; the FTS5 expression is a bound parameter.")]
internal sealed class ScoredSet
{
    private ScoredSet(int[] slots, double[] scores, int[] byScore, int[] facetCounts, SlotSet? members)
    {
        (Slots, Scores, ByScore, FacetCounts, Members) = (slots, scores, byScore, facetCounts, members);
    }

    /// <summary>Matching slots, ascending.</summary>
    public int[] Slots { get; }

    /// <summary>Score of <c>Slots[i]</c> (BM25 negated: higher is better); empty for an exclusion set.</summary>
    public double[] Scores { get; }

    /// <summary>Indexes into <see cref="Slots"/>, best first.</summary>
    public int[] ByScore { get; }

    /// <summary>Facet counts over all matches, indexed like <see cref="SearchSnapshot.Values"/>.</summary>
    public int[] FacetCounts { get; }

    /// <summary>The same slots as a bitmap: exclusion sets only.</summary>
    public SlotSet? Members { get; }

    /// <summary>Memory held, in bytes.</summary>
    public long Bytes => (Slots.Length * 4L) + (Scores.Length * 8L) + (ByScore.Length * 4L) + (FacetCounts.Length * 4L) + (Members?.Bytes ?? 0);

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
            return new ScoredSet(slotArray, [], [], [], members);
        }

        var byScore = new int[slotArray.Length];
        for (var i = 0; i < byScore.Length; i++)
        {
            byScore[i] = i;
        }

        // Best first: sort by the negated score, then put each run of equal scores back in slot order.
        var keys = new double[scoreArray.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -scoreArray[i];
        }

        Array.Sort(keys, byScore);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(byScore, start, end - start);
            }

            start = end;
        }

        var counts = new int[snapshot.Values.Length];
        foreach (var slot in slotArray)
        {
            snapshot.CountFacets(slot, counts);
        }

        return new ScoredSet(slotArray, scoreArray, byScore, counts, null);
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
