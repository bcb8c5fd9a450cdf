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
/// "Which promises are past their date?": the commitments <c>atlas due</c> lists (overdue longest first, then
/// soonest due), filtered by agency, country, sector, status and period, each with its sentence and a link to
/// the passage in its document. Editors mark one done or dropped (or open again) with a form carrying the
/// antiforgery token; the list downloads as CSV, JSON or iCalendar with the same filters.
/// </summary>
public sealed class DueModel(CommitmentTracker tracker, SubjectResolver resolver, AtlasReader reader, IAuthorizationService authorization) : PageModel
{
    /// <summary>Most items one page shows; the exports hold every one.</summary>
    public const int MaxShown = 500;

    public FactQuery Filter { get; private set; } = FactQuery.None;

    public IReadOnlySet<CommitmentState> States { get; private set; } = DueList.Urgent;

    public FilterResult? Problem { get; private set; }

    public DueReport? Report { get; private set; }

    /// <summary>Entity ids of the parties and owners shown, for links.</summary>
    public IReadOnlyDictionary<string, long> EntityIds { get; private set; } = new Dictionary<string, long>();

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(string[]? country, string[]? sector, string[]? agency, string? from, string? to, string[]? status)
    {
        Filter = new FactQuery(country, sector, agency, null, from, to);
        var (states, statusError) = DueList.Parse(status);
        States = states ?? DueList.Urgent;
        var resolved = statusError is null ? Filter.Resolve(resolver) : FilterResult.Usage(statusError);
        if (resolved.Filter is null)
        {
            Problem = resolved;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Report = DueList.Read(tracker, resolved.Filter, States);
        EntityIds = reader.EntityIds(Report.Items.Take(MaxShown).SelectMany(i => i.Commitment.Parties).Select(p => p.Key));
        CanEdit = (await authorization.AuthorizeAsync(User, AtlasPolicies.Editor)).Succeeded;
    }

    /// <summary>POST: marks a commitment done (with an optional note), then shows the list again with its filters.</summary>
    public Task<IActionResult> OnPostDoneAsync(string key, string? note, string? returnUrl) =>
        Edit(returnUrl, actor => tracker.MarkDone(key ?? string.Empty, Note(note), actor));

    /// <summary>POST: marks a commitment dropped: it will not be kept, so it is never overdue.</summary>
    public Task<IActionResult> OnPostDropAsync(string key, string? note, string? returnUrl) =>
        Edit(returnUrl, actor => tracker.MarkDropped(key ?? string.Empty, Note(note), actor));

    /// <summary>POST: takes the done or dropped mark off.</summary>
    public Task<IActionResult> OnPostReopenAsync(string key, string? returnUrl) =>
        Edit(returnUrl, actor => tracker.Reopen(key ?? string.Empty, actor));

    /// <summary>This page's filters as a query string (statuses only when they are not the default).</summary>
    public string Query()
    {
        var query = Filter.ToQueryString();
        if (States.SetEquals(DueList.Urgent))
        {
            return query;
        }

        var status = "status=" + string.Join(',', DueList.Statuses.Where(s => States.Contains(s.State)).Select(s => s.Name));
        return query + (query.Length == 0 ? "?" : "&") + status;
    }

    /// <summary>The list with these filters as a download.</summary>
    public string Export(string format) => "/api/export/due." + format + Query();

    /// <summary>The document page with the commitment's sentence highlighted.</summary>
    public static string SourceLink(SourceRef source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return string.Create(CultureInfo.InvariantCulture, $"/documents/{source.DocumentId}?passage={source.Start}-{source.End}#passage");
    }

    private static string? Note(string? note) => note is { Length: > 500 } ? note[..500] : note;

    private async Task<IActionResult> Edit(string? returnUrl, Func<string, MarkResult> change)
    {
        if (!(await authorization.AuthorizeAsync(User, AtlasPolicies.Editor)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var result = change(User.Identity?.Name is { Length: > 0 } name ? name : "local");
        if (result.Error is not null)
        {
            return BadRequest(result.Error);
        }

        var back = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/due", StringComparison.Ordinal) ? returnUrl : "/due";
        return LocalRedirect(back);
    }
}
