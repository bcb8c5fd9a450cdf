using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// A correction to a fact: null leaves a field as it is. Dates, places, who and due take
/// <c>none</c> to clear them. A list replaces the stored one, unless every item starts with
/// <c>+</c> (add) or <c>-</c> (remove). A party is an entity key, optionally with its side:
/// <c>agency:dasta</c>, <c>body:kofic=foreign</c>.
/// </summary>
public sealed record FactEdit
{
    public string? Type { get; init; }

    /// <summary>A contract date (2024, 2024-06, 2024-06-28, FY2025) or a range <c>A/B</c>.</summary>
    public string? Date { get; init; }

    public string? Place { get; init; }

    public IReadOnlyList<string>? Parties { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    public IReadOnlyList<string>? Sectors { get; init; }

    public string? What { get; init; }

    public string? Who { get; init; }

    public string? Due { get; init; }

    public bool IsEmpty => this == new FactEdit();

    /// <summary>Longest text a field takes.</summary>
    public const int MaxText = 2000;

    internal bool TouchesEngagement => Type is not null || Date is not null || Place is not null || Parties is not null || Countries is not null || Sectors is not null;

    internal bool TouchesCommitment => What is not null || Who is not null || Due is not null;
}

/// <summary>Checks a <see cref="FactEdit"/> against a fact's current state and builds the fields it sets.</summary>
internal static class FactEditor
{
    private const string None = "none";

    private static readonly HashSet<string> Sides = new(StringComparer.Ordinal) { "thai", "foreign", "person" };

    private static readonly Lazy<HashSet<string>> SectorIds = new(() =>
        new HashSet<string>(ReferenceData.Default.Sectors.Select(s => s.Sector).Append("other"), StringComparer.Ordinal));

    /// <summary>The changed fields, or an error naming the bad value.</summary>
    public static (JsonObject? After, string? Error) Build(CurationReplay replay, FactRow row, JsonObject current, FactEdit edit)
    {
        var after = new JsonObject();
        if (row.Kind == FactRow.Engagement)
        {
            if (edit.TouchesCommitment)
            {
                return (null, $"{row.Key} is an engagement: --what, --who and --due are for commitments");
            }

            if (edit.Type is { } type)
            {
                type = type.Trim();
                if (!FactTypes.Engagements.Contains(type, StringComparer.Ordinal))
                {
                    return (null, $"type '{type}' is not one of {string.Join(", ", FactTypes.Engagements)}");
                }

                after["type"] = type;
            }

            if (edit.Date is { } date)
            {
                if (ParseDate(date, allowRange: true, calendarOnly: true) is { Error: { } error })
                {
                    return (null, error);
                }

                var (start, end) = SplitRange(date.Trim());
                (after["date"], after["end_date"]) = (start, end);
            }

            if (edit.Place is { } place)
            {
                after["place"] = Text(place, "place", out var error);
                if (error is not null)
                {
                    return (null, error);
                }
            }

            foreach (var (name, values) in new[] { ("countries", edit.Countries), ("sectors", edit.Sectors) })
            {
                if (values is null)
                {
                    continue;
                }

                var (list, error) = Edit(Strings(current[name]), values, v => Check(name, v));
                if (error is not null)
                {
                    return (null, error);
                }

                after[name] = new JsonArray([.. list.Order(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))]);
            }

            if (edit.Parties is { } parties)
            {
                var (list, error) = Parties(replay, current, parties);
                if (error is not null)
                {
                    return (null, error);
                }

                after["parties"] = list;
            }
        }
        else
        {
            if (edit.TouchesEngagement)
            {
                return (null, $"{row.Key} is a commitment: --type, --date, --place, --parties, --countries and --sectors are for engagements");
            }

            if (edit.What is { } what)
            {
                if (string.IsNullOrWhiteSpace(what) || what.Trim() == None)
                {
                    return (null, "what was promised cannot be empty");
                }

                after["what"] = Text(what, "what", out var error);
                if (error is not null)
                {
                    return (null, error);
                }
            }

            if (edit.Who is { } who)
            {
                after["who"] = Text(who, "who", out var error);
                if (error is not null)
                {
                    return (null, error);
                }
            }

            if (edit.Due is { } due)
            {
                if (due.Trim() != None && ParseDate(due, allowRange: true) is { Error: { } error })
                {
                    return (null, error);
                }

                after["due"] = due.Trim() == None ? null : due.Trim();
            }
        }

        // Only what differs from now is an edit.
        foreach (var name in after.Select(p => p.Key).ToList())
        {
            if (JsonNode.DeepEquals(after[name], current[name]))
            {
                after.Remove(name);
            }
        }

        return (after, null);
    }

