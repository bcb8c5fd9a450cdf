using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>Entities by any alias, any case (<c>atlas entities</c>, <c>agency:</c> filters), on either engine.</summary>
public abstract class EntitySearchTests<TFixture>(IngestedCorpus<TFixture> corpus) : IClassFixture<IngestedCorpus<TFixture>>
    where TFixture : StoreFixture, new()
{
    [Theory]
    [InlineData("อพท", "agency:dasta", "agency")]
    [InlineData("dasta", "agency:dasta", "agency")]
    [InlineData("DaStA", "agency:dasta", "agency")]
    [InlineData("thacca", "agency:thacca", "agency")]
    [InlineData("Creative Culture", "agency:thacca", "agency")]
    [InlineData("supaporn", "person:supapornintharasuk", "person")]
    [InlineData("KOFIC", "body:kofic", "body")]
    [InlineData("  kofic  ", "body:kofic", "body")]
    public void Find_AnyAliasAnyCase_FindsEntityWithKindAndDocuments(string text, string key, string kind)
    {
        var match = EntitySearch.Find(corpus.Store, text).First();

        Assert.Equal((key, kind), (match.Key, match.Kind));
        Assert.Equal(corpus.Execute($"SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.key = '{key}'"), match.Documents);
    }

    [Fact]
    public void Find_Kofic_AliasesWithoutItsNameInOrdinalOrder()
    {
        var kofic = EntitySearch.Find(corpus.Store, "kofic").First();

        Assert.Equal("Korean Film Council", kofic.Name);
        Assert.Equal(["KOFIC", "สภาภาพยนตร์เกาหลี"], kofic.Aliases);
    }

    [Fact]
    public void Find_ThaiSubstring_EveryAgencyContainingItExactNamesFirst()
    {
        var matches = EntitySearch.Find(corpus.Store, "ท่องเที่ยว", limit: 100);

        Assert.Contains(matches, m => m.Key == "agency:dot" && m.Name == "กรมการท่องเที่ยว");
        Assert.Contains(matches, m => m.Key == "agency:dasta");
        Assert.Equal("agency:dasta", EntitySearch.Find(corpus.Store, "อพท.", limit: 1).Single().Key);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("   ")]
    [InlineData("'; DROP TABLE entities; --")]
    public void Find_WildcardsBlankOrHostile_NothingAndNoHarm(string text)
    {
        Assert.Empty(EntitySearch.Find(corpus.Store, text));
        Assert.True(corpus.Execute("SELECT count(*) FROM entities") > 100);
    }

    [Theory]
    [InlineData("agency:อพท.")]
    [InlineData("agency:อพท")]
    [InlineData("agency:DASTA")]
    [InlineData("agency:dasta")]
    [InlineData("agency:\"Designated Areas for Sustainable Tourism Administration\"")]
    public void ResolveAgencies_AnyNameOfDasta_ItsKey(string text)
    {
        var query = SearchQuery.Parse(text).Query!;
        var notes = new List<string>();

        var resolved = corpus.Store.Read((connection, transaction) => EntitySearch.ResolveAgencies(connection, transaction, corpus.Store.Dialect, query, notes));

        Assert.Equal(["agency:dasta"], Assert.Single(resolved).Value);
        Assert.Empty(notes);
    }

    [Fact]
    public void ResolveAgencies_UnknownName_NoKeysAndANote()
    {
        var query = SearchQuery.Parse("agency:Narnia").Query!;
        var notes = new List<string>();

        var resolved = corpus.Store.Read((connection, transaction) => EntitySearch.ResolveAgencies(connection, transaction, corpus.Store.Dialect, query, notes));

        Assert.Empty(Assert.Single(resolved).Value);
        Assert.Contains("agency:Narnia at character 1", Assert.Single(notes), StringComparison.Ordinal);
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteEntitySearchTests(IngestedCorpus<SqliteStoreFixture> corpus) : EntitySearchTests<SqliteStoreFixture>(corpus);

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresEntitySearchTests(IngestedCorpus<PostgresStoreFixture> corpus) : EntitySearchTests<PostgresStoreFixture>(corpus);
