namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// Chooses the interface language of a request: <c>?lang=th|en</c> (remembered in a cookie), else the
/// cookie, else the browser's Accept-Language, else English.
/// </summary>
public sealed class LanguageMiddleware(RequestDelegate next)
{
    public const string CookieName = "atlas-lang";

    public const string ItemKey = "atlas-lang";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.ContainsKey(ItemKey))
        {
            return next(context); // An error page re-executed for this request speaks the language already chosen.
        }

        var asked = context.Request.Query["lang"].ToString();
        string language;
        if (UiLabels.Languages.Contains(asked))
        {
            language = asked;
            context.Response.Cookies.Append(CookieName, asked, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
        }
        else if (context.Request.Cookies[CookieName] is { } cookie && UiLabels.Languages.Contains(cookie))
        {
            language = cookie;
        }
        else
        {
            var accept = context.Request.Headers.AcceptLanguage.ToString();
            language = accept.StartsWith("th", StringComparison.OrdinalIgnoreCase) ? "th" : UiLabels.Languages[0];
        }

        context.Items[ItemKey] = language;
        return next(context);
    }
}
