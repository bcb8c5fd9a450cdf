using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>The REST API under <c>/api/</c>; each feature maps its own endpoints.</summary>
public static class AtlasApis
{
    public static IEndpointRouteBuilder MapAtlasApis(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AtlasPolicies.Viewer);
        api.MapDocumentsApi();
        api.MapEntitiesApi();
        api.MapFactsApi();
        api.MapIngestApi();
        api.MapCurationApi();
        api.MapSearchApi();
        api.MapTimelineApi();
        api.MapExportApi();
        api.MapWatchesApi();

        // An unknown address under /api/ is a problem, not the HTML 404 page.
        api.MapFallback(() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No API endpoint at this address; see /openapi/v1.json."))
            .ExcludeFromDescription();
        return app;
    }
}
