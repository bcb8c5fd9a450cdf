using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Collection;
using Spectre.Console;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas collect</c>: fetch every source's new and changed articles and ingest them, once or on a schedule.</summary>
internal static class CollectCommand
{
    /// <summary>Waits at least this long are printed.</summary>
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(3);

    public static Command Create(Option<string> db, CliConsole console)
    {
        var every = new Option<string?>("--every") { Description = "Keep collecting, pausing this long between runs (30m, 2h, 1d) until Ctrl+C." };
        var maxItems = new Option<int?>("--max-items") { Description = "Fetch at most N articles per run; the rest wait for the next run (new articles first)." };
        var delay = new Option<string>("--delay") { Description = "Least time between two requests to one host (a longer robots.txt Crawl-delay wins).", DefaultValueFactory = _ => "1s" };
        var timeout = new Option<string>("--timeout") { Description = "Longest wait for one response.", DefaultValueFactory = _ => "30s" };
        var contact = new Option<string>("--contact")
        {
            Description = "A URL or e-mail address site owners can reach you at, sent in the User-Agent. Default: $ATLAS_CONTACT.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ATLAS_CONTACT") is { Length: > 0 } env ? env : new FetchPolicy().Contact,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only failures and the summary." };
        var allowPrivate = new Option<bool>("--allow-private")
        {
            Description = "Also fetch loopback, private (10.x, 192.168.x, fc00::/7), link-local and multicast addresses: an intranet's feeds.\n"
                + "Off by default, so a feed or a redirect cannot make atlas read this machine or its network.",
        };
        var command = new Command("collect", "Fetch the sources added with 'atlas source add', download each new or changed article, and ingest it.\n"
            + "Polite: robots.txt, one request per host per --delay, conditional requests, retries with back-off. A page already held is\n"
            + "asked for again only conditionally and stored again only when it changed.")
        {
            every,
            maxItems,
            delay,
            timeout,
            contact,
            quiet,
            allowPrivate,
        };
        command.SetAction((parse, cancel) =>
        {
            TimeSpan? interval = null;
            if (parse.GetValue(every) is { } everyText && (interval = CollectSchedule.ParseInterval(everyText)) is null)
            {
                return Usage(console, $"--every '{everyText}' is not a duration like 30m, 2h or 1d");
            }

            if (parse.GetValue(maxItems) is { } max && max < 1)
            {
                return Usage(console, "--max-items must be at least 1");
            }

            var delayText = parse.GetValue(delay)!;
            var pace = delayText.Trim() == "0" ? TimeSpan.Zero : CollectSchedule.ParseInterval(delayText);
            if (pace is null)
            {
                return Usage(console, $"--delay '{delayText}' is not a duration like 1s or 0.5s (0 for none)");
            }

            var timeoutText = parse.GetValue(timeout)!;
            if (CollectSchedule.ParseInterval(timeoutText) is not { } wait)
            {
                return Usage(console, $"--timeout '{timeoutText}' is not a duration like 30s");
            }

            var policy = new FetchPolicy
            {
                PerHostInterval = pace.Value,
                Timeout = wait,
                Contact = parse.GetValue(contact)!,
                AllowPrivateAddresses = parse.GetValue(allowPrivate),
            };
            return RunAsync(parse.GetValue(db)!, policy, interval, parse.GetValue(maxItems), parse.GetValue(quiet), console, cancel);
        });
        return command;
    }

