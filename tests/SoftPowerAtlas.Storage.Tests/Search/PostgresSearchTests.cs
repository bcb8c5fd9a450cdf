using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Search.Postgres;
using SoftPowerAtlas.Storage.Tests.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// The search contract on PostgreSQL (tsvector, GIN), plus what only it has: words not stemmed, the
/// SQL word rule agreeing with its C# copy, and a database from before search being upgraded.
/// </summary>
public sealed class PostgresSearchTests(PostgresSearchCorpus corpus) : SearchTests<PostgresSearchCorpus>(corpus)
{
    [Fact]
    public void Search_EnglishInflection_OnlyTheFormWrittenMatches()
    {
        // The simple configuration does not stem: "signs" is not in the text, "signed" is (SQLite finds both).
        Assert.Equal(0, Corpus.Search("signs Ishikawa").Total);
        Assert.Equal([Corpus.Id("en_cea_mou_ishikawa")], Corpus.Search("signed Ishikawa").Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Index_ThaiWordsKeepTheirVowelAndToneMarks_TitleWordsWeighA()
    {
        var lexemes = new HashSet<string>(StringComparer.Ordinal);
        var titleWords = new HashSet<string>(StringComparer.Ordinal);
        using (var connection = Open())
        using (var command = new NpgsqlCommand("SELECT u.lexeme, u.weights FROM document_search s, unnest(s.vector) u", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                lexemes.Add(reader.GetString(0));
                if (reader.GetFieldValue<string[]>(1).Contains("A"))
                {
                    titleWords.Add(reader.GetString(0));
                }
            }
        }

        Assert.Contains("ภาพยนตร์", lexemes);
        Assert.Contains("เกาหลีใต้", lexemes);
        Assert.Contains("กรมการพัฒนาชุมชน", lexemes);
        Assert.Contains("jeremy", lexemes);
        Assert.DoesNotContain("เกาหล", lexemes);
        Assert.DoesNotContain(lexemes, t => char.GetUnicodeCategory(t[0]) == UnicodeCategory.NonSpacingMark);
        Assert.DoesNotContain(lexemes, t => t.Any(c => c is ' ' or '\'' or ',' or '.'));
        Assert.Contains("kofic", titleWords);
    }

    [Fact]
    public void Lexemes_SqlFunctionAndCSharpCopy_AgreeOnEveryCharacter()
    {
        // Every code point of the blocks a release may hold (ASCII, Latin-1 and Extended-A/B, Thai, general
        // punctuation, symbols, CJK punctuation, specials) and emoji, each between two letters, plus real mixed text.
        var samples = new List<string>();
        foreach (var (first, last) in new[] { (0x01, 0x24F), (0x0E00, 0x0E7F), (0x2000, 0x2C00), (0x3000, 0x3040), (0xFE00, 0xFE10), (0xFEFF, 0xFEFF), (0xFFF0, 0xFFFD), (0x1F000, 0x1F010), (0x1F600, 0x1F610), (0x1FAF0, 0x1FB00) })
        {
            for (var c = first; c <= last; c++)
            {
                samples.Add("a" + char.ConvertFromUtf32(c) + "Z");
            }
        }

        samples.Add("Jérémy ÉCOLE Thailand's T-pop m-culture.go.th 2024-06-28 a\\b it''s \"quoted\" ภาพยนตร์ เกาหลี ๆ ฯ 🇹🇭🍜 x\u200By");
        samples.Add(new string('ก', 150) + " " + string.Concat(Enumerable.Repeat("é", 120)));
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT atlas_search_words(t) FROM unnest(@texts) WITH ORDINALITY AS s (t, n) ORDER BY n", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. samples] });
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read())
        {
            var sql = reader.GetFieldValue<string[]>(0);
            var csharp = PostgresLexemes.Of(samples[i]);
            Assert.True(sql.SequenceEqual(csharp), string.Create(CultureInfo.InvariantCulture, $"U+{char.ConvertToUtf32(samples[i], 1):X4} in '{samples[i]}': SQL [{string.Join('|', sql)}] C# [{string.Join('|', csharp)}]"));
            i++;
        }

        Assert.Equal(samples.Count, i);
    }

    [Theory]
    [InlineData("ภาพยนตร์", "'ภาพยนตร์'")]
    [InlineData("\"Thai Food Festival\"", "('thai' <-> 'food' <-> 'festival')")]
    [InlineData("creat*", "'creat':*")]
    [InlineData("Thailand's", "('thailand' <-> 's')")]
    [InlineData("film OR music -japan", "(('film' | 'music')) & !('japan')")]
    public void TsQuery_Query_EveryLexemeQuotedOperatorsOurs(string text, string expected)
    {
        var tsquery = PostgresTsQuery.From(SearchQuery.Parse(text).Query!, TestText.Search);

        Assert.Equal(expected, tsquery.Expression);
    }

    [Theory]
    [InlineData("o'neil", "'o''neil'")]
    [InlineData("a\\b", "'a\\\\b'")]
    [InlineData("':*&|!()<->", "''':*&|!()<->'")]
    public void Quote_QuoteBackslashOrOperators_ReadLiterallyByTsQueryInput(string lexeme, string expected)
    {
        Assert.Equal(expected, PostgresTsQuery.Quote(lexeme));
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT (SELECT array_agg(lexeme) FROM unnest(tsvector(@q::tsquery::text)))::text[]", connection);
        command.Parameters.AddWithValue("q", PostgresTsQuery.Quote(lexeme));
        Assert.Equal([lexeme], (string[])command.ExecuteScalar()!);
    }

    [Fact]
    public void Open_DatabaseFromBeforeSearch_IndexesDocumentsWithSegmentedTitlesDatesAndFacets()
    {
        using var database = new PostgresStoreFixture();
        var search = PostgresMigrator.Migrations.Single(m => m.Name == "search").Version;
        foreach (var migration in PostgresMigrator.Migrations.Where(m => m.Version < search))
        {
            PostgresStoreFixture.Execute(database.ConnectionString, migration.Sql);
        }

        PostgresStoreFixture.Execute(database.ConnectionString, $"""
            CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL);
            INSERT INTO schema_migrations SELECT v, 'old', now() FROM generate_series(1, {search - 1}) v;
            INSERT INTO documents (source, format, title, language, encoding, original_text, clean_text, segmented_text, content_hash, sim_hash, ingested_at)
            VALUES ('old.md', 'markdown', 'กรมการท่องเที่ยวจับมือเกาหลีใต้', 'th', 'utf-8', '{Samples.ThaiSegmented}', '{Samples.ThaiSegmented}', '{Samples.ThaiSegmented}', '{new string('a', 64)}', 1, now());
            INSERT INTO engagements (document_id, ordinal, type, date, evidence_start, evidence_end) SELECT id, 0, 'meeting', '2024-06-28', 0, 10 FROM documents;
            INSERT INTO engagement_countries (engagement_id, country) SELECT id, 'FR' FROM engagements;
            """);

        using var store = database.Open(TimeProvider.System);
        var index = SearchIndexes.For(store);

        var title = index.Search(SearchQuery.Parse("เกาหลีใต้").Query!, SearchPage.Default); // a word of the title only
        var body = index.Search(SearchQuery.Parse("ปารีส country:FR year:2024").Query!, SearchPage.Default);
        Assert.Equal(1, title.Total);
        Assert.Equal(1, body.Total);
        Assert.Equal("2024-06-28", body.Hits.Single().Date);
        Assert.True(body.Hits.Single().DateFromEngagement);
        Assert.Equal([new FacetCount("FR", "France", 1)], body.Facets.Country);
        Assert.Equal([new FacetCount("meeting", "meeting", 1)], body.Facets.Type);
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM documents WHERE search_title = 'กรมการท่องเที่ยว จับ มือ เกาหลีใต้'"));
    }

    [Fact]
    public void Add_DocumentOfMoreWordsThanATsvectorHolds_StoredAndItsFirstWordsFound()
    {
        using var database = new PostgresStoreFixture();
        using var store = database.Open(TimeProvider.System);
        // 40,000 distinct 40-character words: about 1.6 MB of lexemes, over tsvector's 1 MB.
        var words = Enumerable.Range(0, 40_000).Select(i => "w" + i.ToString("D6", CultureInfo.InvariantCulture) + new string('x', 33)).ToList();
        var text = "ภาพยนตร์ " + string.Join(' ', words);
        using (var batch = store.BeginBatch())
        {
            batch.Add(Samples.Document(text) with { Title = "huge" });
            batch.Commit();
        }

        var index = SearchIndexes.For(store);
        Assert.Equal(1, index.Search(SearchQuery.Parse("ภาพยนตร์").Query!, SearchPage.Default).Total);
        Assert.Equal(1, index.Search(SearchQuery.Parse(words[100]).Query!, SearchPage.Default).Total);
        Assert.Equal(0, index.Search(SearchQuery.Parse(words[30_000]).Query!, SearchPage.Default).Total);
    }

    [Fact]
    public void Search_DeletedDocument_LeavesIndexAndFacets()
    {
        using var database = new PostgresStoreFixture();
        using var store = database.Open(TimeProvider.System);
        using (var batch = store.BeginBatch())
        {
            batch.Add(Samples.Document(Samples.ThaiSegmented) with { Source = "a.txt", Published = "2024-06-28" });
            batch.Add(Samples.Document(Samples.ThaiSegmented + " ภาพยนตร์") with { Source = "b.txt", Published = "2023-01-01" });
            batch.Commit();
        }

        var index = SearchIndexes.For(store);
        var query = SearchQuery.Parse("อาหาร").Query!;
        Assert.Equal(2, index.Search(query, SearchPage.Default).Facets.Year.Sum(y => y.Count));

        PostgresStoreFixture.Execute(database.ConnectionString, "DELETE FROM documents WHERE source = 'a.txt'");

        var after = index.Search(query, SearchPage.Default);
        Assert.Equal(1, after.Total);
        Assert.Equal([new FacetCount("2023", "2023", 1)], after.Facets.Year);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM document_search") - 1);
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(Corpus.Database.ConnectionString);
        connection.Open();
        return connection;
    }
}
