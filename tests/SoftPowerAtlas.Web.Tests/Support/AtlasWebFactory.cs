using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>
/// The whole application over one test's database (a SQLite path or a PostgreSQL address), through the real HTTP pipeline in memory.
/// <paramref name="settings"/> adds configuration (e.g. <c>Atlas:Auth</c>, <c>urls</c>). Passwords are
/// hashed with a low PBKDF2 cost so sign-in tests stay quick (the default cost has its own test).
/// With a <paramref name="clock"/>, the app reads that clock instead of the system's.
/// </summary>
public sealed class AtlasWebFactory(string database, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public const int TestIterations = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Atlas:Database", database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services => services.AddSingleton(new PasswordHasher(TestIterations)).AddSingleton(TestText.Shared));
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
