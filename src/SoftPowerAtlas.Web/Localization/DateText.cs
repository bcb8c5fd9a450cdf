using System.Globalization;
using System.Reflection;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// Dates as a reader of each language writes them, for every page: Thai with Buddhist Era years and abbreviated
/// months (<c>29 พ.ค. 2567</c>, <c>พ.ค. 2567</c>, <c>2567</c>, <c>ปีงบประมาณ 2568</c>), English day-month-year
/// (<c>29 May 2024</c>, <c>May 2024</c>, <c>FY2025</c>). Only what is shown changes: exports and the API keep
/// the contract's value (<c>2024-05-29</c>, <c>FY2025</c>). A value that is not a contract date is shown as written.
/// </summary>
public static class DateText
{
    /// <summary>Years the Buddhist Era counts ahead of the Gregorian one.</summary>
    public const int BuddhistEraOffset = 543;

    private static readonly Lazy<IReadOnlyList<(string En, string Th)>> Months = new(LoadMonths);

    /// <summary>A contract value (<c>2024-05-29</c>, <c>2024-05</c>, <c>FY2025</c>, <c>2025-Q3</c>, <c>--10-14</c>, <c>A/B</c>) in <paramref name="language"/>.</summary>
    public static string Format(string? value, string language)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && FactDate.Parse(value[..slash]) is { Error: null } a && FactDate.Parse(value[(slash + 1)..]) is { Error: null } b)
        {
            return Range(a.Value, b.Value, language);
        }

        return FactDate.Parse(value) is { Error: null } parsed ? Single(parsed.Value, language) : value;
    }

    /// <summary>A stored date in <paramref name="language"/>.</summary>
    public static string Format(FactDate date, string language) => Format(date.Written, language);

    /// <summary>A day (<c>29 พ.ค. 2567</c>, <c>29 May 2024</c>).</summary>
    public static string Day(DateOnly day, string language) =>
        Invariant($"{day.Day} {Month(day.Month, language)} {Year(day.Year, language)}");

    /// <summary>A month of a year (<c>พ.ค. 2567</c>, <c>May 2024</c>).</summary>
    public static string MonthOfYear(int year, int month, string language) => Invariant($"{Month(month, language)} {Year(year, language)}");

    /// <summary>A year as the language counts it: Buddhist Era in Thai.</summary>
    public static string Year(int year, string language) =>
        (IsThai(language) ? year + BuddhistEraOffset : year).ToString(CultureInfo.InvariantCulture);

    private static string Single(FactDate d, string language)
    {
        var thai = IsThai(language);
        return d.Precision switch
        {
            DatePrecision.Year => Year(d.Start.Year, language),
            // FY2025 runs from October 2024 to September 2025: its number is the year it ends in.
            DatePrecision.FiscalYear => thai ? "ปีงบประมาณ " + Year(d.End.Year, language) : Invariant($"FY{d.End.Year}"),
            DatePrecision.Quarter => thai ? Invariant($"ไตรมาส {(d.Start.Month + 2) / 3} ปี {Year(d.Start.Year, language)}") : Invariant($"Q{(d.Start.Month + 2) / 3} {d.Start.Year}"),
            DatePrecision.Month => MonthOfYear(d.Start.Year, d.Start.Month, language),
            DatePrecision.Time => Day(d.Start, language) + " " + (d.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) + (thai ? " น." : string.Empty)),
            DatePrecision.MonthDay => MonthDay(d.Written, language),
            _ => Day(d.Start, language),
        };
    }

    /// <summary>Two ends; days of one month share it (<c>28–30 มิ.ย. 2567</c>), months of one year share it.</summary>
    private static string Range(FactDate a, FactDate b, string language)
    {
        if (a.Precision == DatePrecision.Day && b.Precision == DatePrecision.Day && a.Start.Year == b.Start.Year)
        {
            return a.Start.Month == b.Start.Month
                ? Invariant($"{a.Start.Day}–{Day(b.Start, language)}")
                : Invariant($"{a.Start.Day} {Month(a.Start.Month, language)} – {Day(b.Start, language)}");
        }

        if (a.Precision == DatePrecision.Month && b.Precision == DatePrecision.Month && a.Start.Year == b.Start.Year)
        {
            return Invariant($"{Month(a.Start.Month, language)} – {MonthOfYear(b.Start.Year, b.Start.Month, language)}");
        }

        return Single(a, language) + " – " + Single(b, language);
    }

    /// <summary>--MM-DD: the day and month, no year (<c>14 ต.ค.</c>, <c>14 October</c>).</summary>
    private static string MonthDay(string written, string language)
    {
        var month = int.Parse(written.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(written.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return Invariant($"{day} {Month(month, language)}");
    }

    private static string Month(int month, string language) => IsThai(language) ? Months.Value[month - 1].Th : Months.Value[month - 1].En;

    private static bool IsThai(string language) => string.Equals(language, "th", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<(string En, string Th)> LoadMonths()
    {
        const string name = "months.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        var months = new List<(string, string)>(12);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var cells = line.Split('\t');
                months.Add((cells[1], cells[2]));
            }
        }

        return months.Count == 12 ? months : throw new InvalidDataException($"{name}: expected 12 months, found {months.Count}");
    }
}
