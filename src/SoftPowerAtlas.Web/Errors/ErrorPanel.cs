namespace SoftPowerAtlas.Web.Errors;

/// <summary>
/// What an error page says: the status, a title and a sentence in the reader's language, and the
/// request's trace id for a 500 (so a report can be matched to the log; never the exception itself).
/// </summary>
public sealed record ErrorPanel(int Status, string Title, string Text, string? Reference = null)
{
    /// <summary>The statuses with words of their own; any other error status reads as <c>error.other</c>.</summary>
    public static IReadOnlySet<int> Described { get; } = new HashSet<int> { 400, 403, 404, 500 };

    /// <summary>The label key suffix of <paramref name="status"/>: its number when described, else <c>other</c>.</summary>
    public static string Key(int status) => Described.Contains(status) ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other";
}
