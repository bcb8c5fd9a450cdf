using System.Text.Json;
using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

/// <summary>The five real seed documents: every gold date found with its value, nothing invented.</summary>
public class DateReaderSeedTests
{
    [Fact]
    public void Read_SeedDocuments_FindsEveryGoldDateAndNoOther()
    {
        var problems = new List<string>();
        var files = SeedCorpus.TextFiles().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            using var gold = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(file, null) + ".gold.json"));
            var doc = DateReader.Default.Read(text);

            var goldPublished = gold.RootElement.GetProperty("published");
            var expected = goldPublished.ValueKind == JsonValueKind.Null ? null : goldPublished.GetString();
            if (expected != doc.Published?.Value.WithoutTime().ToString() && !(expected is null && doc.Published is null))
            {
                problems.Add($"{name}: published {doc.Published?.Normalized ?? "null"}, want {expected ?? "null"}");
            }

            var used = new HashSet<DateMention>(ReferenceEqualityComparer.Instance);
            var goldValues = new HashSet<string>(StringComparer.Ordinal);
            foreach (var g in gold.RootElement.GetProperty("dates_in_text").EnumerateArray())
            {
                var written = g.GetProperty("as_written").GetString()!;
                var value = g.GetProperty("normalized").GetString()!;
                var role = g.GetProperty("role").GetString();
                goldValues.Add(value);
                var hit = doc.Mentions.FirstOrDefault(m => !used.Contains(m) && Covers(text, written, m));
                if (hit is null)
                {
                    problems.Add($"{name}: missed '{written}'");
                    continue;
                }

                used.Add(hit);
                if (role == "name" ? hit.Role != DateRole.Name : !SameValue(value, hit.Normalized))
                {
                    problems.Add($"{name}: '{written}' read as {hit.Normalized} ({hit.Role}), want {value} ({role})");
                }
            }

            // A day repeated from the gold (the list's 26 กันยายน after the lead's 26 กันยายน 2566) is no invention.
            problems.AddRange(doc.Mentions
                .Where(m => !used.Contains(m) && !m.IsRelative && !goldValues.Contains(m.Normalized))
                .Select(m => $"{name}: extra '{m.Text}' = {m.Normalized}{m.Error}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>As the scorer matches: the texts contain each other, or the span covers half the gold text.</summary>
    private static bool Covers(string text, string written, DateMention m)
    {
        if (m.Text == written || (m.Text.Length >= 4 && (written.Contains(m.Text, StringComparison.Ordinal) || m.Text.Contains(written, StringComparison.Ordinal))))
        {
            return true;
        }

        for (var i = text.IndexOf(written, StringComparison.Ordinal); i >= 0; i = text.IndexOf(written, i + 1, StringComparison.Ordinal))
        {
            var overlap = Math.Min(m.Span.End, i + written.Length) - Math.Max(m.Span.Start, i);
            if (overlap >= written.Length / 2.0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameValue(string gold, string predicted) =>
        gold == predicted || predicted.StartsWith(gold + "T", StringComparison.Ordinal);
}
