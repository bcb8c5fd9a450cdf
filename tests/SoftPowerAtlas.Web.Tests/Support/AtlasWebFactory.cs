using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>The whole application over one test's database, through the real HTTP pipeline in memory.</summary>
/// <remarks>With a <paramref name="clock"/>, the app reads that clock instead of the system's.</remarks>
public sealed class AtlasWebFactory(string databasePath, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Atlas:Database", databasePath);
        builder.UseEnvironment("Production");
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
