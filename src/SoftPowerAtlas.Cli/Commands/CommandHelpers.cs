using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary>What several verbs share: opening an existing store; reading one document from a path or standard input and analysing it.</summary>
internal static class CommandHelpers
{
    /// <summary>Opens an existing database, SQLite or PostgreSQL; writes why not and returns null when it cannot.</summary>
    public static IAtlasStore? OpenStore(string dbPath, CliConsole console, TimeProvider? clock = null)
    {
        if (!AtlasStores.Exists(dbPath))
        {
            console.Error.WriteLine($"atlas: no database at {dbPath} (run 'atlas ingest' first, or pass --db)");
            return null;
        }

        try
        {
            return AtlasStores.Open(dbPath, console.Text, clock);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return null;
        }
    }

    /// <summary>The product's pipeline with the budget of <c>--budget</c> or <c>$ATLAS_BUDGET</c>.</summary>
    public static AnalysisPipeline BudgetedPipeline(CliConsole console) => console.WarmPipeline.WithBudget(console.Budget);

    /// <summary>Loads and analyses one file ("-" or null: standard input); writes the problem and returns null on failure.</summary>
    public static AnalyzedDocument? AnalyseOne(string? path, CliConsole console)
    {
        var loader = new DocumentLoader();
        var result = path is null or "-" ? loader.Load(Console.OpenStandardInput(), "-") : loader.Load(path);
        if (result.Document is not { } document)
        {
            console.Error.WriteLine($"atlas: {result.Error?.Message ?? $"{path}: could not be read"}");
            return null;
        }

        return console.Pipeline.Run(document);
    }
}
