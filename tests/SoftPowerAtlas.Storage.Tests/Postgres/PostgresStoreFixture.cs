using System.Globalization;
using Npgsql;
using SoftPowerAtlas.Storage.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Postgres;

/// <summary>
/// A database of its own on the test server (created empty, dropped after the test). The server is
/// the throwaway cluster <c>scripts/test.sh</c> starts on 127.0.0.1 and names in <c>ATLAS_TEST_POSTGRES</c>.
/// </summary>
public sealed class PostgresStoreFixture : StoreFixture
{
    public const string ServerVariable = "ATLAS_TEST_POSTGRES";

    public PostgresStoreFixture()
    {
        Server = ServerConnectionString();
        DatabaseName = "atlas_test_" + Guid.NewGuid().ToString("N");
        Execute(Server, $"CREATE DATABASE {DatabaseName} ENCODING 'UTF8' TEMPLATE template0");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>The test server's maintenance database.</summary>
    public string Server { get; }

    public string DatabaseName { get; }

    /// <summary>The test's own database, as an Npgsql connection string.</summary>
    public string ConnectionString { get; }

    public override int LatestSchemaVersion => PostgresMigrator.LatestVersion;

    public override IAtlasStore Open(TimeProvider clock) => PostgresAtlasStore.Open(ConnectionString, TestText.Shared, clock);

    public override long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public override string? Text(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() as string;
    }

    /// <summary>The server from <c>ATLAS_TEST_POSTGRES</c>; without it the tests fail and say how to get one.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL on 127.0.0.1, " +
                $"or set it to a connection string of a server where this user may create databases.");

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(Server, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
    }
}
