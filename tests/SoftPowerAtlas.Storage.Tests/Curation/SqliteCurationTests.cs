using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>The curation suite on a SQLite file, plus the facet cache's version moving with curated rows.</summary>
public sealed class SqliteCurationTests : CurationTests<SqliteStoreFixture>
{
    [Fact]
    public void SetFact_BumpsTheSearchVersion_SoTheFacetCacheReloads()
    {
        var version = Fixture.Scalar("SELECT version FROM search_state");

        Curator.SetFact(Mou, new FactEdit { Type = "visit", Countries = ["FR"] }, "somchai");

        Assert.True(Fixture.Scalar("SELECT version FROM search_state") > version, "a cached facet table would not reload");
    }
}
