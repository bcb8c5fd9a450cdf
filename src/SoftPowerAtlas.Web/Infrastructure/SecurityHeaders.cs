namespace SoftPowerAtlas.Web;

/// <summary>
/// Headers on every response: a content security policy that allows scripts only from this site
/// (no inline script, so a document's text can never run), no framing, no sniffing, no referrer.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Styles may be inline because the chart, graph and API-reference libraries set element styles.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}
