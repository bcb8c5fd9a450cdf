using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// What a search process keeps between searches, all of it for one <c>search_state.version</c>
/// (bumped by triggers whenever documents, their text or their engagements change) and dropped
/// whole when the version moves: the <see cref="SearchSnapshot"/>, and the most recently used
/// <see cref="ScoredSet"/>s of query texts up to <see cref="BudgetBytes"/>. Thread-safe.
/// </summary>
internal sealed class SearchMemory(long budgetBytes)
{
    /// <summary>Default bound on the clause sets kept: 64 MB, about 4 million matches.</summary>
    public const long DefaultBudgetBytes = 64L << 20;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, ScoredSet Set)>> _clauses = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, ScoredSet Set)> _recent = new();
    private SearchSnapshot? _snapshot;
    private long _clauseBytes;
    private TermIndex? _terms;
    private Task _termsBuild = Task.CompletedTask;
    private long _termsTried = -1;
    private long _nextBuildAt;
    private int _termReads;

    public long BudgetBytes { get; } = budgetBytes;

    /// <summary>Bytes held by the clause sets now.</summary>
    public long ClauseBytes
    {
        get
        {
            lock (_lock)
            {
                return _clauseBytes;
            }
        }
    }

    /// <summary>Bytes held by the snapshot (0 before the first search).</summary>
    public long SnapshotBytes => _snapshot?.Bytes ?? 0;

    /// <summary>Bytes held by the term index (0 while there is none).</summary>
    public long TermBytes => _terms?.Bytes ?? 0;

    /// <summary>Query texts answered from the term index (not FTS5) so far.</summary>
    public int TermReads => Volatile.Read(ref _termReads);

    public void CountTermRead() => Interlocked.Increment(ref _termReads);

    /// <summary>Why the last term index build failed, if it did (shown by the benchmark; searches use FTS5 meanwhile).</summary>
    public string? TermsFailure { get; private set; }

    /// <summary>The term index held, of whatever version.</summary>
    public TermIndex? HeldTerms => _terms;

    /// <summary>The term index of the snapshot, when it is built.</summary>
    public TermIndex? Terms(SearchSnapshot snapshot) => _terms is { } held && held.Version == snapshot.Version ? held : null;

    /// <summary>
    /// Builds the term index of <paramref name="snapshot"/> on a connection of its own, in the background,
    /// once per version (none while another runs or during the pause after one: a later search starts it):
    /// searches meanwhile read FTS5, and use the index from the first search after it is built. An index that would pass <paramref name="budgetBytes"/> is not built. The task ends when it is
    /// built or given up (the version moved on, the budget, an error: <see cref="TermsFailure"/>).
    /// </summary>
    public Task BuildTerms(SearchSnapshot snapshot, Func<SqliteConnection> open, long budgetBytes)
    {
        lock (_lock)
        {
            // At most one build at a time, and after one, a pause of twice its length before the next, so
            // that while documents keep arriving, rebuilding takes at most a third of one core.
            if (!ReferenceEquals(snapshot, _snapshot) || _termsTried == snapshot.Version || !_termsBuild.IsCompleted
                || Environment.TickCount64 < _nextBuildAt)
            {
                return _termsBuild;
            }

            _termsTried = snapshot.Version;
            return _termsBuild = Task.Run(() =>
            {
                var started = Environment.TickCount64;
                TermIndex? built = null;
                string? failure = null;
                try
                {
                    using var connection = open();
                    using var transaction = connection.BeginTransaction(deferred: true);
                    built = SearchSnapshot.CurrentVersion(connection, transaction) == snapshot.Version
                        ? TermIndex.Build(connection, transaction, snapshot, budgetBytes) ?? throw new InvalidOperationException(
                            $"not built: it would pass its budget of {budgetBytes >> 20} MB, or FTS5's tokenizer is not reachable")
                        : null;
                }
                catch (Exception e) when (e is SqliteException or InvalidOperationException or ObjectDisposedException or OutOfMemoryException)
                {
                    failure = e.Message; // searches go on reading FTS5
                }

                lock (_lock)
                {
                    _nextBuildAt = Environment.TickCount64 + (2 * (Environment.TickCount64 - started));
                    TermsFailure = failure;
                    if (built is not null && ReferenceEquals(snapshot, _snapshot))
                    {
                        _terms = built;
                    }
                }
            });
        }
    }

    /// <summary>The snapshot held, when it is of <paramref name="version"/>.</summary>
    public SearchSnapshot? Current(long version) => _snapshot is { } held && held.Version == version ? held : null;

    /// <summary>The snapshot of <paramref name="version"/> (what the transaction sees), loaded when it is not the one held.</summary>
    public SearchSnapshot Snapshot(SqliteConnection connection, SqliteTransaction transaction, long version)
    {
        var current = _snapshot;
        if (current is not null && current.Version == version)
        {
            return current;
        }

        lock (_lock)
        {
            if (_snapshot is { } other && other.Version == version)
            {
                return other;
            }

            _snapshot = SearchSnapshot.Load(connection, transaction, version);
            _terms = null;
            _clauses.Clear();
            _recent.Clear();
            _clauseBytes = 0;
            return _snapshot;
        }
    }

    /// <summary>A clause's set, when it is held for this snapshot's version.</summary>
    public ScoredSet? Find(SearchSnapshot snapshot, string key)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(snapshot, _snapshot) || !_clauses.TryGetValue(key, out var node))
            {
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Set;
        }
    }

    /// <summary>Keeps a set (unless the version moved on meanwhile), dropping the least recently used beyond the budget.</summary>
    public void Keep(SearchSnapshot snapshot, string key, ScoredSet set)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(snapshot, _snapshot) || _clauses.ContainsKey(key) || set.Bytes > BudgetBytes)
            {
                return;
            }

            _clauses[key] = _recent.AddFirst((key, set));
            _clauseBytes += set.Bytes;
            while (_clauseBytes > BudgetBytes && _recent.Last is { } last)
            {
                _recent.RemoveLast();
                _clauses.Remove(last.Value.Key);
                _clauseBytes -= last.Value.Set.Bytes;
            }
        }
    }

    /// <summary>Forgets every clause set and phrase count (the benchmark's cold measurements).</summary>
    public void ForgetClauses()
    {
        lock (_lock)
        {
            _snapshot?.PhraseDocuments.Clear();
            _clauses.Clear();
            _recent.Clear();
            _clauseBytes = 0;
        }
    }
}
