using System.Text;
using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Web.Localization;

/// <summary>
/// Thai for the English messages the store sends to a page (a malformed search query, a list filter it
/// cannot read, a curation it refuses), by the rows of the embedded <c>Localization/Data/store-messages.tsv</c>:
/// a pattern for the whole English message and its Thai with the pattern's groups put back. The store keeps
/// English for the CLI and the API; only pages in Thai ask for these. Thread-safe.
/// </summary>
public sealed class StoreMessages
{
    private const int MaxDepth = 4;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly Lazy<StoreMessages> LazyDefault = new(Load);

    private readonly IReadOnlyList<(Regex English, string Thai)> _rows;

    private StoreMessages(IReadOnlyList<(Regex English, string Thai)> rows) => _rows = rows;

    public static StoreMessages Default => LazyDefault.Value;

    /// <summary>The message in Thai, or null when no row reads it (the page then shows it in English, marked so).</summary>
    public string? Thai(string english) => Translate(english ?? string.Empty, 0);

    private string? Translate(string english, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        foreach (var (pattern, thai) in _rows)
        {
            Match match;
            try
            {
                match = pattern.Match(english);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            if (!match.Success)
            {
                continue;
            }

            var text = new StringBuilder(thai);
            var whole = true;
            foreach (var group in pattern.GetGroupNames().Where(n => !int.TryParse(n, out _)))
            {
                var value = match.Groups[group].Value;
                if (group.StartsWith("more", StringComparison.Ordinal))
                {
                    value = Translate(value, depth + 1)!;
                    whole &= value is not null;
                }

                text.Replace("{" + group + "}", value);
            }

            if (whole)
            {
                return text.ToString();
            }
        }

        return null;
    }

    /// <summary>Parses the table; a row without a pattern and its Thai, or a pattern that does not compile, is a defect of the file.</summary>
    public static StoreMessages Parse(TextReader reader, string name)
    {
        var rows = new List<(Regex, string)>();
        foreach (var (_, cells) in TableRows.Read(reader, name, 2, "an English pattern and its Thai separated by a tab"))
        {
            rows.Add((new Regex("^" + cells[0] + "$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout), cells[1]));
        }

        return new StoreMessages(rows);
    }

    private static StoreMessages Load()
    {
        const string name = "store-messages.tsv";
        using var reader = TableRows.Embedded(name);
        return Parse(reader, name);
    }
}
