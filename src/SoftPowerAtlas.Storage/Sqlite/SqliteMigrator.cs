using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Sqlite;

/// <summary>
/// Brings a database to the schema this build knows, one migration per transaction, logging each
/// in <c>schema_migrations</c> and keeping <c>PRAGMA user_version</c> equal to the last one applied.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "Sqlite/Migrations/";

    private static readonly Lazy<IReadOnlyList<Migration>> LazyMigrations = new(() => Storage.Migrations.Load(ResourcePrefix));

    /// <summary>Migrations in version order, numbered 1, 2, 3... without gaps.</summary>
    public static IReadOnlyList<Migration> Migrations => LazyMigrations.Value;

    public static int LatestVersion => Migrations[^1].Version;

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies every migration above the database's version, up to <paramref name="targetVersion"/>.</summary>
    /// <exception cref="StoreException">The database is newer than this build or not an atlas store.</exception>
    public static void Migrate(SqliteConnection connection, string location, TimeProvider clock, int? targetVersion = null)
    {
        var target = targetVersion ?? LatestVersion;
        var current = ReadVersion(connection);
        if (current > LatestVersion)
        {
            throw new StoreException(
                location,
                $"the database has schema version {current} but this SoftPowerAtlas knows only up to {LatestVersion}; use a newer atlas or another file",
                null);
        }

        if (current == 0 && HasForeignTables(connection))
        {
            throw new StoreException(location, "the file is a SQLite database but not an atlas store; choose another file", null);
        }

        // Migration 16 packs the texts of stored rows with the store's own compression.
        connection.CreateFunction<string?, byte[]?>("atlas_pack", PackedText.Pack, isDeterministic: true);
        foreach (var migration in Migrations)
        {
            if (migration.Version <= current || migration.Version > target)
            {
                continue;
            }

            // IMMEDIATE takes the write lock first, so a second process opening the same file waits and
            // then sees the migration already applied instead of applying it twice.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (ReadVersion(connection, transaction) >= migration.Version)
            {
                continue;
            }

            Apply(connection, transaction, migration, clock);
            transaction.Commit();
        }
    }

    [SuppressMessage(
        "Security",
        "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The SQL is a migration script embedded in this assembly and an integer version; no input reaches it.")]
    private static void Apply(SqliteConnection connection, SqliteTransaction transaction, Migration migration, TimeProvider clock)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT;
            """;
        command.ExecuteNonQuery();

        command.CommandText = migration.Sql;
        command.ExecuteNonQuery();

        command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $appliedAt)";
        command.Parameters.AddWithValue("$version", migration.Version);
        command.Parameters.AddWithValue("$name", migration.Name);
        command.Parameters.AddWithValue("$appliedAt", SqliteValues.FormatTimestamp(clock.GetUtcNow()));
        command.ExecuteNonQuery();
        command.Parameters.Clear();

        // PRAGMA takes no parameters; the version is an int we parsed from our own resource name.
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version}");
        command.ExecuteNonQuery();
    }

    private static bool HasForeignTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
