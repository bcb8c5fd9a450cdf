using SoftPowerAtlas.Web.Security;

namespace SoftPowerAtlas.Web.Errors;

/// <summary>
/// Where an error ends up: under <c>/api/</c> (and <c>/openapi/</c>) as an RFC 7807 problem in JSON;
/// everywhere else as the app's own page (<c>/error/{status}</c>, layout, menu and a way back) in the
/// reader's language. An exception on a page shows the 500 page with a reference, never a stack trace.
/// </summary>
public static class ErrorPages
{
    /// <summary>The page a status (or an exception, as 500) is shown on.</summary>
    public const string PathFormat = "/error/{0}";

    public static void UseAtlasErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => AtlasAuth.IsApiRequest(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !AtlasAuth.IsApiRequest(c.Request), pages =>
        {
            pages.UseExceptionHandler(string.Format(System.Globalization.CultureInfo.InvariantCulture, PathFormat, StatusCodes.Status500InternalServerError));
            pages.UseStatusCodePagesWithReExecute(PathFormat);
        });
    }
}
