using SoftPowerAtlas.Analysis.Pipeline;
using System.Net.Mime;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Apis;
using SoftPowerAtlas.Web.Dashboard;
using SoftPowerAtlas.Web.Documents;
using SoftPowerAtlas.Web.Errors;
using SoftPowerAtlas.Web.Ingest;
using SoftPowerAtlas.Web.Localization;
using SoftPowerAtlas.Web.Search;
using SoftPowerAtlas.Web.Security;
using SoftPowerAtlas.Web.Timeline;
using SoftPowerAtlas.Web.Watches;

namespace SoftPowerAtlas.Web;

/// <summary>Builds the web host: the store, the pages, the REST API, limits and security headers.</summary>
public static class AtlasWebHost
{
    /// <summary>Largest request body accepted (an upload of one file of the loader's 20 MB limit, plus form overhead).</summary>
    public const long MaxRequestBytes = 21L * 1024 * 1024;

    /// <summary>The configuration key of the per-document analysis budget of uploads (<c>60s</c>, <c>off</c>; default <c>$ATLAS_BUDGET</c>, else 60 s).</summary>
    public const string BudgetSetting = "Atlas:Budget";

    /// <summary>Longest query string accepted, in characters.</summary>
    public const int MaxQueryLength = 2048;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(AtlasWebHost).Assembly.GetName().Name,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);
        AddServices(builder.Services);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        var app = builder.Build();
        UseAtlas(app);
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // The pipeline's and search's words and lexicon: one for the host's life, or the one the caller registered (the CLI's, the tests').
        services.TryAddSingleton(_ => new TextServices());
        services.AddSingleton(sp =>
        {
            // A SQLite file or a PostgreSQL server, as the CLI's --db: every page and /api reads through the neutral readers.
            var config = sp.GetRequiredService<IConfiguration>();
            var database = config["Atlas:Database"] is { Length: > 0 } configured ? configured
                : Environment.GetEnvironmentVariable("ATLAS_DB") is { Length: > 0 } env ? env : "atlas.db";
            return AtlasStores.Open(database, sp.GetRequiredService<TextServices>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new AtlasReader(sp.GetRequiredService<IAtlasStore>()));
        services.AddSingleton(sp => new FactReader(sp.GetRequiredService<IAtlasStore>()));
        services.AddSingleton(sp =>
        {
            var pipeline = AtlasPipeline.CreateDefault(sp.GetRequiredService<TextServices>(), sp.GetRequiredService<TimeProvider>());
            AtlasPipeline.WarmUp(pipeline);
            return sp.GetRequiredService<IConfiguration>()[BudgetSetting] is { Length: > 0 } setting
                ? pipeline.WithBudget(AnalysisBudget.TryParse(setting, out var budget) ? budget : throw new FormatException($"{BudgetSetting}={setting}: not a budget (60s, 2m, off)"))
                : pipeline;
        });
        services.AddSingleton<DocumentAnnotator>();
        // One index for the host's life: its snapshot and held clause sets outlive requests.
        services.AddSingleton(sp => SearchIndexes.For(sp.GetRequiredService<IAtlasStore>(), longLived: true));
        services.AddSingleton(sp => new SubjectResolver(sp.GetRequiredService<IAtlasStore>()));
        services.AddSingleton<CommitmentTracker>();
        services.AddSingleton<AtlasExporter>();
        services.AddSingleton<TimelineService>();
        services.AddSingleton<SearchCache>();
        services.AddSingleton<OverviewCache>();
        services.AddSingleton<UploadIngester>();
        services.AddWatches();
        services.AddScoped<CurationApi.Context>();
        services.AddSingleton(UiLabels.Default);
        services.AddScoped<UiText>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache(o => o.SizeLimit = 512);
        // Thai and every other script written as characters, not entities; <, >, &, quotes are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddAuthorization(o => o.AddAtlasPolicies());
        services.AddAtlasSecurity();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(o => o.AddOperationTransformer<ApiDescriptions>().AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "SoftPowerAtlas API";
            doc.Info.Description = "Documents, entities, engagements and commitments extracted from Thai and English press releases on soft power. Lists are paged with offset and limit; every error is an RFC 7807 problem.";
            return Task.CompletedTask;
        }));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        services.AddRazorPages().ConfigureApplicationPartManager(manager =>
        {
            // `atlas serve` hosts these pages from another entry assembly: name this one explicitly.
            var assembly = typeof(AtlasWebHost).Assembly;
            if (!manager.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            }
        });
    }

    private static void UseAtlas(WebApplication app)
    {
        TrustedProxies.Use(app);
        app.UseAtlasErrors();
        app.Use(SecurityHeaders.Apply);
        app.Use(RequestLimits.RejectLongQueries);
        app.UseMiddleware<LanguageMiddleware>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting(); // here, after the error handlers: an error page re-executed by them is routed afresh
        app.UseAtlasSecurity();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAtlasApis();
        app.MapRazorPages();
        app.MapOriginalText();
        app.MapWatchFeed();
        app.MapGet("/healthz", () => TypedResults.Text("ok", MediaTypeNames.Text.Plain)).ExcludeFromDescription().AllowAnonymous();
    }
}
