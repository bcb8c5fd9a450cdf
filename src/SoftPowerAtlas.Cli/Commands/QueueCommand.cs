using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Postgres.Jobs;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas queue PATH...</c>: put files on a PostgreSQL store's ingest queue for <c>atlas worker</c>s.</summary>
internal static class QueueCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders (recursively) to queue. Each file is stored in the queue as read, so workers on other machines can process it.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var status = new Option<bool>("--status") { Description = "Queue nothing: print how many jobs are queued, running, done and failed, and the failures." };
        var command = new Command(
            "queue",
            "Queue files for ingest by 'atlas worker' processes sharing a PostgreSQL database (--db postgres://…). A file already queued with the same content is not queued again.")
        {
            paths,
            status,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(db)!, parse.GetValue(paths) ?? [], parse.GetValue(status), console, cancel)));
        return command;
    }

    private static int Run(string db, string[] paths, bool status, CliConsole console, CancellationToken cancel)
    {
        if (!AtlasStores.KeepsJobQueue(db))
        {
            console.Error.WriteLine("atlas: the ingest queue lives on a PostgreSQL server; pass --db postgres://user:password@host:port/database (on a laptop, use 'atlas ingest')");
            return AtlasCommand.UsageError;
        }

        if (!status && paths.Length == 0)
        {
            console.Error.WriteLine("atlas: say what to queue (files or folders), or pass --status");
            return AtlasCommand.UsageError;
        }

        try
        {
            using var store = AtlasStores.Open(db, console.Text);
            var queue = store.JobQueue!; // KeepsJobQueue said this engine keeps one
            if (status)
            {
                PrintStatus(queue, console);
                return AtlasCommand.Ok;
            }

            var passedOver = new List<string>();
            var summary = queue.Enqueue(InputWalker.Expand(paths, passedOver), cancel);
            foreach (var problem in summary.Failed)
            {
                var line = problem.Reason.StartsWith(problem.Path, StringComparison.Ordinal) ? problem.Reason : $"{problem.Path}: {problem.Reason}";
                console.Error.WriteLine($"  failed  {Printable.Path(line)}");
            }

            console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Queued {summary.Queued} files ({summary.AlreadyQueued} already queued), {summary.Failed.Count} failed, on {queue.Location}. Start 'atlas worker' to ingest them."));
            if (InputWalker.DescribePassedOver(passedOver) is { } skipped)
            {
                console.Out.WriteLine(Printable.Path(char.ToUpperInvariant(skipped[0]) + skipped[1..] + "."));
            }
            return summary.Failed.Count == 0 ? AtlasCommand.Ok : AtlasCommand.SomeInputsFailed;
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    private static void PrintStatus(IngestJobQueue queue, CliConsole console)
    {
        var counts = queue.Counts();
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counts.Queued} queued, {counts.Running} running, {counts.Done} done, {counts.Failed} failed"));
        foreach (var failure in queue.Failures())
        {
            console.Out.WriteLine($"  failed  {Printable.Path(failure.Path)}: {Printable.Path(failure.Reason)}");
        }
    }
}
