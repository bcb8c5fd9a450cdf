using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using static SoftPowerAtlas.Analysis.Entities.ReferenceDataParsers;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// The reference lists the extractors match against — Thai agencies, countries, foreign bodies and places,
/// provinces, sector words, honorifics and roles — loaded once from the TSV files embedded beside this class.
/// Immutable and safe to share across threads.
/// </summary>
public sealed class ReferenceData
{
    private const string ResourcePrefix = "Entities/Data/";

    private static readonly Lazy<ReferenceData> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private ReferenceData(
        IReadOnlyList<Agency> agencies,
        IReadOnlyList<Country> countries,
        IReadOnlyList<ForeignBody> foreignBodies,
        IReadOnlyList<Province> provinces,
        IReadOnlyList<ForeignPlace> foreignPlaces,
        IReadOnlyList<SectorTriggers> sectors,
        IReadOnlyList<Honorific> honorifics,
        IReadOnlyList<Role> roles)
    {
        Agencies = agencies;
        Countries = countries;
        ForeignBodies = foreignBodies;
        Provinces = provinces;
        ForeignPlaces = foreignPlaces;
        Sectors = sectors;
        Honorifics = honorifics;
        Roles = roles;
        AgenciesById = agencies.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        CountriesByCode = countries.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    }

    /// <summary>The data embedded in this assembly, loaded on first use.</summary>
    public static ReferenceData Default => LazyDefault.Value;

    public IReadOnlyList<Agency> Agencies { get; }

    public IReadOnlyList<Country> Countries { get; }

    public IReadOnlyList<ForeignBody> ForeignBodies { get; }

    public IReadOnlyList<Province> Provinces { get; }

    public IReadOnlyList<ForeignPlace> ForeignPlaces { get; }

    public IReadOnlyList<SectorTriggers> Sectors { get; }

    public IReadOnlyList<Honorific> Honorifics { get; }

    public IReadOnlyList<Role> Roles { get; }

    public IReadOnlyDictionary<string, Agency> AgenciesById { get; }

    public IReadOnlyDictionary<string, Country> CountriesByCode { get; }

    /// <summary>
    /// Loads every file through <paramref name="open"/> (given a file name such as <c>agencies.tsv</c>) and checks
    /// the links between files. Bad data throws <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    internal static ReferenceData Load(Func<string, TextReader> open)
    {
        var sectors = Read(open, SectorsFile, ["sector", "triggers_th", "triggers_en"], ParseSector);
        var countries = Read(open, CountriesFile, ["iso2", "name_en", "name_th", "aliases", "demonyms"], ParseCountry);
        var agencies = Read(open, AgenciesFile, ["id", "kind", "name_th", "name_en", "aliases", "parent", "sectors"], ParseAgency);
        var foreignBodies = Read(open, ForeignBodiesFile, ["id", "country", "kind", "name_en", "name_th", "aliases"], ParseForeignBody);
        var provinces = Read(open, ProvincesFile, ["code", "name_th", "name_en", "aliases"], ParseProvince);
        var foreignPlaces = Read(open, ForeignPlacesFile, ["id", "country", "kind", "name_en", "name_th", "aliases"], ParseForeignPlace);
        var honorifics = Read(open, HonorificsFile, ["form", "kind", "language", "gender", "expands_to"], ParseHonorific);
        var roles = Read(open, RolesFile, ["role_th", "role_en", "level", "body"], ParseRole);

        var sectorIds = Unique(SectorsFile, sectors, s => s.Sector);
        var countryCodes = Unique(CountriesFile, countries, c => c.Code);
        var agencyIds = Unique(AgenciesFile, agencies, a => a.Id);
        Unique(ForeignBodiesFile, foreignBodies, b => b.Id);
        Unique(ProvincesFile, provinces, p => p.Code);
        Unique(ForeignPlacesFile, foreignPlaces, p => p.Id);

        foreach (var (line, agency) in agencies)
        {
            if (agency.ParentId is { } parent && (!agencyIds.Contains(parent) || parent == agency.Id))
            {
                throw TsvReader.Error(AgenciesFile, line, $"parent '{parent}' of '{agency.Id}' is not another agency");
            }

            if (agency.Sectors.FirstOrDefault(s => !sectorIds.Contains(s)) is { } sector)
            {
                throw TsvReader.Error(AgenciesFile, line, $"sector '{sector}' is not in {SectorsFile}");
            }
        }

        foreach (var (line, role) in roles)
        {
            if (role.BodyId is { } body && !agencyIds.Contains(body))
            {
                throw TsvReader.Error(RolesFile, line, $"body '{body}' is not an agency");
            }
        }

        CheckCountries(ForeignBodiesFile, foreignBodies, b => b.CountryCode, countryCodes);
        CheckCountries(ForeignPlacesFile, foreignPlaces, p => p.CountryCode, countryCodes);

        return new ReferenceData(
            Records(agencies),
            Records(countries),
            Records(foreignBodies),
            Records(provinces),
            Records(foreignPlaces),
            Records(sectors),
            Records(honorifics),
            Records(roles));
    }

    private static ReferenceData LoadEmbedded()
    {
        var assembly = typeof(ReferenceData).Assembly;
        return Load(file => OpenResource(assembly, ResourcePrefix + file));
    }

    private static StreamReader OpenResource(Assembly assembly, string name)
    {
        var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        return new StreamReader(stream, Encoding.UTF8);
    }

    private static List<(int Line, T Record)> Read<T>(
        Func<string, TextReader> open, string file, string[] columns, Func<TsvRow, T> parse)
    {
        using var reader = open(file);
        return TsvReader.Read(file, reader, columns).Select(row => (row.Line, parse(row))).ToList();
    }

    private static HashSet<string> Unique<T>(string file, List<(int Line, T Record)> rows, Func<T, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, record) in rows)
        {
            if (!seen.Add(key(record)))
            {
                throw TsvReader.Error(file, line, $"'{key(record)}' appears twice");
            }
        }

        return seen;
    }

    private static void CheckCountries<T>(
        string file, List<(int Line, T Record)> rows, Func<T, string?> country, HashSet<string> known)
    {
        foreach (var (line, record) in rows)
        {
            if (country(record) is { } code && !known.Contains(code))
            {
                throw TsvReader.Error(file, line, $"country '{code}' is not in {CountriesFile}");
            }
        }
    }

    private static T[] Records<T>(List<(int Line, T Record)> rows) => rows.Select(r => r.Record).ToArray();
}
