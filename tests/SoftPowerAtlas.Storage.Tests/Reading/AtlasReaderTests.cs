using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Reading;

/// <summary>The web's read models over the real corpus, the same assertions on either engine.</summary>
public abstract class AtlasReaderTests<TFixture>(IngestedCorpus<TFixture> corpus) : IClassFixture<IngestedCorpus<TFixture>>
    where TFixture : StoreFixture, new()
{
    private AtlasReader Reader => new(corpus.Store);

    private long IdOf(string key) => Reader.EntityIds([key])[key];

    [Fact]
    public void ListEngagements_Korea_PartiesCountriesAndSectorsOfEachRow()
    {
        var page = Reader.ListEngagements(new EngagementFilter { Country = "KR" }, 0, 200);

        Assert.NotEmpty(page.Items);
        Assert.Equal(page.Items.Count, page.Total);
        Assert.All(page.Items, e => Assert.Contains("KR", e.Countries));
        var mou = Assert.Single(page.Items, e => e.Type == "mou_signing" && e.Date == "2024-02-14");
        var diprom = Assert.Single(mou.Parties, p => p.Name == "กรมส่งเสริมอุตสาหกรรม");
        Assert.Equal(("thai", IdOf("agency:diprom")), (diprom.Side, diprom.EntityId));
        Assert.Contains("design", mou.Sectors);
        Assert.Equal(mou.Sectors.Order(StringComparer.Ordinal), mou.Sectors);
        Assert.Equal(mou.Parties.Select(p => p.EntityId).Order(), mou.Parties.Select(p => p.EntityId));

        // Dated rows newest first, then undated ones.
        var dates = page.Items.Select(e => e.Date).ToList();
        Assert.Equal(dates.OrderBy(d => d is null).ThenByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public void ListEngagements_YearsAndPages_TotalOverAllPages()
    {
        var filter = new EngagementFilter { YearFrom = 2024, YearTo = 2024 };

        var first = Reader.ListEngagements(filter, 0, 5);
        var rest = Reader.ListEngagements(filter, 5, 200);

        // Every engagement of the corpus dated in 2024, over two pages.
        Assert.Equal(54, first.Total); // a day and the period holding it, told in one sentence, are one engagement
        Assert.True(first.HasNext);
        Assert.Equal(49, rest.Items.Count);
        Assert.All(first.Items.Concat(rest.Items), e => Assert.StartsWith("2024", e.Date, StringComparison.Ordinal));
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(rest.Items.Select(e => e.Id)));
    }

    [Theory]
    [InlineData("kofic")]
    [InlineData("KOREAN film")]
    [InlineData("สภาภาพยนตร์")]
    public void ListEntities_NameOrAliasAnyCase_FindsIt(string text)
    {
        var page = Reader.ListEntities(0, 20, nameContains: text);

        var entity = Assert.Single(page.Items);
        Assert.Equal(("body:kofic", "Korean Film Council", 1L), (entity.Key, entity.Name, page.Total));
        Assert.True(entity.Documents >= 1 && entity.Engagements >= 1);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public void ListEntities_LikeWildcards_AreLiteral(string text)
    {
        Assert.Equal(0, Reader.ListEntities(0, 20, nameContains: text).Total);
    }

    [Fact]
    public void ListEntities_KindAgency_OnlyAgenciesMostEngagedFirst()
    {
        var page = Reader.ListEntities(0, 200, kind: "agency");

        Assert.Equal(45, page.Total);
        Assert.All(page.Items, e => Assert.StartsWith("agency:", e.Key, StringComparison.Ordinal));
        Assert.Equal(page.Items.Select(e => e.Engagements).OrderDescending(), page.Items.Select(e => e.Engagements));
    }

    [Fact]
    public void GetEntity_Kofic_EveryAliasInOrdinalOrder()
    {
        var detail = Reader.GetEntity(IdOf("body:kofic"));

        Assert.NotNull(detail);
        Assert.Equal(["KOFIC", "Korean Film Council", "สภาภาพยนตร์เกาหลี"], detail.Aliases);
        Assert.Null(Reader.GetEntity(-1));
    }

    [Fact]
    public void EntityIds_ManyKeys_OnlyTheKnownOnes()
    {
        var keys = Enumerable.Range(0, 1200).Select(i => $"agency:none{i}").Append("agency:dasta").Append("body:kofic").ToList();

        var ids = Reader.EntityIds(keys);

        Assert.Equal(["agency:dasta", "body:kofic"], ids.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(corpus.Execute("SELECT id FROM entities WHERE key = 'agency:dasta'"), ids["agency:dasta"]);
    }

    [Fact]
    public void Overview_Corpus_CountsAndYearsAgree()
    {
        var o = Reader.Overview();

        // 78 reports of 67 engagements: tests/corpus/extra/README.md retells eleven of its pages' engagements (issue 25 counts each once).
        Assert.Equal((28L, 67L), (o.Documents, o.Engagements));
        Assert.Equal(o.Engagements + 4, o.ByType.Sum(t => t.Count)); // four of the retold ones are typed otherwise in the README: counted under both types
        // No 2009, 2021 or 2022: those engagements were history (Kanazawa joining UNESCO's network) or dated by a year alone.
        Assert.Equal(["2019", "2023", "2024", "2025"], o.ByYear.Select(y => y.Key));
        Assert.Equal(47, o.ByYear.Single(y => y.Key == "2024").Count); // 54 reports, seven of them retold by the README
        Assert.Contains(o.ByCountry, c => c.Key == "JP" && c.Count >= 2);
        Assert.Equal(o.ByCountry.Select(c => c.Count).OrderDescending(), o.ByCountry.Select(c => c.Count));
        Assert.Contains(o.Provinces, p => p.Key == "TH-10");
    }

    [Fact]
    public void Overview_DateWithoutLeadingYear_NotCountedAsAYear()
    {
        using var own = IngestedCorpus<TFixture>.Of(CorpusPaths.Seed("001"));
        var doc = own.Execute("SELECT min(id) FROM documents");
        own.Execute($"INSERT INTO engagements (document_id, ordinal, type, date, evidence_start, evidence_end) VALUES ({doc}, 90, 'meeting', 'FY2024', 0, 1)");
        own.Execute($"INSERT INTO engagements (document_id, ordinal, type, date, evidence_start, evidence_end) VALUES ({doc}, 91, 'meeting', '24-01', 0, 1)");

        var o = new AtlasReader(own.Store).Overview();

        Assert.Equal(["2024"], o.ByYear.Select(y => y.Key));
        Assert.Equal(o.Engagements - 2, o.ByYear.Sum(y => y.Count));
    }

    [Fact]
    public void Network_Corpus_ThaiAgenciesToForeignCountriesWeightedByEngagements()
    {
        var graph = Reader.Network(EngagementFilter.Any);
        var games = Reader.Network(new EngagementFilter { Sector = "games" });

        var nodes = graph.Nodes.ToDictionary(n => n.Id);
        Assert.DoesNotContain("cTH", nodes.Keys);
        Assert.All(graph.Edges, e => Assert.Equal(("agency", "country"), (nodes[e.Source].Kind, nodes[e.Target].Kind)));
        Assert.All(graph.Nodes, n => Assert.Equal(graph.Edges.Where(e => e.Source == n.Id || e.Target == n.Id).Sum(e => e.Weight), n.Weight));
        Assert.Contains(games.Nodes, n => n.Id == "cFI");
        Assert.True(games.Edges.Count < graph.Edges.Count);
    }

    [Fact]
    public void CountryPartners_Korea_ThaiAndForeignPartiesMostEngagedFirst()
    {
        var partners = Reader.CountryPartners("KR");
        var sectors = Reader.CountrySectors("KR");

        Assert.Contains(partners, p => p.Party.Name == "กรมการท่องเที่ยว" && p.Party.Side == "thai");
        Assert.Contains(partners, p => p.Party.Name == "Korean Film Council" && p.Party.Side == "foreign");
        Assert.Equal(partners.Select(p => p.Count).OrderDescending(), partners.Select(p => p.Count));
        Assert.Contains(sectors, s => s.Key == "film");
    }

    [Theory]
    [InlineData("province", "TH-10")]
    [InlineData("country", "KR")]
    public void Place_ProvinceOrCountry_DocumentsThatNameIt(string kind, string code)
    {
        var place = Reader.Place(kind, code);
        var documents = Reader.PlaceDocuments(kind, code, 0, 200);

        var expected = corpus.Execute($"SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{kind}:{code}'");
        Assert.True(expected >= 2, $"{expected} documents name {code}");
        Assert.Equal(expected, place.Documents);
        Assert.Equal(expected, documents.Total);
        Assert.Equal(documents.Items.Select(d => d.Id).Order(), documents.Items.Select(d => d.Id));
        Assert.Equal(kind == "country" ? corpus.Execute($"SELECT count(*) FROM engagement_countries WHERE country = '{code}'") : 0, place.Engagements);
        Assert.Equal(0, Reader.Place(kind, "XX").Documents);
        Assert.Contains(Reader.Overview().Provinces, p => p.Key == "TH-10" && p.Count == Reader.Place("province", "TH-10").Documents);
    }

    [Fact]
    public void ListCommitments_OfAnEntity_OnlyDocumentsItTakesPartIn()
    {
        var dasta = IdOf("agency:dasta");

        var page = Reader.ListCommitments(0, 200, entityId: dasta);
        var all = Reader.ListCommitments(0, 500);

        Assert.NotEmpty(page.Items);
        Assert.True(page.Total < all.Total);
        Assert.Contains(page.Items, c => c.Due == "FY2021");
        var documents = page.Items.Select(c => c.DocumentId).ToHashSet();
        Assert.All(documents, d => Assert.True(corpus.Execute($"SELECT count(*) FROM engagements e JOIN engagement_parties p ON p.engagement_id = e.id WHERE e.document_id = {d} AND p.entity_id = {dasta}") > 0));
        var dues = all.Items.Select(c => c.Due).ToList();
        Assert.Equal(dues.OrderBy(d => d is null).ThenBy(d => d, StringComparer.Ordinal), dues);
    }

    [Fact]
    public void Partners_Dasta_SharedEngagementsAndNotItself()
    {
        var dasta = IdOf("agency:dasta");

        var partners = Reader.Partners(dasta);
        var countries = Reader.EntityCounts(dasta, sectors: false);

        Assert.NotEmpty(partners);
        Assert.DoesNotContain(partners, p => p.Party.EntityId == dasta);
        Assert.All(partners, p => Assert.True(p.Count >= 1));
        Assert.All(countries, c => Assert.Matches("^[A-Z]{2}$", c.Key));
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteAtlasReaderTests(IngestedCorpus<SqliteStoreFixture> corpus) : AtlasReaderTests<SqliteStoreFixture>(corpus);

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresAtlasReaderTests(IngestedCorpus<PostgresStoreFixture> corpus) : AtlasReaderTests<PostgresStoreFixture>(corpus);
