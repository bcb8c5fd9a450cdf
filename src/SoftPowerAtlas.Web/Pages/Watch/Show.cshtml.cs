using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Watches;
using SoftPowerAtlas.Web.Search;
using SoftPowerAtlas.Web.Watches;

namespace SoftPowerAtlas.Web.Pages.Watch;

/// <summary>
/// One watch: the documents ingested and the commitments fallen overdue since the user last opened it;
/// opening it marks it seen. Another user's watch is not found. A new feed address is shown once, in
/// the answer to the post that makes it (only its hash is kept).
/// </summary>
public sealed class ShowModel(WatchStore watches, WatchReader reader) : PageModel
{
    /// <summary>New documents listed at most.</summary>
    public const int Shown = 100;

    public WatchNews News { get; private set; } = null!; // Set by every handler before rendering.

    /// <summary>The feed address with its token, only in the answer that made it.</summary>
    public string? FeedAddress { get; private set; }

    /// <summary>Where the watch's target is on this site: the search, the entity, the country, the sector's engagements.</summary>
    public string? TargetLink { get; private set; }

    public IActionResult OnGet(long id)
    {
        if (Load(id) is { } missing)
        {
            return missing;
        }

        watches.MarkSeen(News.Watch.UserId, id);
        return Page();
    }

    /// <param name="id">The watch.</param>
    /// <param name="since">The time the page listed what is new from (its hidden field), so the answer keeps the same list; never later than the watch's own.</param>
    public IActionResult OnPostFeed(long id, long? since)
    {
        if (Load(id, since) is { } missing)
        {
            return missing;
        }

        var token = watches.NewFeedToken(News.Watch.UserId, id);
        if (token is null)
        {
            return NotFound();
        }

        FeedAddress = WatchFeed.Address(Request, id, token);
        News = News with { Watch = News.Watch with { HasFeed = true } };
        return Page();
    }

    public IActionResult OnPostRename(long id, string? name)
    {
        if (WatchUser.Id(User) is not { } user || watches.Get(user, id) is null)
        {
            return NotFound();
        }

        var result = watches.Rename(user, id, name ?? string.Empty);
        if (result.IsSuccess)
        {
            return Redirect("/watch/" + id.ToString(CultureInfo.InvariantCulture));
        }

        Load(id);
        Error = result.Error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Why a rename was refused, shown above the form.</summary>
    public string? Error { get; private set; }

    public IActionResult OnPostDelete(long id) =>
        WatchUser.Id(User) is { } user && watches.Delete(user, id) ? Redirect("/watch") : NotFound();

    private IActionResult? Load(long id, long? since = null)
    {
        if (WatchUser.Id(User) is not { } user)
        {
            return Redirect("/watch");
        }

        if (watches.Get(user, id) is not { } watch)
        {
            return NotFound();
        }

        if (since is { } shown && shown >= 0 && shown < watch.SeenAt.ToUnixTimeMilliseconds())
        {
            watch = watch with { SeenAt = DateTimeOffset.FromUnixTimeMilliseconds(shown) };
        }

        News = reader.New(watch, Shown);
        TargetLink = watch.Kind switch
        {
            WatchKind.Search => SearchLinks.Page(watch.Target, exact: watch.Exact),
            WatchKind.Country => "/countries/" + watch.Target,
            WatchKind.Sector => "/engagements?sector=" + Uri.EscapeDataString(watch.Target),
            _ => reader.EntityId(watch.Target) is { } entity ? "/entities/" + entity.ToString(CultureInfo.InvariantCulture) : null,
        };
        return null;
    }
}
