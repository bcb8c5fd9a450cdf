using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>Turns the rows of each reference file into records, checking what one row can check.</summary>
internal static partial class ReferenceDataParsers
{
    public const string AgenciesFile = "agencies.tsv";
    public const string CountriesFile = "countries.tsv";
    public const string ForeignBodiesFile = "foreign_bodies.tsv";
    public const string ProvincesFile = "provinces.tsv";
    public const string ForeignPlacesFile = "foreign_places.tsv";
    public const string SectorsFile = "sectors.tsv";
    public const string HonorificsFile = "honorifics.tsv";
    public const string RolesFile = "roles.tsv";

    public static Agency ParseAgency(TsvRow row)
    {
        var nameTh = row.RequiredName(2);
        var nameEn = row.RequiredName(3);
        var aliases = row.Names(4);
        return new Agency(Id(row, 0), row.Enum<AgencyKind>(1), nameTh.Text, nameEn.Text, aliases, row.Optional(5), row.List(6))
        {
            Names = Concat(nameTh, nameEn, aliases),
        };
    }

    public static Country ParseCountry(TsvRow row)
    {
        var code = row.Required(0);
        if (!CountryCodePattern().IsMatch(code))
        {
            throw row.Error($"'{code}' is not two upper-case letters");
        }

        var nameEn = row.RequiredName(1);
        var nameTh = row.RequiredName(2);
        var aliases = row.Names(3);
        return new Country(code, nameEn.Text, nameTh.Text, aliases, row.Names(4)) { Names = Concat(nameTh, nameEn, aliases) };
    }

    public static ForeignBody ParseForeignBody(TsvRow row)
    {
        var country = row.Optional(1);
        if (country is not null && !CountryCodePattern().IsMatch(country))
        {
            throw row.Error($"'{country}' is not two upper-case letters");
        }

        var nameEn = row.RequiredName(3);
        var nameTh = row.RequiredName(4);
        var aliases = row.Names(5);
        return new ForeignBody(Id(row, 0), country, row.Enum<ForeignBodyKind>(2), nameEn.Text, nameTh.Text, aliases)
        {
            Names = Concat(nameTh, nameEn, aliases),
        };
    }

    public static Province ParseProvince(TsvRow row)
    {
        var code = row.Required(0);
        if (!ProvinceCodePattern().IsMatch(code))
        {
            throw row.Error($"'{code}' is not an ISO 3166-2:TH province code");
        }

        var nameTh = row.RequiredName(1);
        var nameEn = row.RequiredName(2);
        var aliases = row.Names(3);
        return new Province(code, nameTh.Text, nameEn.Text, aliases) { Names = Concat(nameTh, nameEn, aliases) };
    }

    public static ForeignPlace ParseForeignPlace(TsvRow row)
    {
        var country = row.Required(1);
        if (!CountryCodePattern().IsMatch(country))
        {
            throw row.Error($"'{country}' is not two upper-case letters");
        }

        var nameEn = row.RequiredName(3);
        var nameTh = row.RequiredName(4);
        var aliases = row.Names(5);
        return new ForeignPlace(Id(row, 0), country, row.Enum<PlaceKind>(2), nameEn.Text, nameTh.Text, aliases)
        {
            Names = Concat(nameTh, nameEn, aliases),
        };
    }

    public static SectorTriggers ParseSector(TsvRow row) => new(Id(row, 0), row.Names(1), row.Names(2));

    public static Honorific ParseHonorific(TsvRow row)
    {
        var language = row.Required(2) switch
        {
            "th" => Language.Thai,
            "en" => Language.English,
            var other => throw row.Error($"language '{other}' is not th or en"),
        };
        var gender = row.Required(3) switch
        {
            "m" => Gender.Male,
            "f" => Gender.Female,
            "any" => Gender.Any,
            var other => throw row.Error($"gender '{other}' is not m, f or any"),
        };
        var expands = row.List(4);
        if (expands.Count == 0)
        {
            throw row.Error("column 'expands_to' is empty");
        }

        return new Honorific(row.Required(0), row.Enum<HonorificKind>(1), language, gender, expands);
    }

    public static Role ParseRole(TsvRow row)
    {
        var thai = row.List(0);
        var english = row.List(1);
        if (thai.Count == 0 && english.Count == 0)
        {
            throw row.Error("a role needs a Thai or an English form");
        }

        return new Role(thai, english, row.Enum<RoleLevel>(2)) { BodyId = row.Optional(3) };
    }

    private static string Id(TsvRow row, int column)
    {
        var id = row.Required(column);
        return IdPattern().IsMatch(id) ? id : throw row.Error($"id '{id}' is not lower-case ASCII with '-' or '_'");
    }

    private static NameForm[] Concat(NameForm first, NameForm second, IReadOnlyList<NameForm> rest)
    {
        var names = new NameForm[rest.Count + 2];
        names[0] = first;
        names[1] = second;
        for (var i = 0; i < rest.Count; i++)
        {
            names[i + 2] = rest[i];
        }

        return names;
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex("^TH-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceCodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
