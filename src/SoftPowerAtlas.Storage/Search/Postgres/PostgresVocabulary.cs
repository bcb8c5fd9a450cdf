using Npgsql;
using NpgsqlTypes;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// The lexemes of <c>document_search</c> for "did you mean": PostgreSQL stores words as written (lower
/// case, accents folded, not stemmed), so a lexeme is what a user would type. Counting a word's documents
/// uses the GIN index; listing the lexemes that begin with a letter reads every vector
/// (<c>ts_stat</c>), which only a query that found little pays.
/// </summary>
internal sealed class PostgresVocabulary(NpgsqlConnection connection, NpgsqlTransaction transaction) : IVocabulary
{
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
        using var select = new NpgsqlCommand(
            """
            SELECT word, ndoc FROM ts_stat('SELECT vector FROM document_search')
            WHERE word COLLATE "C" >= @from COLLATE "C" AND word COLLATE "C" < @before COLLATE "C" AND abs(length(word) - @length) <= @slack
            """,
            connection,
            transaction);
        select.Parameters.Add(new NpgsqlParameter<string>("from", NpgsqlDbType.Text) { TypedValue = from });
        select.Parameters.Add(new NpgsqlParameter<string>("before", NpgsqlDbType.Text) { TypedValue = before });
        select.Parameters.Add(new NpgsqlParameter<int>("length", lexemes[0].Length));
        select.Parameters.Add(new NpgsqlParameter<int>("slack", 3 * limit));
        var found = new List<(string Word, long Documents)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            found.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return found;
    }
}
