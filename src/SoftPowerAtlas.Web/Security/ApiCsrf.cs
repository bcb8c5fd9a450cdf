using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// CSRF protection for the API: an unsafe request (POST, PUT, PATCH, DELETE) to an API endpoint must
/// carry the page's antiforgery token in the <see cref="HeaderName"/> header unless it is authenticated
/// by an API key (a browser never adds one by itself). Pages check the token of their forms
/// themselves. In single-user mode a script on this machine (a request with neither <c>Origin</c> nor
/// <c>Sec-Fetch-Site</c>, which every browser sends) needs no token, as before sign-in existed.
/// </summary>
internal static class ApiCsrf
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static async Task Check(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method)
            || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
            || context.User.Identity?.AuthenticationType == AtlasAuth.ApiKey)
        {
            await next();
            return;
        }

        var fromBrowser = context.Request.Headers.Origin.Count > 0 || context.Request.Headers.ContainsKey("Sec-Fetch-Site");
        if (context.User.Identity?.AuthenticationType == AtlasAuth.Local && !fromBrowser)
        {
            await next();
            return;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (context.Request.Headers.ContainsKey(HeaderName) && await antiforgery.IsRequestValidAsync(context))
        {
            await next();
            return;
        }

        await AtlasAuth.Problem(
            context,
            StatusCodes.Status400BadRequest,
            "Antiforgery token missing or invalid",
            $"A browser's request that changes data must send the {HeaderName} header with the token of the page's <meta name=\"csrf-token\">; scripts use an API key instead.");
    }
}
