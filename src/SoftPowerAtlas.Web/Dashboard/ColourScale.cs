namespace SoftPowerAtlas.Web.Dashboard;

/// <summary>One step of a map's colour scale: the counts from <see cref="From"/> to <see cref="To"/> (inclusive) share <see cref="Colour"/>.</summary>
public sealed record ColourStep(long From, long To, string Colour);

/// <summary>
/// The steps a choropleth colours by and its legend states: at most five, each a whole range of counts,
/// cut at quantiles of the distinct counts so one large count (Bangkok, Japan) does not leave every other
/// place in the lightest step. Places with no count take no step (the map's grey).
/// </summary>
public static class ColourScale
{
    /// <summary>Light to dark blue, for partner countries.</summary>
    public static readonly IReadOnlyList<string> Blues = ["#d3e4f5", "#9ec3ea", "#5f9bd6", "#2a6db5", "#0b3f80"];

    /// <summary>Light to dark purple, for Thai provinces (the colour provinces have in the document view).</summary>
    public static readonly IReadOnlyList<string> Purples = ["#e4dcf3", "#c2b0e6", "#9a81d2", "#7253b8", "#4a2a8c"];

    public static IReadOnlyList<ColourStep> Steps(IEnumerable<long> counts, IReadOnlyList<string> palette)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(palette);
        var values = counts.Where(c => c > 0).Distinct().Order().ToList();
        if (values.Count == 0)
        {
            return [];
        }

        var stepCount = Math.Min(palette.Count, values.Count);
        var steps = new List<ColourStep>(stepCount);
        var from = 1L;
        for (var i = 0; i < stepCount; i++)
        {
            // The step's top: the distinct count at the (i+1)/n quantile; the last step ends at the largest count.
            var to = values[(int)Math.Ceiling((i + 1) * values.Count / (double)stepCount) - 1];
            var colour = palette[stepCount == 1 ? palette.Count - 1 : (int)Math.Round(i * (palette.Count - 1) / (double)(stepCount - 1))];
            steps.Add(new ColourStep(from, to, colour));
            from = to + 1;
        }

        return steps;
    }
}

/// <summary>A map's legend: what its counts are, its colour steps, and its element id (tests and styles find it by it).</summary>
public sealed record MapLegend(string Id, string Title, IReadOnlyList<ColourStep> Steps, string NoneLabel, string? ThailandLabel = null);
