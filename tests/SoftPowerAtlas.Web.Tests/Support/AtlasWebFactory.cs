using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>The whole application over one test's database (a SQLite path or a PostgreSQL address), through the real HTTP pipeline in memory.</summary>
public sealed class AtlasWebFactory(string database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Atlas:Database", database);
        builder.UseEnvironment("Production");
    }
}
