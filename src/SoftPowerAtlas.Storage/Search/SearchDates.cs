using System.Globalization;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Dates as a query writes them: <c>2024</c>, <c>2024-03</c>, <c>2024-03-05</c>. A year from 2400 is
/// read as Buddhist Era (2567 → 2024), as Thai users write it.
/// </summary>
public static class SearchDates
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;
    private const int BuddhistOffset = 543;

    /// <summary>The date in <c>yyyy[-MM[-dd]]</c> form, or a message saying what is wrong with it.</summary>
    public static bool TryParse(string text, out string value, out string problem)
    {
        value = string.Empty;
        problem = string.Empty;
        var parts = text.Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            problem = $"'{text}' is not a date; write 2024, 2024-03 or 2024-03-05";
            return false;
        }

        if (!TryYear(parts[0], out var year, out problem))
        {
            return false;
        }

        var month = 0;
        if (parts.Length > 1 && (parts[1].Length > 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
        {
            problem = $"'{text}' has no month {parts[1]}; months are 01 to 12";
            return false;
        }

        var day = 0;
        if (parts.Length > 2)
        {
            var days = DateTime.DaysInMonth(year, month);
            if (parts[2].Length > 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out day) || day < 1 || day > days)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a real date: {year:D4}-{month:D2} has {days} days");
                return false;
            }
        }

        value = parts.Length switch
        {
            1 => year.ToString("D4", CultureInfo.InvariantCulture),
            2 => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}"),
        };
        return true;
    }

    /// <summary>A Gregorian year from 4 digits (Buddhist Era from 2400), or why not.</summary>
    public static bool TryYear(string text, out int year, out string problem)
    {
        problem = string.Empty;
        if (text.Length != 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            year = 0;
            problem = $"'{text}' is not a year; write four digits, e.g. 2024 (or 2567 in the Buddhist Era)";
            return false;
        }

        if (year >= 2400)
        {
            year -= BuddhistOffset;
        }

        if (year is < MinYear or > MaxYear)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"year {text} is outside {MinYear}-{MaxYear}");
            return false;
        }

        return true;
    }

    /// <summary>The first date string after every date within <paramref name="value"/> (2023-12 → 2024-01).</summary>
    public static string After(string value)
    {
        var parts = value.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts.Length switch
        {
            1 => (year + 1).ToString("D4", CultureInfo.InvariantCulture),
            2 => new DateOnly(year, int.Parse(parts[1], CultureInfo.InvariantCulture), 1).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
