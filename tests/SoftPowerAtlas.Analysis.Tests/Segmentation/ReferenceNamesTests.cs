using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public class ReferenceNamesTests
{
    [Fact]
    public void Segment_EveryThaiReferenceNameInASentence_StaysOneWord()
    {
        var data = ReferenceData.Default;
        var names = data.Agencies.SelectMany(a => a.Names).Concat(data.ForeignBodies.SelectMany(b => b.Names))
            .Concat(data.Countries.SelectMany(c => c.Names)).Concat(data.Provinces.SelectMany(p => p.Names))
            .Concat(data.ForeignPlaces.SelectMany(p => p.Names))
            .Select(n => n.Text)
            .Where(t => t.Length >= 2 && t[0] is >= '\u0E01' and <= '\u0E2E' && !t.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(names.Count > 500, $"only {names.Count} names");

        var split = new List<string>();
        foreach (var name in names)
        {
            var text = $"ผู้แทน {name} เข้าร่วม";
            var start = text.IndexOf(name, StringComparison.Ordinal);
            var tokens = TestText.Shared.Words.Segment(text);
            // Never cut between two letters of the name; the dots of an abbreviation (ครม.) are their own tokens.
            var end = start + name.Length;
            var cuts = tokens.Select(t => t.Start).Where(b => b > start && b < end && char.IsLetter(text[b - 1]) && IsLetterOrMark(text[b]));
            if (cuts.Any() || !tokens.Any(t => t.Start == start))
            {
                split.Add(name);
            }
        }

        Assert.True(split.Count == 0, $"{split.Count} of {names.Count} names split, e.g. {string.Join(", ", split.Take(10))}");
    }

    private static bool IsLetterOrMark(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;
}
