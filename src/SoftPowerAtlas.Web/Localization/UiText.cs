using System.Globalization;
using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// The labels of one request in the language it asked for (see <see cref="LanguageMiddleware"/>),
/// and the names of countries, provinces, sectors and engagement types in that language.
/// </summary>
public sealed class UiText(UiLabels labels, IHttpContextAccessor accessor)
{
    public string Language { get; } = accessor.HttpContext?.Items[LanguageMiddleware.ItemKey] as string ?? UiLabels.Languages[0];

    public bool IsThai => Language == "th";

    public string this[string key] => labels.Get(key, Language);

    /// <summary>A label with placeholders {0}, {1}… filled in.</summary>
    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    public string Country(string code) =>
        ReferenceData.Default.CountriesByCode.TryGetValue(code, out var c) ? (IsThai ? c.NameTh : c.NameEn) : code;

    public string Province(string code) =>
        Provinces.TryGetValue(code, out var p) ? (IsThai ? p.NameTh : p.NameEn) : code;

    public string Sector(string id) => labels.Contains("sector." + id) ? this["sector." + id] : id;

    public string EngagementType(string id) => labels.Contains("type." + id) ? this["type." + id] : id;

    public string Kind(string kind) => labels.Contains("kind." + kind) ? this["kind." + kind] : kind;

    /// <summary>A contract date (<c>2024-05-29</c>, <c>FY2025</c>…) as this language writes it (<see cref="DateText"/>); empty for none.</summary>
    public string Date(string? value) => DateText.Format(value, Language);

    /// <summary>A day as this language writes it (<c>29 พ.ค. 2567</c>, <c>29 May 2024</c>).</summary>
    public string Day(DateOnly day) => DateText.Day(day, Language);

    /// <summary>
    /// A message of the store (English) as this language reads it: on a Thai page its Thai by
    /// <see cref="StoreMessages"/>, or the English after a Thai lead-in when no row reads it.
    /// </summary>
    public string StoreMessage(string english) =>
        !IsThai ? english : StoreMessages.Default.Thai(english) ?? this["message.in-english"] + " " + english;

    /// <summary>A number written with the grouping of the interface's language (Arabic digits in both).</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static IReadOnlyDictionary<string, Province> Provinces { get; } =
        ReferenceData.Default.Provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
}
