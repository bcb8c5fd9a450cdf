using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// A document's search vector as the text <c>atlas_search_vector(title, body)</c> (migration
/// 0012_search) casts to <c>tsvector</c>, built in C# from the same words (<see cref="PostgresLexemes"/>):
/// each word at its position, title words weight A, quotes and backslashes escaped as the SQL does.
/// The bulk ingest path sends it with the documents, so the server parses a vector instead of
/// splitting the text with a regular expression, the largest part of its work per document.
/// </summary>
internal static class PostgresSearchVector
{
    /// <summary>Past this many characters the server builds the vector itself (it knows its 1 MB limit and what to do past it).</summary>
    private const int MaxLiteral = 512 * 1024;

    /// <summary>PostgreSQL keeps positions up to this; later words share it.</summary>
    private const int MaxPosition = 16383;

    /// <summary>The vector's text, or null when the text is too long to be sure of the server's limit.</summary>
    public static string? Literal(string? title, string? body)
    {
        var heading = PostgresLexemes.Of(title ?? string.Empty);
        var words = PostgresLexemes.Of(body ?? string.Empty);
        var text = new StringBuilder();
        var position = 0;
        foreach (var word in heading.Concat(words))
        {
            position++;
            if (position > 1)
            {
                text.Append(' ');
            }

            text.Append('\'')
                .Append(word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal))
                .Append("':")
                .Append(Math.Min(position, MaxPosition).ToString(CultureInfo.InvariantCulture));
            if (position <= heading.Count)
            {
                text.Append('A');
            }

            if (text.Length > MaxLiteral)
            {
                return null;
            }
        }

        return text.ToString();
    }
}
