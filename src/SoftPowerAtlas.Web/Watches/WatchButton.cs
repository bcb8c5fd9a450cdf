using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Watches;

namespace SoftPowerAtlas.Web.Watches;

/// <summary>
/// What a "follow" or "save this search" button offers to watch (the partial <c>_WatchButton</c>):
/// <see cref="Name"/> is what the page calls it in the reader's language.
/// </summary>
public sealed record WatchButton(WatchKind Kind, string Target, string Name, bool Exact = false)
{
    /// <summary>
    /// The button of a search page: a query that is only one country or sector filter
    /// (<c>sector:film</c>, what a facet click leaves) follows that country or sector; any other saves the search.
    /// </summary>
    public static WatchButton ForSearch(SearchQuery query, string text, bool exact, Func<WatchKind, string, string> label)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(label);
        if (query.Clauses.Count == 0 && query.Excluded.Count == 0 && query.Dates is null
            && query.Filters is [{ Negated: false, Values: [var value], Field: SearchField.Country or SearchField.Sector } only])
        {
            var kind = only.Field == SearchField.Country ? WatchKind.Country : WatchKind.Sector;
            return new WatchButton(kind, value, label(kind, value));
        }

        return new WatchButton(WatchKind.Search, text, text, exact);
    }
}
