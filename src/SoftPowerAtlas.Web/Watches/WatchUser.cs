using System.Globalization;
using System.Security.Claims;

namespace SoftPowerAtlas.Web.Watches;

/// <summary>
/// Whose watches a request may see: the stored user it signed in as (cookie or API key). The local
/// admin of a laptop atlas has no account, so no watches; an anonymous caller has none either.
/// </summary>
public static class WatchUser
{
    /// <summary>The user's id, or null for the local admin and anonymous callers.</summary>
    public static long? Id(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true
        && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
