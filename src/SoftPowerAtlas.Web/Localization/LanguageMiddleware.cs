using StringWithQualityHeaderValue = Microsoft.Net.Http.Headers.StringWithQualityHeaderValue;

namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// Chooses the interface language of a request, Thai first: <c>?lang=th|en</c> (remembered in a cookie),
/// else the cookie, else English only when the browser ranks English above Thai (<see cref="FromAcceptLanguage"/>), else Thai.
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
            language = FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString());
        }

        context.Items[ItemKey] = language;
        return next(context);
    }

    /// <summary>
    /// English when the header's best-ranked English tag outranks every Thai tag (ties go to Thai, as
    /// does a header naming neither, or one that cannot be read); otherwise Thai.
    /// </summary>
    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)
            || !StringWithQualityHeaderValue.TryParseList(header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), out var ranked))
        {
            return UiLabels.Languages[0];
        }

        double Best(string language) => ranked
            .Where(r => r.Value.Equals(language, StringComparison.OrdinalIgnoreCase) || r.Value.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();

        var english = Best("en");
        return english > 0 && english > Best("th") ? "en" : "th";
    }
}
