using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>
/// A test with its own database of the ingested samples and a client of the app over it; SQLite
/// unless a subclass names <see cref="TestEngine.Postgres"/> (then the same tests run on PostgreSQL).
/// </summary>
public abstract class WebTest : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    protected TestDatabase Database { get; private set; } = null!; // Set in InitializeAsync, before any test runs.

    protected AtlasWebFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The clock the app reads; null: the system's.</summary>
    protected virtual TimeProvider? Clock => null;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Engine);
        Factory = new AtlasWebFactory(Database.Address, clock: Clock);
        Client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        if (Engine == TestEngine.Postgres)
        {
            // A server store always asks who is calling: the tests call as an admin with an API key.
            var users = Factory.Services.GetRequiredService<UserStore>();
            Assert.Null(users.Add("tester", UserRole.Admin, "a long enough test password").Error);
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", users.IssueKey("tester")!.Key);
        }
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Database.Dispose();
    }

    protected async Task<JsonElement> GetJson(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The id of the document ingested from the sample of this file name.</summary>
    protected async Task<long> SampleId(string fileName)
    {
        var page = await GetJson("/api/documents?limit=200");
        return page.GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("source").GetString()!.EndsWith(fileName, StringComparison.Ordinal))
            .GetProperty("id").GetInt64();
    }
}
