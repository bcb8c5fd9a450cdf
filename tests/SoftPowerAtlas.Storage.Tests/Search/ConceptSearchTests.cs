using SoftPowerAtlas.Storage.Curation;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// Concept search over the samples and seed pages, written once and run on both engines: a word naming
/// a country, sector or body also finds the pages that name it in the other language or by another alias.
/// </summary>
public abstract class ConceptSearchTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus>
    where TCorpus : SearchCorpusFixture
{
    [Theory]
    [InlineData("France film")]
    [InlineData("France")]
    [InlineData("film country:FR")]
    [InlineData("french FILM")]
    public void Search_EnglishConceptWords_FindTheThaiFrenchFilmMeeting(string query)
    {
        var results = corpus.Search(query);

        Assert.Contains(results.Hits, h => h.DocumentId == corpus.Id("000_"));
        Assert.Equal(0, corpus.Search(query, exact: true).Hits.Count(h => h.DocumentId == corpus.Id("000_")));
    }

    [Fact]
    public void Search_FranceFilm_ListsBothExpansionsAndHighlightsTheThaiWords()
    {
        var results = corpus.Search("France film");

        Assert.Equal(["France", "film"], results.Expansions.Select(x => x.Written));
        Assert.Equal(["country:FR", "sector:film"], results.Expansions.Select(x => x.Concept));
        Assert.Contains("ฝรั่งเศส", results.Expansions[0].AlsoMatched);
        Assert.Contains("ภาพยนตร์", results.Expansions[1].AlsoMatched);
        var hit = results.Hits.Single(h => h.DocumentId == corpus.Id("000_"));
        var marked = hit.Snippet.Highlights.Select(h => hit.Snippet.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Contains("ฝรั่งเศส", marked);
    }

    [Theory]
    [InlineData("DASTA", "agency:dasta")]
    [InlineData("dasta", "agency:dasta")]
    [InlineData("Designated Areas for Sustainable Tourism Administration", "agency:dasta")]
    [InlineData("CEA", "agency:cea")]
    public void Search_AgencyAbbreviationOrEnglishName_FindsTheThaiPageWritingItsThaiAbbreviation(string query, string concept)
    {
        var results = corpus.Search(query);

        Assert.Contains(results.Hits, h => h.DocumentId == corpus.Id("003_"));
        Assert.Contains(results.Expansions, x => x.Concept.Split(' ').Contains(concept) && x.Written == query);
    }

    [Theory]
    [InlineData("DASTA")]
    [InlineData("France film")]
    public void Search_Exact_SearchesOnlyTheWordsAsWritten(string query)
    {
        var exact = corpus.Search(query, exact: true);

        Assert.Empty(exact.Expansions);
        Assert.Equal(0, exact.Total);
    }

    [Fact]
    public void Search_ExcludedConceptWord_ExcludesItsOtherNamesToo()
    {
        var korea = corpus.Id("th_blog_film_korea"); // it writes เกาหลีใต้, never Korea

        var results = corpus.Search("ภาพยนตร์ -Korea");

        Assert.Contains(corpus.Search("ภาพยนตร์ -Korea", exact: true).Hits, h => h.DocumentId == korea);
        Assert.DoesNotContain(results.Hits, h => h.DocumentId == korea);
        Assert.Contains(results.Expansions, x => x.Written == "Korea" && x.Concept == "country:KR" && x.AlsoMatched.Contains("เกาหลีใต้"));
    }

    [Theory]
    [InlineData("\"France\"")]
    [InlineData("Fran*")]
    [InlineData("Frankreich")]
    public void Search_QuotedPrefixOrUnknownWord_IsNotExpanded(string query) =>
        Assert.Empty(corpus.Search(query).Expansions);

    [Theory]
    [InlineData("ซอฟต์พาวเวอร์")]
    [InlineData("\"นโยบายซอฟต์พาวเวอร์\"")]
    public void Search_DocumentIndexedBeforeTheFieldLexicon_StillFoundByTheWholeWord(string query)
    {
        var id = corpus.Id("000_");
        Assert.Contains(corpus.Search(query, exact: true).Hits, h => h.DocumentId == id);

        // The page as a store indexed before the lexicon holds it: the word in ICU's pieces.
        corpus.Store.Write((connection, transaction) =>
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE documents SET segmented_text = replace(segmented_text, 'ซอฟต์พาวเวอร์', 'ซอฟต์ พา ว เวอร์') WHERE id = " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return update.ExecuteNonQuery();
        });

        var hit = Assert.Single(corpus.Search(query, exact: true).Hits, h => h.DocumentId == id);
        Assert.Contains(hit.Snippet.Highlights, x => hit.Snippet.Text.Substring(x.Start, x.Length).Contains("ซอฟต์", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_AliasAddedByCuration_IsSearchableAtOnce()
    {
        const string alias = "Thailand Sustainable Tourism Agency";
        Assert.DoesNotContain(corpus.Search(alias).Hits, h => h.DocumentId == corpus.Id("003_"));

        var added = new Curator(corpus.Store, TimeProvider.System).AddAlias("agency:dasta", alias, "somsri");
        var results = corpus.Search(alias);

        Assert.Null(added.Error);
        Assert.Contains(results.Hits, h => h.DocumentId == corpus.Id("003_"));
        Assert.Contains("อพท.", Assert.Single(results.Expansions).AlsoMatched);
    }
}

/// <summary>Concept search on SQLite.</summary>
public sealed class SqliteConceptSearchTests(SqliteSearchCorpus corpus) : ConceptSearchTests<SqliteSearchCorpus>(corpus);

/// <summary>Concept search on PostgreSQL.</summary>
public sealed class PostgresConceptSearchTests(PostgresSearchCorpus corpus) : ConceptSearchTests<PostgresSearchCorpus>(corpus);
