using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// Search over a <see cref="SqliteAtlasStore"/>: FTS5 (table <c>document_text</c>, migration 0005)
/// ranked by BM25 with the title weighing <see cref="TitleWeight"/> times the body; filters, facets
/// and filter-only queries from the in-memory <see cref="SearchSnapshot"/>; a query's text from its
/// <see cref="ScoredSet"/> (read once, then held in <see cref="SearchMemory"/>);
/// snippets cut from the clean text of the page's hits only.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "SQL is assembled from constant fragments and generated parameter names; every user value is a bound parameter.")]
public sealed class SqliteSearchIndex : ISearchIndex
{
    private readonly SqliteAtlasStore _store;
    private readonly SearchMemory _memory;
    private readonly bool _scoreInProcess;
    private readonly long _termBudgetBytes;

    /// <summary>
    /// An index for a process that searches once or a few times (the CLI) or, with
    /// <paramref name="holdTerms"/>, for one that keeps searching (the web server): it also builds a
    /// <see cref="TermIndex"/> in the background after the first search of each version, and answers a
    /// query's text from it once built.
    /// </summary>
    public SqliteSearchIndex(SqliteAtlasStore store, bool holdTerms = false)
        : this(store, SearchMemory.DefaultBudgetBytes, termBudgetBytes: holdTerms ? TermIndex.DefaultBudgetBytes : 0)
    {
    }

    /// <summary>
    /// An index keeping at most <paramref name="clauseBudgetBytes"/> of clause sets in memory (0: none)
    /// and a term index of at most <paramref name="termBudgetBytes"/> (0: none);
    /// <paramref name="scoreInProcess"/> false scores with bm25() in SQL, as before <see cref="Bm25Inputs"/> (the benchmark's baseline).
    /// </summary>
    internal SqliteSearchIndex(SqliteAtlasStore store, long clauseBudgetBytes, bool scoreInProcess = true, long termBudgetBytes = 0)
    {
        _store = store;
        _memory = new SearchMemory(clauseBudgetBytes);
        _scoreInProcess = scoreInProcess;
        _termBudgetBytes = termBudgetBytes;
    }

    /// <summary>BM25 weight of a title word against a body word.</summary>
    public const double TitleWeight = 4.0;

    internal static readonly string Rank = string.Create(CultureInfo.InvariantCulture, $"bm25(document_text, {TitleWeight:0.0}, 1.0)");

    /// <summary>The in-memory state (snapshot and clause sets), for the benchmark's memory and cold figures.</summary>
    internal SearchMemory Memory => _memory;

