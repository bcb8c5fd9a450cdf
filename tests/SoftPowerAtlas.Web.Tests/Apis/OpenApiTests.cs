using System.Text.Json;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Apis;

/// <summary>The API reference a script writer reads: every operation, parameter and response of /api/ says what it is.</summary>
public sealed class OpenApiTests : WebTest
{
    [Fact]
    public async Task OpenApi_EveryParameter_HasADescription()
    {
        var missing = Operations(await GetJson("/openapi/v1.json"))
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().Select(p => (o.Name, Parameter: p)) : [])
            .Where(x => !HasText(x.Parameter, "description"))
            .Select(x => $"{x.Name} {x.Parameter.GetProperty("in").GetString()}:{x.Parameter.GetProperty("name").GetString()}")
            .ToList();
        Assert.True(missing.Count == 0, "parameters without a description:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task OpenApi_EveryOperation_HasASummaryAndDescribedResponsesIncludingErrors()
    {
        var operations = Operations(await GetJson("/openapi/v1.json")).ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations: is /api/ still described?");
        var missing = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (!HasText(operation, "summary"))
            {
                missing.Add($"{name}: no summary");
            }

            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            if (!responses.Any(r => r.Name.StartsWith('2')))
            {
                missing.Add($"{name}: no success response");
            }

            missing.AddRange(responses.Where(r => !HasText(r.Value, "description") || r.Value.GetProperty("description").GetString()!.Length < 12)
                .Select(r => $"{name} {r.Name}: response not described"));
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task OpenApi_RequestBody_IsDescribed()
    {
        var missing = Operations(await GetJson("/openapi/v1.json"))
            .Where(o => o.Operation.TryGetProperty("requestBody", out var body) && !HasText(body, "description"))
            .Select(o => o.Name)
            .ToList();
        Assert.True(missing.Count == 0, "request bodies without a description: " + string.Join(", ", missing));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch").Select(m => ($"{m.Name.ToUpperInvariant()} {p.Name}", m.Value)));

    private static bool HasText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());
}
