using SoftPowerAtlas.Storage.Reading;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>Offset and limit of a list request, checked: a bad value is a 400 problem naming it, never an exception.</summary>
public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 200;

    public const int MaxOffset = 10_000_000;

    public static bool TryCreate(int? offset, int? limit, out Paging paging, out IDictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var o = offset ?? 0;
        var l = limit ?? DefaultLimit;
        if (o is < 0 or > MaxOffset)
        {
            errors["offset"] = [$"offset must be between 0 and {MaxOffset}"];
        }

        if (l is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}"];
        }

        paging = new Paging(o, l);
        return errors.Count == 0;
    }
}

/// <summary>A page of a list as the API returns it: items, total, offset, limit, and the next page's offset.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit, int? NextOffset)
{
    public static PageResponse<T> From(Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<T>(page.Items, page.Total, page.Offset, page.Limit, page.HasNext ? page.Offset + page.Items.Count : null);
    }
}
