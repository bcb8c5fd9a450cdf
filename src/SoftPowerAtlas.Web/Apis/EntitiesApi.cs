using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Apis;

/// <summary>An entity with its aliases, the entities it engages with, its partner countries and sectors.</summary>
public sealed record EntityResponse(
    EntitySummary Entity,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<PartnerResponse> Partners,
    IReadOnlyList<CountRow> Countries,
    IReadOnlyList<CountRow> Sectors);

/// <summary>An entity that shares <see cref="Engagements"/> engagements with another.</summary>
public sealed record PartnerResponse(long EntityId, string Name, string Side, long Engagements);

/// <summary>A country or Thai province: names, how often it is a partner or named, and who engages with it.</summary>
public sealed record PlaceResponse(
    string Kind,
    string Code,
    string NameEn,
    string NameTh,
    IReadOnlyList<string> Aliases,
    long Engagements,
    long Documents,
    IReadOnlyList<PartnerResponse> Partners,
    IReadOnlyList<CountRow> Sectors);

/// <summary>/api/entities, /api/countries and /api/provinces.</summary>
public static class EntitiesApi
{
    public static void MapEntitiesApi(this RouteGroupBuilder api)
    {
        var entities = api.MapGroup("/entities").WithTags("Entities");
        entities.MapGet("", List).WithSummary("Entities (agency, organization, body, person), most engaged first; filter by kind and by name or alias.");
        entities.MapGet("/{id:long}", Get).WithSummary("One entity with aliases, partners, partner countries and sectors.");
        entities.MapGet("/{id:long}/documents", Documents).WithSummary("Documents that mention the entity.");
        api.MapGet("/countries/{code}", Country).WithTags("Entities").WithSummary("A country by ISO 3166-1 alpha-2 code.");
        api.MapGet("/provinces/{code}", Province).WithTags("Entities").WithSummary("A Thai province by ISO 3166-2:TH code.");
    }

    public static Results<Ok<PageResponse<EntitySummary>>, ValidationProblem> List(AtlasReader reader, [Description("Only entities of this kind: agency, organization, body or person.")] string? kind, [Description("Part of a name or alias, Thai or English (at most 200 characters).")] string? q, int? offset, int? limit)
    {
        if (!Paging.TryCreate(offset, limit, out var p, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (kind is not null && kind is not ("agency" or "organization" or "body" or "person"))
        {
            errors["kind"] = ["kind must be agency, organization, body or person"];
        }

        if (q is { Length: > 200 })
        {
            errors["q"] = ["q must be at most 200 characters"];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(PageResponse<EntitySummary>.From(reader.ListEntities(p.Offset, p.Limit, kind, q)));
    }

    public static Results<Ok<EntityResponse>, ProblemHttpResult> Get([Description("The entity's id, as /api/entities lists it.")] long id, AtlasReader reader)
    {
        var detail = reader.GetEntity(id);
        if (detail is null)
        {
            return DocumentsApi.NotFound("entity", id);
        }

        return TypedResults.Ok(new EntityResponse(
            detail.Entity,
            detail.Aliases,
            [.. reader.Partners(id).Select(p => new PartnerResponse(p.Party.EntityId, p.Party.Name, p.Party.Side, p.Count))],
            reader.EntityCounts(id, sectors: false),
            reader.EntityCounts(id, sectors: true)));
    }

    public static Results<Ok<PageResponse<DocumentSummary>>, ValidationProblem, ProblemHttpResult> Documents([Description("The entity's id, as /api/entities lists it.")] long id, AtlasReader reader, int? offset, int? limit)
    {
        if (!Paging.TryCreate(offset, limit, out var p, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return reader.GetEntity(id) is null
            ? DocumentsApi.NotFound("entity", id)
            : TypedResults.Ok(PageResponse<DocumentSummary>.From(reader.EntityDocuments(id, p.Offset, p.Limit)));
    }

    public static Results<Ok<PlaceResponse>, ProblemHttpResult> Country([Description("ISO 3166-1 alpha-2 code, e.g. JP, FR, KR.")] string code, AtlasReader reader)
    {
        if (!ReferenceData.Default.CountriesByCode.TryGetValue(code.ToUpperInvariant(), out var country))
        {
            return DocumentsApi.NotFound("country", code);
        }

        var summary = reader.Place("country", country.Code);
        return TypedResults.Ok(new PlaceResponse(
            "country", country.Code, country.NameEn, country.NameTh, [.. country.Aliases.Select(a => a.Text)], summary.Engagements, summary.Documents,
            [.. reader.CountryPartners(country.Code).Select(p => new PartnerResponse(p.Party.EntityId, p.Party.Name, p.Party.Side, p.Count))],
            reader.CountrySectors(country.Code)));
    }

    public static Results<Ok<PlaceResponse>, ProblemHttpResult> Province([Description("ISO 3166-2:TH code, e.g. TH-10 (Bangkok), TH-50 (Chiang Mai).")] string code, AtlasReader reader)
    {
        if (!UiText.Provinces.TryGetValue(code.ToUpperInvariant(), out var province))
        {
            return DocumentsApi.NotFound("province", code);
        }

        var summary = reader.Place("province", province.Code);
        return TypedResults.Ok(new PlaceResponse(
            "province", province.Code, province.NameEn, province.NameTh, [.. province.Aliases.Select(a => a.Text)], 0, summary.Documents, [], []));
    }
}
