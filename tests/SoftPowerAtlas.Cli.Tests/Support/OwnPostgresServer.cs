using System.Diagnostics;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server of one test's own, started, restarted and removed through
/// <c>scripts/postgres-cluster.sh</c>, for a test that restarts its server: the shared server of
/// <c>ATLAS_TEST_POSTGRES</c> serves the other test classes and test projects running at the same
/// time, and a restart would cut their connections.
/// </summary>
internal sealed class OwnPostgresServer : IDisposable
{
    private readonly string _folder;

    private OwnPostgresServer(string folder, string connectionString)
    {
        _folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>The server's <c>postgres</c> database as an Npgsql connection string (the form of <c>ATLAS_TEST_POSTGRES</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a server on a free port of 127.0.0.1 with the server binaries <c>scripts/test.sh</c> made sure of.</summary>
    public static OwnPostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable("PG_CLUSTER_DIR") is not { Length: > 0 })
        {
            throw new InvalidOperationException(
                "PG_CLUSTER_DIR is not set: run the tests with 'bash scripts/test.sh', which installs PostgreSQL and starts a throwaway server "
                + "(this test starts and restarts one more of its own beside it).");
        }

        var lines = Shell("source scripts/postgres-cluster.sh && pg_cluster_start >&2 && echo \"$PG_CLUSTER_DIR\" && echo \"$ATLAS_TEST_POSTGRES\"")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new OwnPostgresServer(lines[^2], lines[^1]);
    }

    /// <summary>What a user's <c>pg_ctl restart</c> does: a fast shutdown (open sessions are cut, their transactions rolled back), then a start; returns when the server accepts connections again.</summary>
    public void Restart() => Shell(
        $"source scripts/postgres-cluster.sh && pg_cluster_as_owner \"$(pg_cluster_bin)/pg_ctl\" -D '{_folder}/data' -l '{_folder}/server.log' -m fast -w -t 60 restart >&2");

    /// <summary>Stops the server and deletes its files.</summary>
    public void Dispose() => Shell($"PG_CLUSTER_DIR='{_folder}' && source scripts/postgres-cluster.sh && pg_cluster_stop");

    private static string Shell(string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{script}' took over 2 minutes");
        }

        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{script}' failed ({process.ExitCode}): {error.Result}");
    }
}
