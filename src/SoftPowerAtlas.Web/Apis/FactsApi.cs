using System.ComponentModel;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Web.Dashboard;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>/api/engagements, /api/commitments, /api/overview (dashboard counts) and /api/network (partner graph).</summary>
public static partial class FactsApi
{
    /// <summary>Engagement types of the extraction contract.</summary>
    public static readonly IReadOnlyList<string> Types = ["meeting", "mou_signing", "forum_or_exhibition", "training_or_seminar", "announcement", "visit", "other"];

    /// <summary>Sector ids of the extraction contract.</summary>
    public static readonly IReadOnlyList<string> Sectors =
    [
        "film", "series_drama", "music", "food", "festival", "tourism", "sport", "fashion", "design", "art", "books", "games",
        "heritage", "community_products", "creative_city", "media_pr", "education", "technology", "entertainment", "other",
    ];

    public static void MapFactsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/engagements", Engagements).WithTags("Facts").WithSummary("Engagements, newest first; filter by country, sector, type, years and entity.");
        api.MapGet("/commitments", Commitments).WithTags("Facts").WithSummary("Commitments, soonest due first; filter by document or entity.");
        api.MapGet("/overview", (OverviewCache overview) => TypedResults.Ok(overview.Get())).WithTags("Facts").WithSummary("Dashboard counts by country, sector, type, year and province.");
        api.MapGet("/network", Network).WithTags("Facts").WithSummary("Thai agencies and partner countries linked by shared engagements; filter by partner country, sector and years.");
    }

    public static Results<Ok<PageResponse<EngagementRow>>, ValidationProblem> Engagements(
        AtlasReader reader, [Description("Partner country, ISO 3166-1 alpha-2 code (JP).")] string? country, [Description("Sector id: film, series_drama, music, food, festival, tourism, sport, fashion, design, art, books, games, heritage, community_products, creative_city, media_pr, education, technology, entertainment or other.")] string? sector, [Description("Engagement type: mou_signing, official_visit, meeting, event_festival, exhibition, announcement, training_exchange or other.")] string? type, [Description("First year (Gregorian, e.g. 2024) of the engagements counted.")] int? yearFrom, [Description("Last year (Gregorian, inclusive).")] int? yearTo, [Description("Only engagements this entity (its id) takes part in.")] long? entity, int? offset, int? limit)
    {
        var paged = Paging.TryCreate(offset, limit, out var p, out var errors);
        var filter = Filter(country, sector, type, yearFrom, yearTo, errors) with { EntityId = entity };
        return paged && errors.Count == 0
            ? TypedResults.Ok(PageResponse<EngagementRow>.From(reader.ListEngagements(filter, p.Offset, p.Limit)))
            : TypedResults.ValidationProblem(errors);
    }

    public static Results<Ok<PageResponse<CommitmentRow>>, ValidationProblem> Commitments(AtlasReader reader, CommitmentTracker tracker, [Description("Only commitments of this document (its id).")] long? document, [Description("Only commitments whose documents' engagements include this entity (its id).")] long? entity, int? offset, int? limit) =>
        Paging.TryCreate(offset, limit, out var p, out var errors)
            ? TypedResults.Ok(PageResponse<CommitmentRow>.From(Tracked(tracker, reader.ListCommitments(p.Offset, p.Limit, document, entity))))
            : TypedResults.ValidationProblem(errors);

    /// <summary>The page with each dated commitment's state today, outcomes and restatements (issue 25).</summary>
    public static Page<CommitmentRow> Tracked(CommitmentTracker tracker, Page<CommitmentRow> page)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(page);
        return page with { Items = tracker.Track(page.Items) };
    }

    public static Results<Ok<NetworkGraph>, ValidationProblem> Network(AtlasReader reader, [Description("Partner country, ISO 3166-1 alpha-2 code (JP): only engagements with it, and the agencies and other partner countries of those engagements.")] string? country, [Description("Sector id: film, series_drama, music, food, festival, tourism, sport, fashion, design, art, books, games, heritage, community_products, creative_city, media_pr, education, technology, entertainment or other.")] string? sector, [Description("First year (Gregorian, e.g. 2024) of the engagements counted.")] int? yearFrom, [Description("Last year (Gregorian, inclusive).")] int? yearTo)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = Filter(country, sector, null, yearFrom, yearTo, errors);
        return errors.Count == 0 ? TypedResults.Ok(reader.Network(filter)) : TypedResults.ValidationProblem(errors);
    }

    /// <summary>Checks filter values against the contract's vocabularies; problems go into <paramref name="errors"/>.</summary>
    public static EngagementFilter Filter(string? country, string? sector, string? type, int? yearFrom, int? yearTo, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        country = Blank(country)?.ToUpperInvariant();
        sector = Blank(sector);
        type = Blank(type);
        if (country is not null && (!CountryCode().IsMatch(country) || !ReferenceData.Default.CountriesByCode.ContainsKey(country)))
        {
            errors["country"] = ["country must be an ISO 3166-1 alpha-2 code, e.g. JP"];
        }

        if (sector is not null && !Sectors.Contains(sector, StringComparer.Ordinal))
        {
            errors["sector"] = [$"sector must be one of {string.Join(", ", Sectors)}"];
        }

        if (type is not null && !Types.Contains(type, StringComparer.Ordinal))
        {
            errors["type"] = [$"type must be one of {string.Join(", ", Types)}"];
        }

        foreach (var (name, year) in new[] { ("yearFrom", yearFrom), ("yearTo", yearTo) })
        {
            if (year is < 1900 or > 2100)
            {
                errors[name] = [$"{name} must be a Gregorian year between 1900 and 2100"];
            }
        }

        return new EngagementFilter { Country = country, Sector = sector, Type = type, YearFrom = yearFrom, YearTo = yearTo };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
