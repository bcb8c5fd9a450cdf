using System.Globalization;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Reports;

/// <summary>What the Markdown and HTML dossiers share: headings, wording, and which addresses may become links.</summary>
internal static class DossierText
{
    public static string Title(Dossier d) => d.Subject.Kind == "country"
        ? $"{d.Subject.Name} ({d.Subject.Key}) — country dossier"
        : $"{d.Subject.Name} — {d.Subject.Kind} dossier";

    public static string AlsoKnownAs(Dossier d) =>
        string.Join(", ", d.Subject.Names.Where(n => n != d.Subject.Name).Distinct(StringComparer.Ordinal).Take(12));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string When(FactDate? date) => date is { } d ? d.Written.Replace('T', ' ') : "no date";

    public static string Offsets(SourceRef s) =>
        string.Create(CultureInfo.InvariantCulture, $"doc #{s.DocumentId}, characters {s.Start}–{s.End}");

    public static string State(DueItem i) => i.State switch
    {
        CommitmentState.Overdue => string.Create(CultureInfo.InvariantCulture, $"overdue by {-i.DaysLeft} days"),
        CommitmentState.DueSoon => string.Create(CultureInfo.InvariantCulture, $"due in {i.DaysLeft} days"),
        CommitmentState.ReportedDone => "reported done, to confirm",
        CommitmentState.ReportedDelayed => "reported postponed, to confirm",
        CommitmentState.ReportedChanged => "reported called off, to confirm",
        _ => "open",
    };

    public static string Parties(EngagementFact e, string side) =>
        string.Join("; ", e.Parties.Where(p => p.Side == side).Select(p => p.Name));

    /// <summary>Only http and https addresses become links: a page could give "javascript:" or "data:" as its address.</summary>
    public static Uri? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
