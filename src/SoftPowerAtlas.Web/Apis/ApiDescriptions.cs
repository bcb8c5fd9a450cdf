using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>
/// Fills what the API reference would otherwise leave as a bare name or reason phrase: the paging
/// parameters every list shares, and each response by what it carries here (a page of results,
/// a 400 that names the bad parameter, a 404 for an unknown id…). Endpoint-specific parameters
/// carry their own <c>[Description]</c>.
/// </summary>
public sealed class ApiDescriptions : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> SharedParameters = new(StringComparer.Ordinal)
    {
        ["offset"] = string.Create(CultureInfo.InvariantCulture, $"How many items of the list to skip, 0 to {Paging.MaxOffset} (default 0)."),
        ["limit"] = string.Create(CultureInfo.InvariantCulture, $"Items per page, 1 to {Paging.MaxLimit} (default {Paging.DefaultLimit})."),

        // The fact filters of FactQuery (timeline, exports): [AsParameters] members cannot carry [Description] (the OpenAPI generator fails on them).
        ["country"] = "Partner country: ISO code (FR), English or Thai name (France, ฝรั่งเศส); repeatable or comma-separated.",
        ["sector"] = "Sector id (film, music, food…); repeatable or comma-separated.",
        ["agency"] = "Agency or organisation taking part, by any name or abbreviation, Thai or English (อพท., DASTA, agency:dasta); repeatable or comma-separated.",
        ["type"] = "Engagement type (mou_signing, meeting…) or commitment; repeatable or comma-separated.",
        ["from"] = "Start of the period: YYYY, YYYY-MM, YYYY-MM-DD or FY2025 (a partial date overlapping it counts).",
        ["to"] = "End of the period, inclusive: YYYY, YYYY-MM, YYYY-MM-DD or FY2025.",
    };

    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal)
    {
        ["200"] = "Success: the result as JSON (a list is a page: items, total, offset and limit).",
        ["201"] = "Created: the new item as JSON, its address in the Location header.",
        ["204"] = "Done: nothing to answer.",
        ["400"] = "A parameter or the body could not be used: an RFC 7807 problem naming each bad value and why.",
        ["401"] = "Not signed in: send a session cookie or an API key (Authorization: Bearer KEY).",
        ["403"] = "Signed in, but the role does not allow this: an RFC 7807 problem.",
        ["404"] = "No such item (id, key or code): an RFC 7807 problem.",
        ["409"] = "Refused because of the current state (e.g. a later edit depends on this one): an RFC 7807 problem.",
        ["413"] = "The upload is larger than the server accepts.",
        ["500"] = "The server failed: an RFC 7807 problem with a trace id, never the exception.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (string.IsNullOrWhiteSpace(parameter.Description) && parameter.Name is { } name && SharedParameters.TryGetValue(name, out var text))
            {
                parameter.Description = text;
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse r && (r.Description is null || r.Description.Length < 12))
            {
                r.Description = status == "200" && IsFile(r) ? "Success: the file, as the format asked for." : Statuses.GetValueOrDefault(status, r.Description ?? status);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsFile(OpenApiResponse response) =>
        response.Content is { Count: > 0 } content && !content.Keys.Any(k => k.Contains("json", StringComparison.Ordinal));
}
