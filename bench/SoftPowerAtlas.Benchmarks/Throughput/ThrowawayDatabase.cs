using Npgsql;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>A database created on the benchmark's PostgreSQL server for one run and dropped after it, whatever happens.</summary>
internal sealed class ThrowawayDatabase : IDisposable
{
    private readonly string _server;
    private readonly string _name;

    public ThrowawayDatabase(string server, string prefix)
    {
        _server = server;
        _name = prefix + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    /// <summary>How to reach the database.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
