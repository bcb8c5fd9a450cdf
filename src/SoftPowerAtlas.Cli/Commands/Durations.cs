using System.Globalization;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary>Reads the durations options take: a number and a unit, <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var t = text.Trim();
        if (t.Length < 2 || !double.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        TimeSpan? value = char.ToLowerInvariant(t[^1]) switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
        duration = value ?? default;
        return value is not null;
    }
}
