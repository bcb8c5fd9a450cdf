using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// The <c>document_facets</c> table held in memory as compact arrays (document id → value numbers),
/// so counting facets over a result of any size is one pass over its ids, with no SQL. Reloaded when
/// <c>search_state.version</c> (bumped by triggers on documents and engagements) changes. Thread-safe:
/// a snapshot is immutable and swapped whole.
/// </summary>
internal sealed class FacetCache
{
    private readonly Lock _reload = new();
    private Snapshot? _current;

    public Snapshot Get(SqliteConnection connection, SqliteTransaction transaction)
    {
        var version = Version(connection, transaction);
        var current = _current;
        if (current is not null && current.Version == version)
        {
            return current;
        }

        lock (_reload)
        {
            if (_current is { } other && other.Version == version)
            {
                return other;
            }

            _current = Load(connection, transaction, version);
            return _current;
        }
    }

    private static long Version(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM search_state WHERE id = 1";
        return (long)command.ExecuteScalar()!;
    }

    private static Snapshot Load(SqliteConnection connection, SqliteTransaction transaction, long version)
    {
        var values = new List<(string Facet, string Value)>();
        var numbers = new Dictionary<(string, string), int>();
        var documents = new List<long>();
        var starts = new List<int>();
        var valueIds = new List<int>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT document_id, facet, value FROM document_facets INDEXED BY document_facets_document ORDER BY document_id";
        using var reader = command.ExecuteReader();
        var last = long.MinValue;
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (id != last)
            {
                documents.Add(id);
                starts.Add(valueIds.Count);
                last = id;
            }

            var key = (reader.GetString(1), reader.GetString(2));
            if (!numbers.TryGetValue(key, out var number))
            {
                numbers[key] = number = values.Count;
                values.Add(key);
            }

            valueIds.Add(number);
        }

        starts.Add(valueIds.Count);
        return new Snapshot(version, [.. documents], [.. starts], [.. valueIds], [.. values]);
    }

    /// <summary>One load of the table: sorted document ids, where each one's values start, the values.</summary>
    internal sealed record Snapshot(long Version, long[] Documents, int[] Starts, int[] ValueIds, (string Facet, string Value)[] Values)
    {
        /// <summary>How many of <paramref name="ids"/> carry each value, indexed like <see cref="Values"/>.</summary>
        public int[] Count(IEnumerable<long> ids)
        {
            var counts = new int[Values.Length];
            foreach (var id in ids)
            {
                var at = Array.BinarySearch(Documents, id);
                if (at < 0)
                {
                    continue;
                }

                for (var i = Starts[at]; i < Starts[at + 1]; i++)
                {
                    counts[ValueIds[i]]++;
                }
            }

            return counts;
        }
    }
}
