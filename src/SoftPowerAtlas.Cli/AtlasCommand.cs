using System.CommandLine;
using System.CommandLine.Parsing;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Cli.Commands;
using SoftPowerAtlas.Storage;

namespace SoftPowerAtlas.Cli;

/// <summary>The <c>atlas</c> command tree: global options, verbs, exit codes scripts can rely on.</summary>
public static class AtlasCommand
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>Some inputs failed (the rest were processed), or what was asked for does not exist.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int UsageError = 2;

    // clock: what "today" is for due dates and when marks are made; tests pass a fixed clock.
    // text: the words and lexicon of this run's pipeline and store; tests pass one for all their runs.
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default, TimeProvider? clock = null, TextServices? text = null)
    {
        var console = new CliConsole(output, error) { Clock = clock ?? TimeProvider.System, Text = text ?? new TextServices() };
        var db = new Option<string>("--db")
        {
            Description = "The database: a SQLite file path, or a PostgreSQL server as postgres://user:password@host:port/database or an Npgsql connection string (Host=…;Database=…). Default: $ATLAS_DB, else ./atlas.db.",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ATLAS_DB") is { Length: > 0 } env ? env : "atlas.db",
        };
        db.Validators.Add(result =>
        {
            // A typo in a folder name would otherwise create a new, empty atlas somewhere unexpected.
            if (result.GetValueOrDefault<string>() is { Length: > 0 } path
                && AtlasStores.FileFolder(path) is { Length: > 0 } folder && !Directory.Exists(folder))
            {
                result.AddError($"--db {Printable.Path(path)}: the folder {Printable.Path(folder)} does not exist (create it first, or give another path)");
            }
        });

        var budget = new Option<string?>("--budget")
        {
            Description = "The time one document's analysis may take in ingest, worker, collect and serve: 60s, 2m, 500ms, a number of seconds, or off. "
                + "A document past it, or allocating more than 8 GB under it, is ended with a message naming it and the budget, nothing of it is stored, and the rest go on; off lifts both. Default: $ATLAS_BUDGET, else 60s.",
            Recursive = true,
        };
        budget.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Analysis.Pipeline.AnalysisBudget.TryParse(value, out _))
            {
                result.AddError($"--budget {value}: not a budget (write 60s, 2m, 500ms, a number of seconds, or off)");
            }
        });

        var root = new RootCommand(
            "SoftPowerAtlas: turns Thai and English press releases on soft power and cultural diplomacy into a searchable, dated record.\n"
            + "Exit codes: 0 ok, 1 some inputs failed, 2 usage error.");
        root.Options.Add(db);
        root.Options.Add(budget);
        root.Subcommands.Add(IngestCommand.Create(db, console));
        root.Subcommands.Add(ShowCommand.Create(db, console));
        root.Subcommands.Add(SegmentCommand.Create(console));
        root.Subcommands.Add(DatesCommand.Create(console));
        root.Subcommands.Add(ExtractCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(db, console));
        root.Subcommands.Add(MigrateCommand.Create(console));
        root.Subcommands.Add(QueueCommand.Create(db, console));
        root.Subcommands.Add(WorkerCommand.Create(db, console));
        root.Subcommands.Add(Commands.Search.SearchCommand.Create(db, console));
        root.Subcommands.Add(Commands.Search.EntitiesCommand.Create(db, console));
        TrackingCommands.AddTo(root, db, console);
        Commands.Curation.CurationCommands.AddTo(root, db, console);
        root.Subcommands.Add(SourceCommand.Create(db, console));
        root.Subcommands.Add(CollectCommand.Create(db, console));
        root.Subcommands.Add(UserCommand.Create(db, console));

        // Before the parser's errors: with no verb it says only "Required command was not provided".
        if (args.Length == 0)
        {
            await error.WriteLineAsync("atlas: say what to do, e.g. 'atlas ingest samples'. Run 'atlas --help' for the verbs.");
            return UsageError;
        }

        var parse = root.Parse(args);
        var unknownOptions = UnknownOptions(parse);
        if (parse.Errors.Count > 0 || unknownOptions.Count > 0)
        {
            foreach (var option in unknownOptions)
            {
                await error.WriteLineAsync($"atlas: unknown option '{option}' (a path that begins with '-' goes after '--', or write it as ./{option})");
            }

            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"atlas: {e.Message}");
            }

            await error.WriteLineAsync("Run 'atlas --help' for usage.");
            return UsageError;
        }

        try
        {
            console.Budget = parse.GetValue(budget) is { } given && Analysis.Pipeline.AnalysisBudget.TryParse(given, out var b) ? b : Analysis.Pipeline.AnalysisBudget.FromEnvironment();
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"atlas: {e.Message}");
            return UsageError;
        }

        var config = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(config, cancel);
    }

    /// <summary>
    /// Option-like words a verb's arguments swallowed: System.CommandLine hands an unknown "--x" to an
    /// argument that takes files, so "ingest --bogus samples" would read "--bogus" as a path instead
    /// of failing as a usage error. Words after "--" are taken literally.
    /// </summary>
    private static List<string> UnknownOptions(ParseResult parse)
    {
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && positional.Contains(token.Value))
            {
                unknown.Add(token.Value);
            }
        }

        return unknown;
    }
}

/// <summary>Where a command writes; tests pass string writers, the program passes the console.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The clock of "today" (due dates) and of marks; a fixed one in tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The time one document's analysis may take in ingest, worker, collect and serve (<c>--budget</c>, else <c>$ATLAS_BUDGET</c>, else 60 s); null: none.</summary>
    public TimeSpan? Budget { get; set; } = Analysis.Pipeline.AnalysisBudget.DefaultTime;

    private AnalysisPipeline? _pipeline;
    private AnalysisPipeline? _warmPipeline;

    /// <summary>True when writing to a real terminal, so a live progress bar makes sense.</summary>
    public bool IsInteractive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>The words and lexicon the verbs' pipeline and store share, each built on first use: the program makes one, the tests one for all their runs.</summary>
    public TextServices Text { get; init; } = new();

    /// <summary>The product's pipeline over <see cref="Text"/>, built on first use, without <see cref="Budget"/>.</summary>
    internal AnalysisPipeline Pipeline => LazyInitializer.EnsureInitialized(ref _pipeline, () => AtlasPipeline.CreateDefault(Text));

    /// <summary><see cref="Pipeline"/> once warmed up (<see cref="AtlasPipeline.WarmUp"/>), for the verbs that apply a budget.</summary>
    internal AnalysisPipeline WarmPipeline => LazyInitializer.EnsureInitialized(ref _warmPipeline, () =>
    {
        AtlasPipeline.WarmUp(Pipeline);
        return Pipeline;
    });
}
