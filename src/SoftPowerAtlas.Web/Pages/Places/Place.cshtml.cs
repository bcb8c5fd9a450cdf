using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Pages.Places;

/// <summary>
/// A partner country or a Thai province as an entity: names, engagements over time (countries),
/// who engages with it, sectors, open commitments, and the documents that name it.
/// </summary>
public sealed class PlaceModel(AtlasReader reader) : PageModel
{
    public string Kind { get; private set; } = "country";

    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<string> Aliases { get; private set; } = [];

    public Page<EngagementRow>? Engagements { get; private set; }

    public IReadOnlyList<(EngagementParty Party, long Count)> Partners { get; private set; } = [];

    public IReadOnlyList<CountRow> Sectors { get; private set; } = [];

    public Page<DocumentSummary> Documents { get; private set; } = null!; // Set in OnGet before rendering.

    public IActionResult OnGet(string kind, string code, int? offset)
    {
        code = code.ToUpperInvariant();
        if (kind == "countries" && ReferenceData.Default.CountriesByCode.TryGetValue(code, out var country))
        {
            Kind = "country";
            Aliases = [country.NameTh, country.NameEn, .. country.Aliases.Select(a => a.Text)];
            Engagements = reader.ListEngagements(new EngagementFilter { Country = code }, 0, 100);
            Partners = reader.CountryPartners(code);
            Sectors = reader.CountrySectors(code);
        }
        else if (kind == "provinces" && UiText.Provinces.TryGetValue(code, out var province))
        {
            Kind = "province";
            Aliases = [province.NameTh, province.NameEn, .. province.Aliases.Select(a => a.Text)];
        }
        else
        {
            return NotFound();
        }

        Code = code;
        Documents = reader.PlaceDocuments(Kind, code, PageOffset.Clamp(offset), 25);
        return Page();
    }
}
