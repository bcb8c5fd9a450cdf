using System.Globalization;
using Npgsql;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Postgres;
using SoftPowerAtlas.Storage.Postgres.Ingest;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// CPU time the PostgreSQL server spent for one store: the user + system time of every backend
/// connected to its database, read from /proc (the benchmark's server runs on this machine). A
/// backend that closed is not counted, so it is read while the store's pooled connections are open.
/// </summary>
internal static class ServerCpu
{
    /// <summary>Milliseconds so far; null for SQLite (no server) or when /proc cannot be read.</summary>
    public static double? Of(IAtlasStore store)
    {
        if (store is not PostgresAtlasStore postgres || !Directory.Exists("/proc"))
        {
            return null;
        }

        // Not pooled: a pooled connection could be the writer's own backend, which this one leaves out.
        var address = new NpgsqlConnectionStringBuilder(postgres.DataSource.ConnectionString) { Pooling = false };
        using var connection = new NpgsqlConnection(address.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        var total = 0.0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            total += Milliseconds(reader.GetInt32(0)) ?? 0;
        }

        return total;
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of /proc/PID/stat, in 1/100 s).</summary>
    private static double? Milliseconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>What a batch says about its own timing, where the engine records it (the PostgreSQL bulk path).</summary>
internal static class StoreTimings
{
    public static BulkTimings? Of(IIngestBatch batch) => (batch as Storage.Postgres.Ingest.PostgresIngestBatch)?.Timings;

    /// <summary>Server milliseconds per document to build the search vectors of every stored document again (the insert trigger's work), timed alone.</summary>
    public static double? SearchVectorMs(IAtlasStore store)
    {
        if (store is not PostgresAtlasStore postgres)
        {
            return null;
        }

        using var connection = postgres.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT count(atlas_search_vector(coalesce(search_title, title), segmented_text)), count(*) FROM documents", connection);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        reader.Read();
        return watch.Elapsed.TotalMilliseconds / Math.Max(1, reader.GetInt64(1));
    }
}
