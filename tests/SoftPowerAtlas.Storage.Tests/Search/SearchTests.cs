using FsCheck;
using FsCheck.Fluent;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>
/// The search contract, written once and run on every engine (<see cref="SqliteSearchTests"/>,
/// <see cref="PostgresSearchTests"/>) over the samples and seed pages, ingested through the real
/// pipeline. Where the engines differ (English stemming), each subclass tests its own behaviour.
/// </summary>
public abstract class SearchTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus>
    where TCorpus : SearchCorpusFixture
{
    protected TCorpus Corpus => corpus;

    [Fact]
    public void Fixture_IngestsSamplesAndSeeds()
    {
        Assert.Empty(corpus.Summary.Failed);
        Assert.Equal(15, corpus.Summary.Ingested);
    }

    [Fact]
    public void Search_ThaiWord_HighlightsTheWholeWord()
    {
        // Exact: ภาพยนตร์ names the film sector, which would also find the English pages saying film.
        var results = corpus.Search("ภาพยนตร์", exact: true);

        Assert.Equal(new[] { corpus.Id("th_blog_film_korea"), corpus.Id("000_") }.Order(), results.Hits.Select(h => h.DocumentId).Order());
        Assert.All(results.Hits, hit =>
        {
            Assert.NotEmpty(hit.Snippet.Highlights);
            Assert.All(hit.Snippet.Highlights, h => Assert.Equal("ภาพยนตร์", hit.Snippet.Text.Substring(h.Start, h.Length)));
        });
    }

    [Fact]
    public void Search_PartOfAThaiWord_MatchesNothingButItsPrefixDoes()
    {
        Assert.Equal(0, corpus.Search("เกาหล").Total);
        var prefix = corpus.Search("เกาหล*");
        Assert.Contains(prefix.Hits, h => h.DocumentId == corpus.Id("th_blog_film_korea"));
    }

    [Fact]
    public void Search_UnquotedThaiRun_MatchesItsWordsNearEachOther()
    {
        // ภาพยนตร์เกาหลี is not written anywhere; ภาพยนตร์ร่วมทุนไทย-เกาหลี is.
        var near = corpus.Search("ภาพยนตร์เกาหลี");
        var phrase = corpus.Search("\"ภาพยนตร์เกาหลี\"");

        Assert.Equal([corpus.Id("th_blog_film_korea")], near.Hits.Select(h => h.DocumentId));
        Assert.Equal(0, phrase.Total);
    }

    [Fact]
    public void Search_ThaiNameWrittenInOne_FoundAsOneWord()
    {
        var results = corpus.Search("กรมการพัฒนาชุมชน");

        Assert.Contains(results.Hits, h => h.DocumentId == corpus.Id("th_web_otop_fair"));
        Assert.Contains(results.Hits, h => h.Snippet.Highlights.Any(x => h.Snippet.Text.Substring(x.Start, x.Length) == "กรมการพัฒนาชุมชน"));
    }

    [Fact]
    public void Search_EnglishPrefix_MatchesEveryInflection()
    {
        // Stemming differs by engine (SQLite stems with Porter, PostgreSQL's simple words are not stemmed): a prefix works on both.
        var hit = Assert.Single(corpus.Search("sign* Ishikawa").Hits);

        Assert.Equal(corpus.Id("en_cea_mou_ishikawa"), hit.DocumentId);
        var words = hit.Snippet.Highlights.Select(h => hit.Snippet.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Contains("Ishikawa", words);
        Assert.Contains(words, w => w.StartsWith("sign", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_WithoutAccent_MatchesAccentedName()
    {
        var hit = Assert.Single(corpus.Search("jeremy").Hits);

        Assert.Equal(corpus.Id("000_"), hit.DocumentId);
        Assert.Contains(hit.Snippet.Highlights, h => hit.Snippet.Text.Substring(h.Start, h.Length) == "Jérémy");
    }

    [Fact]
    public void Search_QuotedPhrase_NeedsTheWordsInOrder()
    {
        Assert.Contains(corpus.Search("\"Thai Food Festival\"").Hits, h => h.DocumentId == corpus.Id("th_food_festival_paris"));
        Assert.Equal(0, corpus.Search("\"Festival Food Thai\"").Total);
    }

    [Fact]
    public void Search_TitleWord_RanksAboveBodyOnlyMatch()
    {
        // KOFIC is in the title of the Korean film release and in the body of no other.
        var results = corpus.Search("ภาพยนตร์");

        Assert.Equal(corpus.Id("th_blog_film_korea"), results.Hits[0].DocumentId);
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public void Search_Exclusion_RemovesDocumentsWithTheWord()
    {
        var all = Ids("ซอฟต์พาวเวอร์");
        var film = Ids("ภาพยนตร์");
        var without = Ids("ซอฟต์พาวเวอร์ -ภาพยนตร์");

        Assert.Equal(all.Except(film).Order(), without.Order());
        Assert.NotEmpty(without);
    }

    [Fact]
    public void Search_Or_IsTheUnionOfBothSides()
    {
        Assert.Equal(Ids("Tokyo").Union(Ids("Frankfurt")).Order(), Ids("Tokyo OR Frankfurt").Order());
        Assert.Equal(Ids("Tokyo", exact: true).Union(Ids("Frankfurt", exact: true)).Order(), Ids("Tokyo OR Frankfurt", exact: true).Order());
        Assert.Equal(2, Ids("Tokyo OR Frankfurt", exact: true).Count); // Tokyo alone also finds โตเกียว
    }

    [Fact]
    public void Search_CountryByCodeOrThaiName_SameDocumentsAllCarryingIt()
    {
        var byCode = corpus.Search("country:JP");
        var byName = corpus.Search("country:ญี่ปุ่น");

        Assert.Equal(byCode.Hits.Select(h => h.DocumentId), byName.Hits.Select(h => h.DocumentId));
        Assert.Equal(byCode.Total, byCode.Facets.Country.Single(c => c.Value == "JP").Count);
        Assert.Equal("Japan", byCode.Facets.Country.Single(c => c.Value == "JP").Label);
        Assert.True(byCode.Total >= 3);
    }

    [Theory]
    [InlineData("agency:อพท.")]
    [InlineData("agency:อพท")]
    [InlineData("agency:DASTA")]
    [InlineData("agency:dasta")]
    [InlineData("agency:\"Designated Areas for Sustainable Tourism Administration\"")]
    public void Search_AgencyByAnyAlias_FindsItsDocument(string query)
    {
        var results = corpus.Search(query);

        Assert.Equal([corpus.Id("003_")], results.Hits.Select(h => h.DocumentId));
        Assert.Contains(results.Facets.Agency, a => a.Value == "agency:dasta" && a.Count == 1);
    }

    [Fact]
    public void Search_UnknownAgency_NoHitsAndANote()
    {
        var results = corpus.Search("agency:Narnia");

        Assert.Equal(0, results.Total);
        Assert.Contains("agency:Narnia at character 1", Assert.Single(results.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_YearAndDateRange_KeepOnlyDocumentsDatedInside()
    {
        var year = corpus.Search("year:2023");
        var range = corpus.Search("from:2024-06 to:2024-07");

        Assert.Equal(2, year.Total);
        Assert.All(year.Hits, h => Assert.StartsWith("2023", h.Date, StringComparison.Ordinal));
        Assert.NotEmpty(range.Hits);
        Assert.All(range.Hits, h => Assert.InRange(string.CompareOrdinal(h.Date, "2024-06"), 0, int.MaxValue));
        Assert.All(range.Hits, h => Assert.True(string.CompareOrdinal(h.Date, "2024-08") < 0, h.Date));
    }

    [Fact]
    public void Search_UndatedDocument_DatedByItsFirstEngagement()
    {
        var hit = corpus.Search("agency:อพท.").Hits.Single();

        Assert.Null(hit.Published);
        Assert.Equal("2019-10", hit.Date);
        Assert.True(hit.DateFromEngagement);
        Assert.Equal(1, corpus.Search("year:2019").Total);
    }

    [Fact]
    public void Search_FiltersCombine_AndExcludedFilterDrops()
    {
        var japan = Ids("country:JP");
        var japanNotMusic = Ids("country:JP -sector:music");
        var music = Ids("sector:music");

        Assert.Equal(japan.Except(music).Order(), japanNotMusic.Order());
        Assert.Equal(Ids("country:JP sector:music").Order(), japan.Intersect(music).Order());
    }

    [Fact]
    public void Search_Facets_CountTheWholeResultNotThePage()
    {
        var results = corpus.Search("ซอฟต์พาวเวอร์", limit: 1);

        Assert.Single(results.Hits);
        Assert.True(results.Total > 3);
        Assert.Equal(results.Total, results.Facets.Year.Sum(y => y.Count));
        Assert.Equal(Ids("ซอฟต์พาวเวอร์ sector:tourism").Count, results.Facets.Sector.Single(s => s.Value == "tourism").Count);
    }

    [Fact]
    public void Search_Paging_PagesAreSlicesOfOneOrder()
    {
        var all = corpus.Search("ไทย", limit: 20).Hits.Select(h => h.DocumentId).ToList();
        var second = corpus.Search("ไทย", limit: 3, offset: 3).Hits.Select(h => h.DocumentId).ToList();

        Assert.True(all.Count > 6);
        Assert.Equal(all.Skip(3).Take(3), second);
    }

    [Fact]
    public void Search_Snippet_StartsAndEndsOnWordBoundariesOfTheCleanText()
    {
        foreach (var text in new[] { "ภาพยนตร์", "ซอฟต์พาวเวอร์", "ไทย", "creative", "country:JP" })
        {
            foreach (var hit in corpus.Search(text).Hits)
            {
                var clean = corpus.Store.GetDocument(hit.DocumentId)!.CleanText;
                var bounds = TestText.Shared.Words.Segment(clean).SelectMany(t => new[] { t.Start, t.End }).ToHashSet();
                Assert.Contains(hit.Snippet.Start, bounds);
                Assert.Contains(hit.Snippet.End, bounds);
                Assert.Equal(Fold(clean[hit.Snippet.Start..hit.Snippet.End]), hit.Snippet.Text);
                Assert.InRange(hit.Snippet.Text.Length, 1, SnippetBuilder.DefaultLength + 40);
            }
        }
    }

    [Fact]
    public void Search_TermsOfOnlyPunctuation_IgnoredWithANote()
    {
        var results = corpus.Search("!!! ภาพยนตร์");

        Assert.Equal(corpus.Search("ภาพยนตร์").Total, results.Total);
        Assert.Contains("ignored !!! at character 1", Assert.Single(results.Notes), StringComparison.Ordinal);
        Assert.Equal(0, corpus.Search("🎬").Total);
    }

    [Theory]
    [InlineData("\"foo\" OR bar)")]
    [InlineData("NEAR(film music, 2)")]
    [InlineData("film AND")]
    [InlineData("film NOT music")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("{search_title}: film")]
    [InlineData("^film")]
    [InlineData("film + music ( )")]
    [InlineData("\"a\"\"b\"")]
    [InlineData("film & !music | (creative)")]
    [InlineData("'film':* <-> music")]
    [InlineData("film <2> music")]
    [InlineData("it's \\ back\\slash'")]
    [InlineData("''' ''")]
    [InlineData("!!! && || ::")]
    public void Search_EngineSyntaxInUserText_IsSearchedAsWords(string text)
    {
        var parsed = SearchQuery.Parse(text);

        if (parsed.Query is { } query)
        {
            var results = corpus.Index.Search(query, new SearchPage());
            Assert.True(results.Total >= 0);
        }

        Assert.Equal(15, corpus.Store.GetStats().Documents);
    }

    [Fact]
    public void Search_AnyParsedQuery_NeverThrows()
    {
        var alphabet = "ab fil ไทย ก่า\"-:*()^{}+NEAR OR AND NOT country:JP year:2024 from:2024 ';\\%_&|!<> é\uD83D\uDE00".ToCharArray();
        var strings = Gen.Elements(alphabet).ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(Arb.From(strings), text =>
        {
            if (SearchQuery.Parse(text).Query is { } query)
            {
                corpus.Index.Search(query, new SearchPage(5));
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Theory]
    [InlineData("อพท", "agency:dasta", "agency")]
    [InlineData("dasta", "agency:dasta", "agency")]
    [InlineData("thacca", "agency:thacca", "agency")]
    [InlineData("Creative Culture", "agency:thacca", "agency")]
    [InlineData("supaporn", "person:supapornintharasuk", "person")]
    [InlineData("KOFIC", "body:kofic", "body")]
    public void FindEntities_AnyAliasAnyCase_FindsEntityWithKindAndDocuments(string text, string key, string kind)
    {
        var match = corpus.Index.FindEntities(text).First();

        Assert.Equal((key, kind), (match.Key, match.Kind));
        Assert.True(match.Documents >= 1);
    }

    [Fact]
    public void FindEntities_ThaiSubstring_FindsEveryAgencyContainingIt()
    {
        var matches = corpus.Index.FindEntities("ท่องเที่ยว");

        Assert.Contains(matches, m => m.Key == "agency:dot" && m.Name == "กรมการท่องเที่ยว");
        Assert.Contains(matches, m => m.Key == "agency:dasta");
        Assert.Empty(corpus.Index.FindEntities("%"));
        Assert.Empty(corpus.Index.FindEntities("   "));
    }

    [Theory]
    [InlineData("ภาพยนตร์ & !เกาหลี", "ภาพยนตร์ เกาหลี")]
    [InlineData("(Tokyo) | 'Japan'", "Tokyo Japan")]
    [InlineData("creative* <-> economy", "creative* economy")]
    [InlineData("\"Thai Food Festival\" )", "\"Thai Food Festival\"")]
    public void Search_OperatorCharactersInUserText_SameAsTheWordsAlone(string typed, string words)
    {
        var results = corpus.Search(typed);

        Assert.NotEmpty(results.Hits);
        Assert.Equal(Ids(words).Order(), results.Hits.Select(h => h.DocumentId).Order());
    }

    [Fact]
    public void Search_FilterAndExclusionWithoutWords_FilteredDocumentsWithoutTheWord()
    {
        var korea = Ids("country:KR");
        var without = Ids("country:KR -ภาพยนตร์");

        Assert.Equal(korea.Except(Ids("ภาพยนตร์")).Order(), without.Order());
        Assert.True(without.Count < korea.Count);
    }

    protected List<long> Ids(string text, bool exact = false) => corpus.Search(text, limit: 200, exact: exact).Hits.Select(h => h.DocumentId).ToList();

    private static string Fold(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
