using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Copying;
using SoftPowerAtlas.Storage.Postgres;
using Spectre.Console;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas migrate --from atlas.db --to postgres://…</c>: move a laptop's store to a shared server.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "The SQLite store to copy (a file path).", Required = true };
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL database to copy into: postgres://user:password@host:port/database or an Npgsql connection string. It must exist and be empty.",
            Required = true,
        };
        var check = new Option<bool>("--check") { Description = "Copy nothing: compare the two databases table by table (rows and checksums) and say whether they hold the same." };
        var command = new Command(
            "migrate",
            "Copy a SQLite store into an empty PostgreSQL database, every document and fact with its ids, "
            + "and verify each table by row count and checksum before committing (a failed copy leaves the server as it was).")
        {
            from,
            to,
            check,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(check), console, cancel)));
        return command;
    }

    private static int Run(string from, string to, bool check, CliConsole console, CancellationToken cancel)
    {
        if (!PostgresAddress.IsPostgres(to))
        {
            console.Error.WriteLine($"atlas: --to must be a PostgreSQL database (postgres://user:password@host:port/database or Host=…;Database=…), not '{to}'");
            return AtlasCommand.UsageError;
        }

        if (PostgresAddress.IsPostgres(from))
        {
            console.Error.WriteLine("atlas: --from must be a SQLite file; copying from PostgreSQL is not supported");
            return AtlasCommand.UsageError;
        }

        try
        {
            if (check)
            {
                var compared = StoreCopier.Verify(from, to);
                Print(compared, "Compared", compared.Verified ? "they hold the same rows" : "they differ", console);
                return compared.Verified ? AtlasCommand.Ok : AtlasCommand.SomeInputsFailed;
            }

            var report = console.IsInteractive ? CopyWithProgress(from, to, console.Text, cancel) : StoreCopier.Copy(from, to, console.Text, cancel: cancel);
            Print(report, "Copied", "verified", console);
            return AtlasCommand.Ok;
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("atlas: migrate cancelled; nothing was committed on the server");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    private static CopyReport CopyWithProgress(string from, string to, TextServices text, CancellationToken cancel) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress<CopyProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Table, out var task))
                    {
                        task = tasks[p.Table] = ctx.AddTask(p.Table, maxValue: Math.Max(1, p.TotalRows));
                    }

                    task.Value = p.TotalRows == 0 ? 1 : p.Rows;
                });
                return StoreCopier.Copy(from, to, text, progress, cancel);
            });

    private static void Print(CopyReport report, string verb, string verdict, CliConsole console)
    {
        var o = console.Out;
        var preposition = verb == "Copied" ? "into" : "with";
        o.WriteLine($"{verb} {report.Source} {preposition} {report.Target} in {report.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s; {verdict}:");
        foreach (var t in report.Tables)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Table,-22} {t.TargetRows,10} rows  checksum {t.TargetChecksum}  {(t.Matches ? "ok" : "DIFFERS")}"));
        }
    }

    /// <summary>Reports on the copying thread: Spectre's progress context is not thread-safe to post to.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
