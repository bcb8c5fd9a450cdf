using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>The whole application over one test's database, through the real HTTP pipeline in memory.</summary>
public sealed class AtlasWebFactory(string databasePath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Atlas:Database", databasePath);
        builder.UseEnvironment("Production");
    }
}
