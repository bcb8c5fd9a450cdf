namespace SoftPowerAtlas.Web;

/// <summary>
/// Entry point of the web application and REST API: <c>dotnet run --project src/SoftPowerAtlas.Web</c>,
/// or <c>atlas serve</c>, which builds the same host. The database is <c>Atlas:Database</c>
/// (configuration), else <c>$ATLAS_DB</c>, else <c>./atlas.db</c>.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var app = AtlasWebHost.Build(args);
        app.Run();
    }
}
