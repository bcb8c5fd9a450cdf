using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>The curation suite on a SQLite file, plus search's facets following curated rows (SQLite's search tables).</summary>
public sealed class SqliteCurationTests : CurationTests<SqliteStoreFixture>
{
    private const string Facet = "SELECT count(*) FROM document_facets WHERE facet = '{0}' AND value = '{1}'";

    [Fact]
    public void SetFactAndMerge_SearchFacetsFollowTheCuratedRows()
    {
        Assert.Equal(1, Fixture.Scalar(F("type", "mou_signing")));
        var version = Fixture.Scalar("SELECT version FROM search_state");

        Curator.SetFact(Mou, new FactEdit { Type = "visit", Countries = ["FR"] }, "somchai");

        Assert.Equal(0, Fixture.Scalar(F("type", "mou_signing")));
        Assert.Equal(1, Fixture.Scalar(F("type", "visit")));
        Assert.Equal(1, Fixture.Scalar(F("country", "FR")));
        Assert.True(Fixture.Scalar("SELECT version FROM search_state") > version, "a cached facet table would not reload");

        Curator.Merge("body:uccn", "body:unesco", "somchai");

        Assert.Equal(0, Fixture.Scalar(F("agency", "body:uccn")));
        Assert.Equal(1, Fixture.Scalar(F("agency", "body:unesco")));
    }

    private static string F(string facet, string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Facet, facet, value);
}
