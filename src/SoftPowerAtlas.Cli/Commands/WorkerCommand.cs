using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Collection;
using SoftPowerAtlas.Storage.Postgres.Jobs;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas worker</c>: ingest queued jobs of a PostgreSQL store, alongside any number of other workers.</summary>
internal static class WorkerCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var untilDrained = new Option<bool>("--until-drained") { Description = "Stop when no job is queued or running, instead of waiting for more." };
        var batch = new Option<int>("--batch") { Description = "Jobs claimed and stored in one transaction.", DefaultValueFactory = _ => 50 };
        var lease = new Option<string>("--lease")
        {
            Description = "How long a claim holds before other workers may take over the jobs of a worker that died, e.g. 90s, 5m.",
            DefaultValueFactory = _ => "5m",
        };
        var threads = new Option<int>("--threads") { Description = "Documents analysed at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var outage = new Option<string>("--outage")
        {
            Description = "How long to wait for a database that went away (a restart, the network) before stopping with an error, e.g. 30s, 2m.",
            DefaultValueFactory = _ => "2m",
        };
        var name = new Option<string?>("--name") { Description = "How this worker signs its claims (default: host:process id); give each worker its own." };
        var command = new Command(
            "worker",
            "Ingest the jobs 'atlas queue' put on a PostgreSQL database (--db postgres://…). Run as many as you like on one or more machines: "
            + "each job is stored exactly once, a worker that dies leaves its jobs to the others when its lease passes, failures are retried with back-off, "
            + "and a database that restarts is waited for (--outage).")
        {
            untilDrained,
            batch,
            lease,
            threads,
            outage,
            name,
        };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(db)!,
            parse.GetValue(untilDrained),
            parse.GetValue(batch),
            parse.GetValue(lease)!,
            parse.GetValue(threads),
            parse.GetValue(outage)!,
            parse.GetValue(name),
            console,
            cancel));
        return command;
    }

    private static async Task<int> RunAsync(string db, bool untilDrained, int batch, string lease, int threads, string outage, string? name, CliConsole console, CancellationToken cancel)
    {
        if (!AtlasStores.KeepsJobQueue(db))
        {
            await console.Error.WriteLineAsync("atlas: workers share a PostgreSQL database; pass --db postgres://user:password@host:port/database");
            return AtlasCommand.UsageError;
        }

        if (CollectSchedule.ParseInterval(lease) is not { } leaseTime || leaseTime < TimeSpan.FromSeconds(1))
        {
            await console.Error.WriteLineAsync($"atlas: --lease '{lease}' is not a duration of at least 1 s (write e.g. 90s, 5m, 1h)");
            return AtlasCommand.UsageError;
        }

        if (CollectSchedule.ParseInterval(outage) is not { } outageLimit || outageLimit < TimeSpan.FromSeconds(1))
        {
            await console.Error.WriteLineAsync($"atlas: --outage '{outage}' is not a duration of at least 1 s (write e.g. 30s, 2m)");
            return AtlasCommand.UsageError;
        }

        if (batch < 1 || threads < 1)
        {
            await console.Error.WriteLineAsync("atlas: --batch and --threads must be at least 1");
            return AtlasCommand.UsageError;
        }

        try
        {
            using var store = AtlasStores.Open(db, console.Text);
            var queue = store.JobQueue!; // KeepsJobQueue said this engine keeps one
            var worker = new IngestWorker(queue, CommandHelpers.BudgetedPipeline(console), new DocumentLoader())
            {
                BatchSize = batch,
                Lease = leaseTime,
                Threads = threads,
                Name = name ?? $"{Environment.MachineName}:{Environment.ProcessId}",
                Reconnect = new ReconnectPolicy { GiveUpAfter = outageLimit },
                Say = line => console.Out.WriteLine("  " + line),
            };
            await console.Out.WriteLineAsync($"Worker {worker.Name} on {queue.Location}: ingesting queued jobs{(untilDrained ? " until none is left" : "; Ctrl+C to stop")}.");
            var progress = new BatchLine(console);
            WorkerProgress done;
            try
            {
                done = await worker.RunAsync(untilDrained, progress, cancel);
            }
            catch (OperationCanceledException)
            {
                await console.Out.WriteLineAsync("Stopped; jobs not committed go back to the queue when their lease passes.");
                return AtlasCommand.Ok;
            }

            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Done: {done.Jobs} jobs, {done.Stored} stored, {done.Duplicates} duplicates, {done.Failed} failed, {done.Retried} to retry."));
            return done.Failed == 0 ? AtlasCommand.Ok : AtlasCommand.SomeInputsFailed;
        }
        catch (StoreException e)
        {
            await console.Error.WriteLineAsync($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    /// <summary>One line per stored batch, written at once (not posted later, when the output may be gone).</summary>
    private sealed class BatchLine(CliConsole console) : IProgress<WorkerProgress>
    {
        public void Report(WorkerProgress p) => console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {p.Jobs} jobs: {p.Stored} stored, {p.Duplicates} duplicates, {p.Failed} failed, {p.Retried} to retry"));
    }
}
