using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Due;
using SoftPowerAtlas.Web.Security;
using SoftPowerAtlas.Web.Timeline;

namespace SoftPowerAtlas.Web.Pages;

/// <summary>
/// Engagements and commitments on a time axis (years, then months), newest first unless <c>order=oldest</c>,
/// filtered like <c>atlas timeline</c> and by commitment status (<c>status=overdue</c>…), a page at a time;
/// commitments flagged overdue or due soon as of today in Bangkok. Editors mark a
/// commitment done (or open again) with a form that carries the antiforgery token.
/// </summary>
public sealed class TimelineModel(TimelineService timeline, SubjectResolver resolver, AtlasReader reader, CommitmentTracker tracker, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    public FactQuery Filter { get; private set; } = FactQuery.None;

    public FilterResult? Problem { get; private set; }

    public TimelineSlice? Slice { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Slice is null ? 0 : Math.Max(1, (Slice.Total + PageSize - 1) / PageSize);

    /// <summary>The page holding the first entry dated today or later.</summary>
    public int TodayPage => Slice is null ? 1 : Math.Min(PageCount, (Slice.TodayOffset / PageSize) + 1);

    /// <summary>Entity ids of the page's parties, for links.</summary>
    public IReadOnlyDictionary<string, long> EntityIds { get; private set; } = new Dictionary<string, long>();

    public bool CanEdit { get; private set; }

    /// <summary>The statuses asked for (none: every entry).</summary>
    public IReadOnlySet<CommitmentState> States { get; private set; } = new HashSet<CommitmentState>();

    /// <summary>Oldest first when the reader asked for it; newest first by default.</summary>
    public bool OldestFirst { get; private set; }

    public async Task OnGetAsync(string[]? country, string[]? sector, string[]? agency, string[]? type, string? from, string? to, string[]? status, string? order, int? page)
    {
        Filter = new FactQuery(country, sector, agency, type, from, to);
        OldestFirst = string.Equals(order, "oldest", StringComparison.Ordinal);
        var (states, statusError) = DueList.Parse(status);
        States = states ?? new HashSet<CommitmentState>();
        var resolved = statusError is null ? Filter.Resolve(resolver) : FilterResult.Usage(statusError);
        if (resolved.Filter is null)
        {
            Problem = resolved;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var view = new TimelineView(!OldestFirst, states);
        PageNumber = Math.Max(1, page ?? 1);
        Slice = timeline.Slice(resolved.Filter, 0, 1, view);
        PageNumber = Math.Min(PageNumber, PageCount);
        Slice = timeline.Slice(resolved.Filter, (PageNumber - 1) * PageSize, PageSize, view);
        EntityIds = reader.EntityIds(Slice.Items.SelectMany(i => i.Entry.Parties).Select(p => p.Key));
        CanEdit = (await authorization.AuthorizeAsync(User, AtlasPolicies.Editor)).Succeeded;
    }

    /// <summary>POST: marks a commitment done (with an optional note), then shows the timeline again where it was.</summary>
    public Task<IActionResult> OnPostDoneAsync(string key, string? note, string? returnUrl) =>
        Edit(returnUrl, () => tracker.MarkDone(key ?? string.Empty, note is { Length: > 500 } ? note[..500] : note));

    /// <summary>POST: takes the done mark off a commitment.</summary>
    public Task<IActionResult> OnPostUndoneAsync(string key, string? returnUrl) =>
        Edit(returnUrl, () => tracker.Reopen(key ?? string.Empty));

    /// <summary>A link to this timeline's filter on another page.</summary>
    public string PageLink(int page)
    {
        var query = Query(Filter);
        var sep = query.Length == 0 ? "?" : "&";
        return "/timeline" + query + (page > 1 ? sep + "page=" + page.ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    /// <summary>A link to this filter narrowed to one year of the axis.</summary>
    public string YearLink(string year) => "/timeline" + Query(Filter.WithPeriod(year, year));

    /// <summary>The same filter as a download or API address.</summary>
    public string Export(string path) => path + Query(Filter);

    /// <summary>The filter's query string with the statuses and the order of this page.</summary>
    private string Query(FactQuery filter)
    {
        var query = filter.ToQueryString();
        var extra = (States.Count > 0 ? "status=" + string.Join(',', DueList.Statuses.Where(s => States.Contains(s.State)).Select(s => s.Name)) : string.Empty)
            + (OldestFirst ? (States.Count > 0 ? "&" : string.Empty) + "order=oldest" : string.Empty);
        return extra.Length == 0 ? query : query + (query.Length == 0 ? "?" : "&") + extra;
    }

    private async Task<IActionResult> Edit(string? returnUrl, Func<MarkResult> change)
    {
        if (!(await authorization.AuthorizeAsync(User, AtlasPolicies.Editor)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var result = change();
        if (result.Error is not null)
        {
            return BadRequest(result.Error);
        }

        var back = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/timeline", StringComparison.Ordinal) ? returnUrl : "/timeline";
        return LocalRedirect(back + "#c-" + result.Key);
    }
}
