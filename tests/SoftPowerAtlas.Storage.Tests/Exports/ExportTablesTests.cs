using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Exports;

/// <summary>The document and entity tables of <c>atlas export</c>, the same values from either engine.</summary>
public abstract class ExportTablesTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private readonly IngestedCorpus<TFixture> _corpus;

    protected ExportTablesTests()
    {
        _corpus = IngestedCorpus<TFixture>.Of(CorpusPaths.Seed("001"));
    }

    public void Dispose()
    {
        _corpus.Dispose();
        GC.SuppressFinalize(this);
    }

    private AtlasExporter Exporter => new(_corpus.Reader, _corpus.Clock);

    [Fact]
    public void Documents_TextMetAgainElsewhere_EverySourceInTheOrderMetAndIngestTime()
    {
        var copies = new[] { "z/copy.txt", "a/copy.txt" }.Select(n => _corpus.Write(n, File.ReadAllText(CorpusPaths.Seed("001")))).ToList();
        _corpus.Ingest(copies[0]);
        _corpus.Ingest(copies[1]);

        var table = Exporter.Documents();

        var row = Assert.Single(table.Rows);
        var column = table.Columns.ToList();
        Assert.Equal([CorpusPaths.Seed("001"), copies[0], copies[1]], (string[])row[column.IndexOf("sources")]!);
        Assert.Equal("2024-06-28T03:30:15.1230000Z", row[column.IndexOf("ingested_at")]);
        Assert.Equal(_corpus.Execute("SELECT count(*) FROM engagements"), row[column.IndexOf("engagements")]);
    }

    [Fact]
    public void Entities_Agency_AliasesInOrdinalOrderWithCounts()
    {
        var table = Exporter.Entities();

        var column = table.Columns.ToList();
        var cdd = Assert.Single(table.Rows, r => (string)r[column.IndexOf("key")]! == "agency:cdd");
        var aliases = (string[])cdd[column.IndexOf("aliases")]!;
        Assert.Equal(aliases.Order(StringComparer.Ordinal), aliases);
        Assert.Contains("พช.", aliases);
        Assert.Equal(("agency", 1L), ((string)cdd[column.IndexOf("kind")]!, (long)cdd[column.IndexOf("documents")]!));
        Assert.Equal(table.Rows.Select(r => (string)r[column.IndexOf("key")]!).Order(StringComparer.Ordinal), table.Rows.Select(r => (string)r[column.IndexOf("key")]!));
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteExportTablesTests : ExportTablesTests<SqliteStoreFixture>;

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresExportTablesTests : ExportTablesTests<PostgresStoreFixture>;
