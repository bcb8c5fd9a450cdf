using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// The words of the FTS5 index (<c>fts5vocab</c> over <c>document_text</c>) for "did you mean". FTS5
/// stores English words as Porter stems (cultural → cultur), which no user types: a stem close to the
/// start of the typed word is turned back into the words it came from, read at a few of its instances
/// (<c>fts5vocab</c> 'instance': document, column, token offset) in the documents' own text.
/// Thai words are stored as written. Valid while its connection is open.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Constant SQL; values are bound parameters.")]
internal sealed class SqliteVocabulary(SqliteConnection connection, SqliteTransaction transaction, Fts5Tokenizer? tokenizer) : IVocabulary
{
    /// <summary>Stems turned back into words, most frequent first.</summary>
    private const int StemsRead = 6;

    /// <summary>Instances read per stem to find the words it came from.</summary>
    private const int InstancesRead = 12;

    private bool _created;

    public long Documents(string word)
    {
        var terms = tokenizer?.Query(word) ?? [word];
        if (terms.Count != 1)
        {
            return 0;
        }

        using var select = Command("SELECT doc FROM temp.atlas_vocabulary WHERE term = $t");
        select.Parameters.AddWithValue("$t", terms[0]);
        return select.ExecuteScalar() is long documents ? documents : 0;
    }

    public IEnumerable<(string Word, long Documents)> Candidates(string word, int limit)
    {
        var (from, before) = SpellingSuggester.FirstLetterRange(word);
        var found = new List<(string Word, long Documents)>();
        var stems = new List<(string Stem, long Documents, int Distance)>();
        using (var select = Command("SELECT term, doc FROM temp.atlas_vocabulary WHERE term >= $from AND term < $before"))
        {
            select.Parameters.AddWithValue("$from", from);
            select.Parameters.AddWithValue("$before", before);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var term = reader.GetString(0);
                if (!System.Text.Ascii.IsValid(term))
                {
                    found.Add((term, reader.GetInt64(1)));
                }
                else if (Math.Abs(term.Length - word.Length) <= limit + 4 && StartDistance(term, word, limit) is var distance && distance <= limit)
                {
                    stems.Add((term, reader.GetInt64(1), distance));
                }
            }
        }

        foreach (var (stem, documents, _) in stems.OrderBy(s => s.Distance).ThenByDescending(s => s.Documents).Take(StemsRead))
        {
            foreach (var surface in Surfaces(stem))
            {
                found.Add((surface, documents));
            }
        }

        return found;
    }

    /// <summary>Edits from a stem to the start of the typed word cut within one letter of the stem's length (cultur against cultr-al: 1), at most <paramref name="limit"/> + 1.</summary>
    private static int StartDistance(string stem, string word, int limit)
    {
        var best = limit + 1;
        for (var cut = Math.Max(1, stem.Length - 1); cut <= Math.Min(word.Length, stem.Length + 1); cut++)
        {
            best = Math.Min(best, Analysis.Text.EditDistance.Within(stem, word[..cut], limit));
        }

        return best;
    }

    /// <summary>The words (lower case) written where the index holds <paramref name="stem"/>, read at a few of its instances.</summary>
    private HashSet<string> Surfaces(string stem)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var select = Command("""
            SELECT i.col, i.offset, coalesce(d.search_title, d.title), d.segmented_text
            FROM (SELECT doc, col, offset FROM temp.atlas_vocabulary_instances WHERE term = $t LIMIT $n) i
            JOIN documents d ON d.id = i.doc
            """);
        select.Parameters.AddWithValue("$t", stem);
        select.Parameters.AddWithValue("$n", InstancesRead);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var column = reader.GetValue(0) is "search_title" or 0L ? 2 : 3; // fts5vocab names the column
            if (reader.IsDBNull(column))
            {
                continue;
            }

            var offset = reader.GetInt32(1);
            var token = Fts5Match.Tokens(reader.GetString(column)).Skip(offset).FirstOrDefault();
            if (token is not null)
            {
                words.Add(token.ToLowerInvariant());
            }
        }

        return words;
    }

    private SqliteCommand Command(string sql)
    {
        if (!_created)
        {
            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = """
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.atlas_vocabulary USING fts5vocab(main, document_text, 'row');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.atlas_vocabulary_instances USING fts5vocab(main, document_text, 'instance');
                """;
            create.ExecuteNonQuery();
            _created = true;
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
