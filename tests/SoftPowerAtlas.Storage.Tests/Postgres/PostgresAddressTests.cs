using SoftPowerAtlas.Storage.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Postgres;

public sealed class PostgresAddressTests
{
    [Theory]
    [InlineData("postgres://atlas:pw@db.example.org:5433/atlas", true)]
    [InlineData("postgresql://localhost/atlas", true)]
    [InlineData("POSTGRES://localhost/atlas", true)]
    [InlineData("Host=127.0.0.1;Port=5432;Username=atlas;Database=atlas", true)]
    [InlineData("Server=db;Database=atlas", true)]
    [InlineData(" host = db ; database = atlas", true)]
    [InlineData("atlas.db", false)]
    [InlineData("/data/ข่าว/atlas.db", false)]
    [InlineData("./runs/a=b.db", false)]
    [InlineData("C:\\atlas\\atlas.db", false)]
    [InlineData("postgres.db", false)]
    public void IsPostgres_Forms_TellsServerFromFile(string db, bool expected) =>
        Assert.Equal(expected, PostgresAddress.IsPostgres(db));

    [Fact]
    public void Parse_UrlWithEscapedPasswordAndSettings_AllRead()
    {
        var builder = PostgresAddress.Parse("postgres://analyst:p%40ss%3Aw0rd@db.example.org:6543/soft%20power?sslmode=disable&Timeout=5");

        Assert.Equal(("db.example.org", 6543, "analyst", "p@ss:w0rd", "soft power", 5), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.Timeout));
        Assert.Equal("postgres://analyst@db.example.org:6543/soft power", PostgresAddress.Describe(builder));
    }

    [Fact]
    public void Parse_UrlWithoutPort_DefaultPort()
    {
        Assert.Equal(5432, PostgresAddress.Parse("postgresql://db/atlas").Port);
    }

    [Fact]
    public void Parse_UnknownSetting_ThrowsWithoutPassword()
    {
        var error = Assert.Throws<StoreException>(() => PostgresAddress.Parse("postgres://a:topsecret@db/atlas?colour=blue"));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", error.Message + error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadConnectionString_ThrowsSayingSo()
    {
        var error = Assert.Throws<StoreException>(() => PostgresAddress.Parse("Host=db;Colour=blue"));

        Assert.Contains("connection string cannot be read", error.Message, StringComparison.Ordinal);
    }
}