    private static Task<int> Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"atlas: {message}");
        return Task.FromResult(AtlasCommand.UsageError);
    }

    private static async Task<int> RunAsync(string dbPath, FetchPolicy policy, TimeSpan? every, int? maxItems, bool quiet, CliConsole console, CancellationToken cancel)
    {
        if (!AtlasStores.Exists(dbPath))
        {
            await console.Error.WriteLineAsync($"atlas: no database at {dbPath} (add a source with 'atlas source add URL', or pass --db)");
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            using var store = AtlasStores.Open(dbPath, console.Text);
            var sources = new SourceStore(store, TimeProvider.System);
            if (sources.List().Count == 0)
            {
                await console.Error.WriteLineAsync($"atlas: no sources in {AtlasStores.Describe(dbPath)}; add one with 'atlas source add URL'");
                return AtlasCommand.SomeInputsFailed;
            }

            var anyFailed = false;
            try
            {
                await CollectSchedule.RunAsync(
                    async token =>
                    {
                        using var fetcher = new WebFetcher(policy, TimeProvider.System) { OnWait = quiet ? null : wait => SayWaiting(console, wait) };
                        var collector = new Collector(store, sources, CommandHelpers.BudgetedPipeline(console), fetcher, TimeProvider.System) { MaxItems = maxItems };
                        var summary = await RunOnceAsync(collector, quiet, console, token);
                        await PrintAsync(summary, quiet, console, every);
                        anyFailed = summary.Failed > 0 || summary.FailedSources > 0;
                    },
                    every,
                    TimeProvider.System,
                    cancel);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                await console.Out.WriteLineAsync("Stopped. What was fetched is recorded; the next 'atlas collect' continues from there.");
                return every is null ? AtlasCommand.SomeInputsFailed : AtlasCommand.Ok;
            }

            return every is null && anyFailed ? AtlasCommand.SomeInputsFailed : AtlasCommand.Ok;
        }
        catch (StoreException e)
        {
            await console.Error.WriteLineAsync($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    /// <summary>Long waits are said, so a run that pauses for a site's Crawl-delay does not look hung.</summary>
    private static void SayWaiting(CliConsole console, FetchWait wait)
    {
        if (wait.Delay < LongWait)
        {
            return;
        }

        var line = wait.Kind == FetchWaitKind.Pace
            ? string.Create(CultureInfo.InvariantCulture, $"  waiting {wait.Delay.TotalSeconds:F0} s before the next request to {wait.Uri.Authority} (its robots.txt Crawl-delay, or --delay)")
            : string.Create(CultureInfo.InvariantCulture, $"  waiting {wait.Delay.TotalSeconds:F0} s before trying {wait.Uri.AbsoluteUri} again");
        lock (console)
        {
            console.Error.WriteLine(line);
        }
    }

    private static async Task<CollectSummary> RunOnceAsync(Collector collector, bool quiet, CliConsole console, CancellationToken cancel)
    {
        if (!console.IsInteractive || quiet)
        {
            return await collector.RunAsync(null, cancel);
        }

        return await AnsiConsole.Progress()
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("checking sources", maxValue: 1);
                var progress = new Progress<CollectProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Sources + p.ItemsQueued);
                    task.Value = p.SourcesChecked + p.ItemsDone;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"sources {p.SourcesChecked}/{p.Sources}, articles {p.ItemsDone}/{p.ItemsQueued}: {p.New} new, {p.Unchanged} unchanged, {p.Failed} failed");
                });
                return await collector.RunAsync(progress, cancel);
            });
    }

    private static async Task PrintAsync(CollectSummary s, bool quiet, CliConsole console, TimeSpan? every)
    {
        var o = console.Out;
        foreach (var check in s.Sources.Where(c => c.Status is "failed" or "refused"))
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  source #{check.Source.Id} {check.Status}: {check.Reason}"));
        }

        foreach (var item in s.Items)
        {
            var line = item.Status switch
            {
                ItemStatus.New => $"  stored                   #{item.DocumentId}  {item.Url}",
                ItemStatus.Updated => $"  stored (changed page)    #{item.DocumentId}  {item.Url}",
                ItemStatus.Duplicate => $"  duplicate of             #{item.DocumentId}  {item.Url}",
                ItemStatus.Unchanged => $"  unchanged                #{item.DocumentId}  {item.Url}",
                ItemStatus.Refused => $"  refused: {item.Url}: {item.Reason}",
                _ => $"  failed: {item.Url}: {item.Reason}",
            };
            if (item.Status is ItemStatus.Refused or ItemStatus.Failed)
            {
                await console.Error.WriteLineAsync(line);
            }
            else if (!quiet)
            {
                await o.WriteLineAsync(line);
            }
        }

        var deferred = s.Deferred > 0 ? string.Create(CultureInfo.InvariantCulture, $", {s.Deferred} left for the next run") : string.Empty;
        await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Collected from {s.Sources.Count} sources ({s.FailedSources} failed): {s.New + s.Updated} new ({s.Updated} changed pages), {s.Unchanged} unchanged, {s.Failed} failed or refused{deferred}, in {s.Elapsed.TotalSeconds:F1} s."));
        if (every is { } interval)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Next run in {interval}; Ctrl+C stops."));
        }
    }
}
