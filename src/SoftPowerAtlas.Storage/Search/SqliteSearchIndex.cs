using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Search over a <see cref="SqliteAtlasStore"/>: FTS5 (table <c>document_text</c>, migration 0005)
/// ranked by BM25 with the title weighing <see cref="TitleWeight"/> times the body, facets from the
/// per-document <c>document_facets</c> table, snippets cut from the clean text of the page's hits only.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "SQL is assembled from constant fragments and generated parameter names; every user value is a bound parameter.")]
public sealed class SqliteSearchIndex(SqliteAtlasStore store) : ISearchIndex
{
    private readonly FacetCache _facets = new();

    /// <summary>BM25 weight of a title word against a body word.</summary>
    public const double TitleWeight = 4.0;

    private static readonly string Rank = string.Create(CultureInfo.InvariantCulture, $"bm25(document_text, {TitleWeight:0.0}, 1.0)");

    public SearchResults Search(SearchQuery query, SearchPage page)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Run(() =>
        {
            using var connection = store.OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: true); // one snapshot for count, page and facets
            var notes = new List<string>();
            var match = Fts5Match.From(query);
            foreach (var term in match.Ignored)
            {
                notes.Add($"ignored {(term.Quoted ? "\"" + term.Text + "\"" : term.Text)} at character {term.Position + 1}: it has no letters or digits to search for");
            }

            var agencies = EntitySearch.ResolveAgencies(connection, transaction, store.Dialect, query, notes);
            if (match.Expression is null && query.Clauses.Count > 0 && query.Filters.Count == 0 && query.Dates is null)
            {
                return new SearchResults(0, [], SearchFacets.None, notes);
            }

            // One pass over the matches: every id with its BM25 score (or date, for filters alone). The
            // total, the page and the facets all come from it, so FTS5 runs once. "+t.rowid" keeps a
            // filter's id list from being pushed into FTS5 as one lookup per id.
            var filters = new SqliteFilterSql(query, agencies, match.Expression is null ? match.Exclude : null, match.Expression is null ? "s.document_id" : "+t.rowid");
            using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = match.Expression is null
                ? "SELECT s.document_id, s.date FROM search_dates s WHERE 1" + filters.Conditions
                : $"SELECT t.rowid, {Rank} FROM document_text t WHERE document_text MATCH $match" + filters.Conditions;
            filters.AddTo(select);
            if (match.Expression is not null)
            {
                select.Parameters.AddWithValue("$match", match.Expression);
            }

            var ids = new List<long>();
            var best = new PriorityQueue<(long Id, double Score, string? Date), (long Id, double Score, string? Date)>(Worst.Instance);
            var keep = page.Offset + page.Limit;
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    ids.Add(id);
                    if (keep == 0)
                    {
                        continue;
                    }

                    // bm25() is lower for better matches; hits show it negated, higher is better.
                    var entry = match.Expression is null
                        ? (id, 0.0, reader.IsDBNull(1) ? null : reader.GetString(1))
                        : (id, -reader.GetDouble(1), (string?)null);
                    if (best.Count < keep)
                    {
                        best.Enqueue(entry, entry);
                    }
                    else if (Worst.Instance.Compare(entry, best.Peek()) > 0)
                    {
                        best.EnqueueDequeue(entry, entry);
                    }
                }
            }

            var ranked = new List<(long Id, double Score, string? Date)>(best.Count);
            while (best.Count > 0)
            {
                ranked.Add(best.Dequeue());
            }

            ranked.Reverse();
            var hits = ReadPage(connection, transaction, match.Expression, ranked.Skip(page.Offset));
            var facets = page.Facets && ids.Count > 0
                ? SqliteFacets.Count(_facets.Get(connection, transaction), ids, connection, transaction)
                : SearchFacets.None;
            return new SearchResults(ids.Count, hits, facets, notes);
        });
    }

    public IReadOnlyList<EntityMatch> FindEntities(string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Run(() =>
        {
            using var connection = store.OpenConnection();
            return EntitySearch.Find(connection, null, store.Dialect, text, limit);
        });
    }

    private static List<SearchHit> ReadPage(
        SqliteConnection connection, SqliteTransaction transaction, string? match, IEnumerable<(long Id, double Score, string? Date)> page)
    {
        var ranked = page.ToList();
        var hits = new List<SearchHit>(ranked.Count);
        using var details = connection.CreateCommand();
        details.Transaction = transaction;
        details.CommandText = match is null
            ? "SELECT d.title, d.source, d.source_url, d.published, s.date, s.from_engagement, d.clean_text, d.segmented_text, NULL FROM documents d LEFT JOIN search_dates s ON s.document_id = d.id WHERE d.id = $id"
            : """
              SELECT d.title, d.source, d.source_url, d.published, s.date, s.from_engagement, d.clean_text, d.segmented_text,
                     highlight(document_text, 1, char(1), char(2))
              FROM document_text t JOIN documents d ON d.id = t.rowid LEFT JOIN search_dates s ON s.document_id = d.id
              WHERE document_text MATCH $match AND t.rowid = $id
              """;
        var id = details.Parameters.Add("$id", SqliteType.Integer);
        if (match is not null)
        {
            details.Parameters.AddWithValue("$match", match);
        }

        foreach (var (docId, score, _) in ranked)
        {
            id.Value = docId;
            using var reader = details.ExecuteReader();
            if (!reader.Read())
            {
                continue;
            }

            var clean = reader.GetString(6);
            var segmented = reader.GetString(7);
            var marks = reader.IsDBNull(8) || segmented.Contains(SnippetBuilder.Open, StringComparison.Ordinal)
                ? []
                : SnippetBuilder.ReadMarks(reader.GetString(8));
            hits.Add(new SearchHit(
                docId,
                Text(reader, 0),
                reader.GetString(1),
                Text(reader, 2),
                Text(reader, 3),
                Text(reader, 4),
                !reader.IsDBNull(5) && reader.GetInt64(5) == 1,
                score,
                SnippetBuilder.Build(clean, segmented, marks)));
        }

        return hits;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(store.Path);
        }
    }

    /// <summary>Orders hits worst first (a min-heap of the best): lower score, then later date, then higher id.</summary>
    private sealed class Worst : IComparer<(long Id, double Score, string? Date)>
    {
        public static readonly Worst Instance = new();

        public int Compare((long Id, double Score, string? Date) x, (long Id, double Score, string? Date) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            // Equal scores (filters alone): newer first, then lower id first.
            var byDate = string.CompareOrdinal(x.Date, y.Date);
            return byDate != 0 ? byDate : y.Id.CompareTo(x.Id);
        }
    }

    /// <summary>Country code → English name, for facet labels.</summary>
    internal static string CountryLabel(string code) =>
        ReferenceData.Default.CountriesByCode.TryGetValue(code, out var country) ? country.NameEn : code;
}
