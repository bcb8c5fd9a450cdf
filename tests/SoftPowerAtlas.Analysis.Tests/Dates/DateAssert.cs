using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

/// <summary>Finds the one mention written as expected and checks its span points at that text.</summary>
internal static class DateAssert
{
    public static DateMention Single(string text, string written, DateOnly? anchor = null)
    {
        var mentions = DateReader.Default.Find(text, anchor);
        var found = mentions.Where(m => m.Text == written).ToList();
        Assert.True(found.Count == 1, $"expected one mention '{written}' in '{text}', found: " +
            string.Join(" | ", mentions.Select(m => $"'{m.Text}'={m.Normalized}")));
        var mention = found[0];
        Assert.Equal(written, text[mention.Span.Start..mention.Span.End]);
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), mention.Span.Start);
        return mention;
    }
}
