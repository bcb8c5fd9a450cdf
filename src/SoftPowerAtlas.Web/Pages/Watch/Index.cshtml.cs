using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Watches;

namespace SoftPowerAtlas.Web.Pages.Watch;

/// <summary>
/// The watchlist: each of the user's watches with how much is new since they last opened it. Adding
/// one is a post from the "follow" and "save this search" buttons (<c>_WatchButton</c>). The local admin
/// of a laptop atlas has no account, and is told how to get one.
/// </summary>
public sealed class IndexModel(WatchStore watches, WatchReader reader) : PageModel
{
    /// <summary>Null when the caller has no account (the local admin).</summary>
    public IReadOnlyList<WatchNews>? Items { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
        if (WatchUser.Id(User) is { } user)
        {
            Items = [.. watches.List(user).Select(w => reader.New(w, limit: 0))];
        }
    }

    public IActionResult OnPostAdd(string? kind, string? target, string? name, bool exact)
    {
        if (WatchUser.Id(User) is not { } user)
        {
            return Forbid();
        }

        var result = WatchRules.TryParseKind(kind, out var parsed)
            ? watches.Add(user, new WatchRequest(parsed, target ?? string.Empty, name, exact))
            : WatchResult.Fail($"'{kind}' is not a kind of watch");
        if (result.Watch is { } watch)
        {
            return Redirect("/watch/" + watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Error = result.Error;
        OnGet();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
