using SoftPowerAtlas.Analysis.Pipeline;
using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Web;
using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas serve</c>: the web application and REST API over the database, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create(Option<string> db, CliConsole console)
    {
        var port = new Option<int?>("--port") { Description = $"Port to listen on at 127.0.0.1 (default {DefaultPort})." };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on instead of 127.0.0.1, e.g. http://0.0.0.0:8080 (several separated by ';'). Any address other than loopback requires sign-in, so the database must have users (atlas user add)." };
        var auth = new Option<string>("--auth")
        {
            Description = "auto: sign-in is required when the database has users, is PostgreSQL, or is served beyond 127.0.0.1; else callers on this machine are its admin. required: always sign in.",
            DefaultValueFactory = _ => "auto",
        };
        auth.AcceptOnlyFromAmong("auto", "required");
        var proxy = new Option<string[]>("--proxy")
        {
            Description = "The address of a reverse proxy in front of atlas (repeat for several): its X-Forwarded-For and X-Forwarded-Proto are believed, "
                + "so sign-in throttling counts the real clients. From anyone else those headers are ignored.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("serve", $"Start the web application and REST API over the database on http://127.0.0.1:{DefaultPort} (pages, /api/, /openapi/v1.json). Ctrl+C stops it.")
        {
            port,
            urls,
            auth,
            proxy,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(db)!, parse.GetValue(port), parse.GetValue(urls), parse.GetValue(auth)!, parse.GetValue(proxy) ?? [], console, cancel));
        return command;
    }

    private static async Task<int> RunAsync(string dbPath, int? port, string? urls, string auth, string[] proxies, CliConsole console, CancellationToken cancel)
    {
        if (port is not null && urls is not null)
        {
            await console.Error.WriteLineAsync("atlas: give --port or --urls, not both");
            return AtlasCommand.UsageError;
        }

        if (port is < 1 or > 65535)
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"atlas: --port must be between 1 and 65535, not {port}"));
            return AtlasCommand.UsageError;
        }

        var address = string.IsNullOrWhiteSpace(urls) ? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port ?? DefaultPort}") : urls;
        var database = AtlasStores.FullAddress(dbPath);
        try
        {
            // Fail now, naming the database, rather than at the first page.
            AtlasStores.Open(database, console.Text).Dispose();
        }
        catch (StoreException e)
        {
            await console.Error.WriteLineAsync($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }

        await using var app = AtlasWebHost.Build([], builder =>
        {
            builder.WebHost.UseUrls(address);
            builder.Services.AddSingleton(console.Text);
            builder.Configuration["Atlas:Database"] = database;
            builder.Configuration[AtlasWebHost.BudgetSetting] = console.Budget is { } budget ? AnalysisBudget.Describe(budget).Replace(" ", string.Empty, StringComparison.Ordinal) : "off";
            builder.Configuration[AccessMode.AuthSetting] = auth;
            builder.Configuration[TrustedProxies.Setting] = string.Join(';', proxies);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"atlas: cannot listen on {address} ({e.Message})");
            return AtlasCommand.SomeInputsFailed;
        }
        catch (AtlasAccessException e)
        {
            await console.Error.WriteLineAsync($"atlas: {e.Message}");
            return AtlasCommand.UsageError;
        }

        await console.Out.WriteLineAsync($"Serving {AtlasStores.Describe(database)} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
        try
        {
            await app.WaitForShutdownAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: a normal stop.
        }

        return AtlasCommand.Ok;
    }
}
