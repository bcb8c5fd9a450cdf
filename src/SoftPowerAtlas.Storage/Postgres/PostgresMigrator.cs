using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Npgsql;

namespace SoftPowerAtlas.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database to the schema this build knows: the embedded
/// <c>Postgres/Migrations/NNNN_name.sql</c> scripts, one transaction each, logged in
/// <c>schema_migrations</c>. An advisory lock makes servers that start together apply each once.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>Key of the advisory lock held while migrating (any constant the application owns).</summary>
    private const long MigrationLock = 0x534F46_5441_4D49; // "SOFTAMI"

    private static readonly Lazy<IReadOnlyList<Migration>> LazyMigrations = new(() => Storage.Migrations.Load("Postgres/Migrations/"));

    public static IReadOnlyList<Migration> Migrations => LazyMigrations.Value;

    public static int LatestVersion => Migrations[^1].Version;

    public static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        // Two statements: a query naming a missing table fails when planned, even in an untaken branch.
        using var command = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction);
        if (!(bool)command.ExecuteScalar()!) // a SELECT of one boolean always yields one.
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <exception cref="StoreException">The database is newer than this build or holds another application's tables.</exception>
    public static void Migrate(NpgsqlConnection connection, string location, TimeProvider clock)
    {
        foreach (var migration in Migrations)
        {
            using var transaction = connection.BeginTransaction();
            using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", MigrationLock);
                lockCommand.ExecuteNonQuery();
            }

            var current = ReadVersion(connection, transaction);
            if (current > LatestVersion)
            {
                throw new StoreException(
                    location,
                    $"the database has schema version {current} but this SoftPowerAtlas knows only up to {LatestVersion}; use a newer atlas or another database",
                    null);
            }

            if (current == 0 && HasForeignTables(connection, transaction))
            {
                throw new StoreException(location, "the database holds tables of another application; use an empty database for the atlas", null);
            }

            if (current >= migration.Version)
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
        Justification = "The SQL is a migration script embedded in this assembly; no input reaches it.")]
    private static void Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, Migration migration, TimeProvider clock)
    {
        using var command = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL
            );
            """,
            connection,
            transaction);
        command.ExecuteNonQuery();

        command.CommandText = migration.Sql;
        command.ExecuteNonQuery();

        command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)";
        command.Parameters.AddWithValue("version", migration.Version);
        command.Parameters.AddWithValue("name", migration.Name);
        command.Parameters.AddWithValue("appliedAt", clock.GetUtcNow().ToUniversalTime());
        command.ExecuteNonQuery();
    }

    private static bool HasForeignTables(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'",
            connection,
            transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
