using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>The search contract on SQLite (FTS5), plus what only FTS5 does: Porter stemming, and its own vocabulary table.</summary>
public sealed class SqliteSearchTests(SqliteSearchCorpus corpus) : SearchTests<SqliteSearchCorpus>(corpus)
{
    [Fact]
    public void Search_EnglishInflection_MatchedByStem()
    {
        var hit = Assert.Single(Corpus.Search("signing Ishikawa").Hits);

        Assert.Equal(Corpus.Id("en_cea_mou_ishikawa"), hit.DocumentId);
        var words = hit.Snippet.Highlights.Select(h => hit.Snippet.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Contains("Ishikawa", words);
    }

    [Fact]
    public void Index_ThaiWordsKeepTheirVowelAndToneMarks()
    {
        using var connection = new SqliteConnection($"Data Source={Corpus.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, document_text, 'row');
            SELECT term FROM temp.words;
            """;
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                terms.Add(reader.GetString(0));
            }
        }

        Assert.Contains("ภาพยนตร์", terms);
        Assert.Contains("เกาหลีใต้", terms);
        Assert.Contains("กรมการพัฒนาชุมชน", terms);
        Assert.DoesNotContain("เกาหล", terms);
        Assert.DoesNotContain(terms, t => t.Length > 0 && char.GetUnicodeCategory(t[0]) == System.Globalization.UnicodeCategory.NonSpacingMark);
    }
}