    /// <summary>
    /// Null when the text is a date the fact may take; <paramref name="calendarOnly"/>: an engagement's date must
    /// place it on the calendar and in the search's date order, so a quarter or a day without a year is refused
    /// (a commitment's due may be either: a quarter is due on its last day, a day without a year is never due).
    /// </summary>
    private static FactDateResult? ParseDate(string text, bool allowRange, bool calendarOnly = false)
    {
        text = text.Trim();
        if (text == None)
        {
            return null;
        }

        if (!allowRange && text.Contains('/', StringComparison.Ordinal))
        {
            return FactDateResult.Fail($"'{text}' is a range; give one date");
        }

        var parsed = FactDate.Parse(text);
        if (parsed.Error is null && calendarOnly && parsed.Value.Precision is DatePrecision.Quarter or DatePrecision.MonthDay)
        {
            return FactDateResult.Fail($"'{text}' cannot date an engagement: give its day or month with the year (2024-06-28, 2024-06) or a range 2024-07/2024-09");
        }

        return parsed.Error is null ? null : FactDateResult.Fail($"'{text}' is not a date: {parsed.Error} (write 2024, 2024-06, 2024-06-28, FY2025, 2025-Q3 or a range 2024-06-28/2024-06-30)");
    }

    private static (string? Start, string? End) SplitRange(string date)
    {
        if (date == None)
        {
            return (null, null);
        }

        var slash = date.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (date, null) : (date[..slash], date[(slash + 1)..]);
    }

    private static string? Text(string value, string name, out string? error)
    {
        value = value.Trim();
        error = value.Length > FactEdit.MaxText ? $"{name} is {value.Length} characters long; at most {FactEdit.MaxText}" : null;
        return value.Length == 0 || value == None ? null : value;
    }

    private static string? Check(string list, string value) => list switch
    {
        "countries" when value.Length != 2 || !ReferenceData.Default.CountriesByCode.ContainsKey(value.ToUpperInvariant()) =>
            $"'{value}' is not a country code (ISO 3166-1 alpha-2, e.g. FR, JP)",
        "sectors" when !SectorIds.Value.Contains(value) => $"'{value}' is not a sector; sectors are {string.Join(", ", SectorIds.Value.Order(StringComparer.Ordinal))}",
        _ => null,
    };

    /// <summary>Applies a list edit: all items +x/-y change the current list; plain items replace it.</summary>
    private static (List<string> List, string? Error) Edit(List<string> current, IReadOnlyList<string> items, Func<string, string?> check)
    {
        var relative = items.Count > 0 && items.All(i => i.StartsWith('+') || i.StartsWith('-'));
        if (!relative && items.Any(i => i.StartsWith('+') || i.StartsWith('-')))
        {
            return ([], "a list is either all +added/-removed items or a whole new list; do not mix them");
        }

        var result = relative ? new List<string>(current) : [];
        foreach (var item in items)
        {
            var value = relative ? item[1..].Trim() : item.Trim();
            value = value.Length == 2 && value.All(char.IsAsciiLetter) ? value.ToUpperInvariant() : value;
            if (value.Length == 0)
            {
                return ([], $"an empty item in '{string.Join(",", items)}'");
            }

            if (!(relative && item[0] == '-') && check(value) is { } error)
            {
                return ([], error);
            }

            if (relative && item[0] == '-')
            {
                if (result.RemoveAll(v => v == value) == 0)
                {
                    return ([], $"'{value}' is not in the list ({string.Join(", ", current)}), so it cannot be removed");
                }
            }
            else if (!result.Contains(value))
            {
                result.Add(value);
            }
        }

        return (result, null);
    }

    private static (JsonArray? List, string? Error) Parties(CurationReplay replay, JsonObject current, IReadOnlyList<string> items)
    {
        var sides = (current["parties"]?.AsArray() ?? []).ToDictionary(p => p!["key"]!.GetValue<string>(), p => p!["side"]!.GetValue<string>(), StringComparer.Ordinal);
        var requested = new Dictionary<string, string?>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var item in items)
        {
            var sign = item.StartsWith('+') || item.StartsWith('-') ? item[..1] : string.Empty;
            var body = item[sign.Length..].Trim();
            var eq = body.LastIndexOf('=');
            var (key, side) = eq > 0 ? (body[..eq].Trim(), body[(eq + 1)..].Trim()) : (body, null);
            if (side is not null && !Sides.Contains(side))
            {
                return (null, $"side '{side}' of {key} is not one of thai, foreign, person");
            }

            requested[key] = side;
            keys.Add(sign + key);
        }

        var (list, error) = Edit([.. sides.Keys], keys, key => replay.Resolve(key) is null ? $"no entity '{key}' (see 'atlas entities NAME' for keys)" : null);
        if (error is not null)
        {
            return (null, error);
        }

        var parties = new JsonArray();
        foreach (var key in list.Order(StringComparer.Ordinal))
        {
            var entity = replay.Resolve(key)!; // checked above, or already a party
            var side = requested.GetValueOrDefault(key) ?? sides.GetValueOrDefault(key) ?? DefaultSide(entity);
            parties.Add(new JsonObject { ["key"] = entity.Key, ["side"] = side });
        }

        return (parties, null);
    }

    /// <summary>People are the person side; Thai agencies and Thai bodies the Thai side; the rest foreign.</summary>
    private static string DefaultSide(EntityRow entity) =>
        entity.Kind == "person" ? "person"
        : entity.Kind == "agency" || entity.Country == "TH" ? "thai"
        : "foreign";

    private static List<string> Strings(JsonNode? node) => [.. (node?.AsArray() ?? []).Select(v => v!.GetValue<string>())];
}
