using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

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
