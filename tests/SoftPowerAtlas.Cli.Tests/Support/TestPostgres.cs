using System.Globalization;
using Npgsql;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>
/// A database of its own on the test server that <c>scripts/test.sh</c> starts (named in
/// <c>ATLAS_TEST_POSTGRES</c>), dropped after the test.
/// </summary>
internal sealed class TestPostgres : IDisposable
{
    private readonly string _server;
    private readonly string _database;

    public TestPostgres(string prefix = "atlas_cli_", string? server = null)
    {
        _server = server ?? (Environment.GetEnvironmentVariable("ATLAS_TEST_POSTGRES") is { Length: > 0 } shared
            ? shared
            : throw new InvalidOperationException("ATLAS_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL."));
        _database = prefix + Guid.NewGuid().ToString("N");
        Execute(_server, $"CREATE DATABASE {_database}");
    }

    /// <summary>The database as a <c>postgres://</c> URL, the form users pass to --db.</summary>
    public string Url
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(_server);
            return string.Create(CultureInfo.InvariantCulture, $"postgres://{b.Username}@{b.Host}:{b.Port}/{_database}");
        }
    }

    public string Text(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!; // the tests' queries always yield one value.
    }

    /// <summary>An open connection of its own (not pooled) to the test's database, for a test that holds locks.</summary>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs a statement on the test's database behind the command's back.</summary>
    public void Execute(string sql) => Execute(new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString, sql);

    public long Scalar(string sql) => long.Parse(Text(sql), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