    public SearchResults Search(SearchQuery query, SearchPage page)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Run(() =>
        {
            using var connection = _store.OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: true); // one snapshot for count, page and facets
            var (expanded, expansions) = ConceptExpander.Expand(connection, transaction, _store.Dialect, query, _store.SearchText);
            var results = Search(connection, transaction, FieldWordCompatibility.Apply(expanded, _store.SearchText), page) with { Expansions = expansions };
            if (results.Total > SpellingSuggester.FewResults || query.Clauses.Count == 0)
            {
                return results;
            }

            using var tokenizer = Fts5Tokenizer.Open(connection);
            return results with { Suggestion = SpellingSuggester.Suggest(query, new SqliteVocabulary(connection, transaction, tokenizer)) };
        });
    }

    private SearchResults Search(SqliteConnection connection, SqliteTransaction transaction, SearchQuery query, SearchPage page)
    {
        var notes = new List<string>();
        var match = Fts5Match.From(query, _store.SearchText);
        foreach (var term in match.Ignored)
        {
            notes.Add($"ignored {(term.Quoted ? "\"" + term.Text + "\"" : term.Text)} at character {term.Position + 1}: it has no letters or digits to search for");
        }

        var agencies = EntitySearch.ResolveAgencies(connection, transaction, _store.Dialect, query, notes);
        if (match.Expression is null && query.Clauses.Count > 0 && query.Filters.Count == 0 && query.Dates is null)
        {
            return new SearchResults(0, [], SearchFacets.None, notes);
        }

        // A text search without facets in a process that holds no snapshot yet (a one-off `atlas search`)
        // does not load one: one FTS5 pass answers it, as the snapshot would cost more than the query.
        var version = SearchSnapshot.CurrentVersion(connection, transaction);
        if (!page.Facets && match.Include is not null && _memory.Current(version) is null)
        {
            var alone = Fts5(connection, transaction, null, match, query, agencies, page, null);
            return new SearchResults(alone.Total, ReadPage(connection, transaction, query, match, alone.Page.Skip(page.Offset), _store.SearchText), SearchFacets.None, notes);
        }

        var snapshot = _memory.Snapshot(connection, transaction, version);
        if (_termBudgetBytes > 0)
        {
            _memory.BuildTerms(snapshot, _store.OpenConnection, _termBudgetBytes);
        }

        var found = match.Include is null
            ? FiltersAlone(connection, transaction, snapshot, query, agencies, match, page)
            : Included(connection, transaction, snapshot, match, query, agencies) is { } included
                ? FromSet(connection, transaction, snapshot, included, query, agencies, match, page)
                : Fts5(connection, transaction, snapshot, match, query, agencies, page, _scoreInProcess ? _store.OpenConnection : null);
        var hits = ReadPage(connection, transaction, query, match, found.Page.Skip(page.Offset), _store.SearchText);
        var facets = page.Facets && found.Total > 0
            ? SqliteFacets.Count(snapshot.Values, found.FacetCounts, connection, transaction)
            : SearchFacets.None;
        return new SearchResults(found.Total, hits, facets, notes);
    }

    /// <summary>
    /// The set of a query's included text (one clause or several), held or read now and kept. Reading it
    /// costs what the query's own FTS5 pass would, filters or not: the pass scores every match either
    /// way and filters from the snapshot. Only the bm25() baseline (which lets SQLite apply filters
    /// before scoring) and an index that holds nothing skip it for filtered queries.
    /// </summary>
    private ScoredSet? Included(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, Fts5Match match, SearchQuery query,
        IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencies)
    {
        var include = match.Include!;
        if (_memory.Find(snapshot, include) is { } held)
        {
            return held;
        }

        if (_memory.BudgetBytes == 0 || (!_scoreInProcess && (query.Filters.Count > 0 || query.Dates is not null)))
        {
            return null;
        }

        var set = FromTerms(connection, snapshot, match)
            ?? ScoredSet.Read(connection, transaction, snapshot, include, scored: true, match.IncludePhrases, _scoreInProcess ? _store.OpenConnection : null);
        _memory.Keep(snapshot, include, set);
        return set;
    }

    /// <summary>The set of the query's text from the term index, when one is built for this snapshot and can answer it.</summary>
    private ScoredSet? FromTerms(SqliteConnection connection, SearchSnapshot snapshot, Fts5Match match) =>
        Terms(connection, snapshot, (terms, tokenizer) => terms.Read(snapshot, match, tokenizer));

    /// <summary>A set read from the term index, when one is built for this snapshot and <paramref name="read"/> can answer from it.</summary>
    private ScoredSet? Terms(SqliteConnection connection, SearchSnapshot snapshot, Func<TermIndex, Fts5Tokenizer, ScoredSet?> read)
    {
        if (!_scoreInProcess || _memory.Terms(snapshot) is not { } terms)
        {
            return null;
        }

        using var tokenizer = Fts5Tokenizer.Open(connection);
        var set = tokenizer is null ? null : read(terms, tokenizer);
        if (set is not null)
        {
            _memory.CountTermRead();
        }

        return set;
    }

    /// <summary>
    /// Loads the snapshot if needed and builds its term index now (tests and the benchmark); the task
    /// ends when it is built or given up.
    /// </summary>
    internal Task BuildTerms()
    {
        using var connection = _store.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var snapshot = _memory.Snapshot(connection, transaction, SearchSnapshot.CurrentVersion(connection, transaction));
        return _memory.BuildTerms(snapshot, _store.OpenConnection, _termBudgetBytes > 0 ? _termBudgetBytes : TermIndex.DefaultBudgetBytes);
    }

    /// <summary>The documents the query's excluded terms match (any of them): held, read from the term index, or read from FTS5.</summary>
    private SlotSet? Exclusion(SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, Fts5Match match)
    {
        if (match.Exclude is not { } exclude)
        {
            return null;
        }

        var key = "NOT " + exclude;
        if (_memory.Find(snapshot, key) is not { } set)
        {
            set = Terms(connection, snapshot, (terms, tokenizer) => terms.ReadExcluded(snapshot, match, tokenizer))
                ?? ScoredSet.Read(connection, transaction, snapshot, exclude, scored: false);
            _memory.Keep(snapshot, key, set);
        }

        return set.Members;
    }

    /// <summary>The query's text from its set, filtered in memory; the page is the best passing entries by a heap.</summary>
    private Found FromSet(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, ScoredSet clause, SearchQuery query,
        IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencies, Fts5Match match, SearchPage page)
    {
        var filter = snapshot.Filter(query, agencies);
        var excluded = Exclusion(connection, transaction, snapshot, match);
        var best = new TopHits(page.Offset + page.Limit);
        if (filter is null && excluded is null)
        {
            for (var i = 0; i < clause.Slots.Length; i++)
            {
                best.Offer(snapshot.Ids[clause.Slots[i]], clause.Scores[i]);
            }

            return new Found(clause.Slots.Length, best.InOrder(), clause.FacetCounts(snapshot));
        }

        bool Passes(int slot) => (filter is null || filter.Contains(slot)) && (excluded is null || !excluded.Contains(slot));
        var total = 0;
        for (var i = 0; i < clause.Slots.Length; i++)
        {
            var slot = clause.Slots[i];
            if (Passes(slot))
            {
                total++;
                best.Offer(snapshot.Ids[slot], clause.Scores[i]);
            }
        }

        // Facets by the smaller side: the passing entries counted, or, when most pass, the set's own
        // counts (kept with it) less the entries that fail (`ซอฟต์พาวเวอร์ -มวยไทย` drops a few of 420,000).
        var failing = clause.Slots.Length - total;
        var passes = failing >= total;
        var counts = passes ? new int[snapshot.Values.Length] : (int[])clause.FacetCounts(snapshot).Clone();
        foreach (var slot in clause.Slots)
        {
            if (Passes(slot) == passes)
            {
                if (passes)
                {
                    snapshot.CountFacets(slot, counts);
                }
                else
                {
                    snapshot.UncountFacets(slot, counts);
                }
            }
        }

        return new Found(total, best.InOrder(), counts);
    }

    /// <summary>Filters (and exclusions) without text: every document passing them, newest first, from memory.</summary>
    private Found FiltersAlone(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot snapshot, SearchQuery query,
        IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencies, Fts5Match match, SearchPage page)
    {
        var filter = snapshot.Filter(query, agencies);
        var excluded = Exclusion(connection, transaction, snapshot, match);
        var keep = page.Offset + page.Limit;
        var best = new PriorityQueue<int, (int Date, int Slot)>(keep + 1, NewestFirst.Instance);
        var counts = new int[snapshot.Values.Length];
        var total = 0;
        foreach (var slot in filter?.Slots() ?? Enumerable.Range(0, snapshot.Count)) // a filter's own bits: 78,000 of 1M for country:JP
        {
            if (excluded is not null && excluded.Contains(slot))
            {
                continue;
            }

            total++;
            snapshot.CountFacets(slot, counts);
            if (keep > 0)
            {
                // The heap's top is the worst kept entry; NewestFirst orders worst first.
                var entry = (snapshot.DateRank(slot), slot);
                if (best.Count < keep)
                {
                    best.Enqueue(slot, entry);
                }
                else if (NewestFirst.Instance.Compare(entry, (snapshot.DateRank(best.Peek()), best.Peek())) > 0)
                {
                    best.EnqueueDequeue(slot, entry);
                }
            }
        }

        var ranked = new List<(long Id, double Score, string? Date)>(best.Count);
        while (best.Count > 0)
        {
            ranked.Add((snapshot.Ids[best.Dequeue()], 0.0, null));
        }

        ranked.Reverse();
        return new Found(total, ranked, counts);
    }

    /// <summary>
    /// Several clauses, or one with filters that is not held: one FTS5 pass over every match. With a
    /// <paramref name="snapshot"/> and a way to open a helper connection (<paramref name="inProcess"/>:
    /// null for the benchmark's bm25() baseline), the matches and their scores come from
    /// <see cref="Bm25Inputs"/> and the filters from the snapshot's bitmaps; otherwise (or where the
    /// function cannot run), bm25() in SQL with the filters applied by SQLite before the score is
    /// computed. Facets count from the snapshot (none without one).
    /// </summary>
    private static Found Fts5(
        SqliteConnection connection, SqliteTransaction transaction, SearchSnapshot? snapshot, Fts5Match match, SearchQuery query,
        IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencies, SearchPage page, Func<SqliteConnection>? inProcess)
    {
        var expression = match.Expression!;
        var best = new TopHits(page.Offset + page.Limit);
        var counts = new int[snapshot?.Values.Length ?? 0];
        var total = 0;
        if (snapshot is not null && inProcess is not null && Bm25Inputs.Read(connection, transaction, snapshot, expression, match.Phrases, inProcess) is ({ } ids, { } scores))
        {
            var filter = snapshot.Filter(query, agencies);
            for (var i = 0; i < ids.Length; i++)
            {
                var slot = snapshot.Slot(ids[i]);
                if (filter is not null && (slot < 0 || !filter.Contains(slot)))
                {
                    continue;
                }

                total++;
                if (slot >= 0)
                {
                    snapshot.CountFacets(slot, counts);
                }

                best.Offer(ids[i], scores[i]);
            }

            return new Found(total, best.InOrder(), counts);
        }

        // "+t.rowid" keeps a filter's id list from being pushed into FTS5 as one lookup per id.
        var filters = new SqliteFilterSql(query, agencies, "+t.rowid");
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT t.rowid, {Rank} FROM document_text t WHERE document_text MATCH $match" + filters.Conditions;
        filters.AddTo(select);
        select.Parameters.AddWithValue("$match", expression);
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                total++;
                if (snapshot?.Slot(id) is { } slot and >= 0)
                {
                    snapshot.CountFacets(slot, counts);
                }

                best.Offer(id, -reader.GetDouble(1)); // bm25() is lower for better matches; hits show it negated
            }
        }

        return new Found(total, best.InOrder(), counts);
    }

    /// <summary>The best <c>keep</c> hits offered: higher score first, then lower id.</summary>
    private sealed class TopHits(int keep)
    {
        private readonly PriorityQueue<(long Id, double Score, string? Date), (long Id, double Score, string? Date)> _heap = new(Worst.Instance);

        public void Offer(long id, double score)
        {
            if (keep == 0)
            {
                return;
            }

            var entry = (id, score, (string?)null);
            if (_heap.Count < keep)
            {
                _heap.Enqueue(entry, entry);
            }
            else if (Worst.Instance.Compare(entry, _heap.Peek()) > 0)
            {
                _heap.EnqueueDequeue(entry, entry);
            }
        }

        public List<(long Id, double Score, string? Date)> InOrder()
        {
            var ranked = new List<(long Id, double Score, string? Date)>(_heap.Count);
            while (_heap.Count > 0)
            {
                ranked.Add(_heap.Dequeue());
            }

            ranked.Reverse();
            return ranked;
        }
    }

    public IReadOnlyList<EntityMatch> FindEntities(string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Run(() =>
        {
            using var connection = _store.OpenConnection();
            return EntitySearch.Find(connection, null, _store.Dialect, text, limit);
        });
    }

    /// <summary>
    /// The page's hits with their snippets, marked by highlight() with the query's included text; with a
    /// prefix term, the text <see cref="Fts5Match.Marking"/> makes of it for the hit's own words (a hit
    /// that text does not find, which it cannot short of a bug, is marked with the text as searched).
    /// </summary>
    private static List<SearchHit> ReadPage(
        SqliteConnection connection, SqliteTransaction transaction, SearchQuery query, Fts5Match match, IEnumerable<(long Id, double Score, string? Date)> page, SearchText text)
    {
        var hits = new List<SearchHit>();
        using var details = connection.CreateCommand();
        details.Transaction = transaction;
        details.CommandText = "SELECT d.title, d.source, d.source_url, d.published, s.date, s.from_engagement, d.clean_text, d.segmented_text, d.clean_packed FROM documents d LEFT JOIN search_dates s ON s.document_id = d.id WHERE d.id = $id";
        var id = details.Parameters.Add("$id", SqliteType.Integer);
        using var highlight = connection.CreateCommand();
        highlight.Transaction = transaction;
        highlight.CommandText = "SELECT highlight(document_text, 1, char(1), char(2)) FROM document_text WHERE document_text MATCH $match AND rowid = $id";
        var marking = highlight.Parameters.Add("$match", SqliteType.Text);
        var markedId = highlight.Parameters.Add("$id", SqliteType.Integer);
        var prefixed = query.Clauses.Any(c => c.Alternatives.Any(t => t.Prefix));
        foreach (var (docId, score, _) in page)
        {
            id.Value = docId;
            using var reader = details.ExecuteReader();
            if (!reader.Read())
            {
                continue;
            }

            var clean = PackedText.Read(reader, 8, 6) ?? string.Empty;
            var segmented = reader.GetString(7);
            IReadOnlyList<(int Start, int End)> marks = [];
            if (match.Include is { } include && !segmented.Contains(SnippetBuilder.Open, StringComparison.Ordinal))
            {
                markedId.Value = docId;
                marking.Value = prefixed ? Fts5Match.Marking(query, Fts5Match.Tokens(segmented), text) ?? include : include;
                var marked = highlight.ExecuteScalar() as string;
                if (marked is null && (string)marking.Value != include)
                {
                    marking.Value = include;
                    marked = highlight.ExecuteScalar() as string;
                }

                marks = marked is null ? [] : SnippetBuilder.ReadMarks(marked);
            }

            hits.Add(new SearchHit(
                docId,
                reader.GetNullableString(0),
                reader.GetString(1),
                reader.GetNullableString(2),
                reader.GetNullableString(3),
                reader.GetNullableString(4),
                !reader.IsDBNull(5) && reader.GetInt64(5) == 1,
                score,
                SnippetBuilder.Build(clean, segmented, marks)));
        }

        return hits;
    }


    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw e.ToStoreException(_store.Path);
        }
    }

    /// <summary>A search's matches: how many, the best <c>offset + limit</c> in order, facet counts over all.</summary>
    private sealed record Found(long Total, IReadOnlyList<(long Id, double Score, string? Date)> Page, int[] FacetCounts);

    /// <summary>Filter-only order, worst first for a heap of the best: older (undated oldest), then higher slot.</summary>
    private sealed class NewestFirst : IComparer<(int Date, int Slot)>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare((int Date, int Slot) x, (int Date, int Slot) y)
        {
            var byDate = x.Date.CompareTo(y.Date);
            return byDate != 0 ? byDate : y.Slot.CompareTo(x.Slot);
        }
    }

    /// <summary>Orders hits worst first (a min-heap of the best): lower score, then higher id.</summary>
    private sealed class Worst : IComparer<(long Id, double Score, string? Date)>
    {
        public static readonly Worst Instance = new();

        public int Compare((long Id, double Score, string? Date) x, (long Id, double Score, string? Date) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Id.CompareTo(x.Id);
        }
    }
}
