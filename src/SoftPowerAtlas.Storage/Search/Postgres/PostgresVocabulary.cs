using Npgsql;
using NpgsqlTypes;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// The lexemes of <c>document_search</c> for "did you mean": PostgreSQL stores words as written (lower
/// case, accents folded, not stemmed), so a lexeme is what a user would type. Counting a word's documents
/// uses the GIN index; listing the lexemes that begin with a letter reads every vector
/// (<c>ts_stat</c>: 0.2 s at 3,000 documents), which only a query that found little pays, once per letter
/// while the documents stay the same (<see cref="VocabularyCache"/>).
/// </summary>
internal sealed class PostgresVocabulary(NpgsqlConnection connection, NpgsqlTransaction transaction, VocabularyCache cache) : IVocabulary
{
    private (long Documents, long Last)? _stamp;

    public long Documents(string word)
    {
        var lexemes = PostgresLexemes.Of(word);
        if (lexemes.Count != 1)
        {
            return 0;
        }

        using var select = new NpgsqlCommand("SELECT count(*) FROM document_search WHERE vector @@ @q::tsquery", connection, transaction);
        select.Parameters.Add(new NpgsqlParameter<string>("q", NpgsqlDbType.Text) { TypedValue = PostgresTsQuery.Quote(lexemes[0]) });
        return (long)select.ExecuteScalar()!; // count(*) is never null
    }

    public IEnumerable<(string Word, long Documents)> Candidates(string word, int limit)
    {
        var lexemes = PostgresLexemes.Of(word);
        if (lexemes.Count != 1)
        {
            return [];
        }

        var (from, before) = SpellingSuggester.FirstLetterRange(lexemes[0]);
        _stamp ??= Stamp();
        return cache.Get(_stamp.Value, from, () => Read(from, before)).Where(c => Math.Abs(c.Word.Length - lexemes[0].Length) <= 3 * limit);
    }

    /// <summary>How many documents, and the last id: a new or removed document changes it.</summary>
    private (long, long) Stamp()
    {
        using var select = new NpgsqlCommand("SELECT count(*), coalesce(max(id), 0) FROM documents", connection, transaction);
        using var reader = select.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private List<(string Word, long Documents)> Read(string from, string before)
    {
        using var select = new NpgsqlCommand(
            """
            SELECT word, ndoc FROM ts_stat('SELECT vector FROM document_search')
            WHERE word COLLATE "C" >= @from COLLATE "C" AND word COLLATE "C" < @before COLLATE "C"
            """,
            connection,
            transaction);
        select.Parameters.Add(new NpgsqlParameter<string>("from", NpgsqlDbType.Text) { TypedValue = from });
        select.Parameters.Add(new NpgsqlParameter<string>("before", NpgsqlDbType.Text) { TypedValue = before });
        var found = new List<(string Word, long Documents)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            found.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return found;
    }
}

/// <summary>
/// The lexemes of each first letter read so far, for one state of the documents (a stamp): a server
/// that suggests spellings reads the vocabulary of a letter once, not per query. Bounded; thread-safe.
/// </summary>
internal sealed class VocabularyCache
{
    private const int Letters = 128;

    private readonly Lock _lock = new();
    private (long, long) _stamp = (-1, -1);
    private Dictionary<string, List<(string Word, long Documents)>> _letters = new(StringComparer.Ordinal);

    public List<(string Word, long Documents)> Get((long, long) stamp, string letter, Func<List<(string Word, long Documents)>> read)
    {
        lock (_lock)
        {
            if (stamp == _stamp && _letters.TryGetValue(letter, out var held))
            {
                return held;
            }
        }

        var words = read();
        lock (_lock)
        {
            if (stamp != _stamp || _letters.Count >= Letters)
            {
                (_stamp, _letters) = (stamp, new Dictionary<string, List<(string Word, long Documents)>>(StringComparer.Ordinal));
            }

            _letters[letter] = words;
        }

        return words;
    }
}
