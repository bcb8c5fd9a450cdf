using Npgsql;
using SoftPowerAtlas.Storage.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Postgres;

/// <summary>The shared store suite on a real PostgreSQL server, plus what only a server has: addresses, refusals, concurrent writers.</summary>
public sealed class PostgresStoreTests : StoreTests<PostgresStoreFixture>
{
    [Fact]
    public void Open_FreshDatabase_RecordsEachMigrationOnce()
    {
        using var again = PostgresAtlasStore.Open(Fixture.ConnectionString, TestText.Shared, Clock);

        Assert.Equal(PostgresMigrator.LatestVersion, Fixture.Scalar("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(PostgresMigrator.LatestVersion, Fixture.Scalar("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public void Open_AsUrl_SameDatabaseAsConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString);
        AddAndCommit(Samples.Document(Samples.ThaiSegmented));

        using var byUrl = AtlasStores.Open($"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}", TestText.Shared, Clock);

        Assert.IsType<PostgresAtlasStore>(byUrl);
        Assert.Equal(1, byUrl.GetStats().Documents);
    }

    [Fact]
    public void Open_NewerSchemaVersion_ThrowsAndLeavesDatabaseAlone()
    {
        PostgresStoreFixture.Execute(Fixture.ConnectionString, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', now())");

        var error = Assert.Throws<StoreException>(() => PostgresAtlasStore.Open(Fixture.ConnectionString, TestText.Shared, Clock));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, Fixture.Scalar("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public void Open_OtherApplicationsDatabase_Throws()
    {
        var other = "atlas_other_" + Guid.NewGuid().ToString("N");
        PostgresStoreFixture.Execute(Fixture.Server, $"CREATE DATABASE {other}");
        var otherConnection = new NpgsqlConnectionStringBuilder(Fixture.Server) { Database = other }.ConnectionString;
        try
        {
            PostgresStoreFixture.Execute(otherConnection, "CREATE TABLE places (name text)");

            var error = Assert.Throws<StoreException>(() => PostgresAtlasStore.Open(otherConnection, TestText.Shared, Clock));

            Assert.Contains("another application", error.Message, StringComparison.Ordinal);
            Assert.Contains(other, error.Location, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            PostgresStoreFixture.Execute(Fixture.Server, $"DROP DATABASE IF EXISTS {other} WITH (FORCE)");
        }
    }

    [Fact]
    public void Open_MissingDatabase_ThrowsSayingSoWithoutPassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(Fixture.Server) { Database = "atlas_missing_" + Guid.NewGuid().ToString("N"), Password = "s3cret-ผ่าน" };

        var error = Assert.Throws<StoreException>(() => PostgresAtlasStore.Open(builder.ConnectionString, TestText.Shared, Clock));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(builder.Database!, error.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message + error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NothingListening_ThrowsSayingServerUnreachable()
    {
        var error = Assert.Throws<StoreException>(() => PostgresAtlasStore.Open("postgres://atlas:pw@127.0.0.1:1/atlas?Timeout=2", TestText.Shared, Clock));

        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.Equal("postgres://atlas@127.0.0.1:1/atlas", error.Location);
    }

    [Fact]
    public async Task BeginBatch_TwoWritersSameText_StoredOnce()
    {
        // Two ingest workers meet the same release at once: the second waits for the first's lock,
        // then finds its text and records only its source.
        var document = Samples.Document(Samples.ThaiSegmented);
        using var other = Reopen();
        var first = Store.BeginBatch();
        Assert.Equal(IngestStatus.Added, first.Ingest(document).Status);

        var second = Task.Run(() =>
        {
            using var batch = other.BeginBatch();
            var outcome = batch.Ingest(document with { Source = "https://example.org/copy" });
            batch.Commit();
            return outcome.Status;
        });
        var finishedFirst = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(second, finishedFirst);
        first.Commit();
        first.Dispose();

        Assert.Equal(IngestStatus.ExactDuplicate, await second);
        Assert.Equal(new StoreStats(1, 0, 1, PostgresMigrator.LatestVersion), Store.GetStats());
    }
}
