using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Sqlite;

/// <summary>A real database file in a temporary folder of its own, deleted after the test.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    public SqliteStoreFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "spa-storage-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(Folder, "data", "atlas.db");
    }

    public string Folder { get; }

    /// <summary>Inside a folder that does not exist yet: Open must create it.</summary>
    public string DatabasePath { get; }

    public override IAtlasStore Open(TimeProvider clock) => SqliteAtlasStore.Open(DatabasePath, TestText.Shared, clock);

    public override int LatestSchemaVersion => SqliteMigrator.LatestVersion;

    /// <remarks>Foreign keys on, as on the store's own connections, so a delete cascades.</remarks>
    public override long Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON; " + sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string? Text(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
