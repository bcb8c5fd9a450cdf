using System.Text;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// The words PostgreSQL's search index holds, found the way <c>atlas_search_words()</c> (migration
/// 0008_search) finds them: pieces of text between separators (punctuation, symbols, emoji, white
/// space), ASCII lower-cased and Latin accents folded, at most <see cref="MaxLength"/> characters.
/// Queries and highlights use this copy; a test holds it to the SQL function character by character.
/// </summary>
internal static class PostgresLexemes
{
    /// <summary>Longest lexeme kept, in Unicode scalar values (PostgreSQL's limit is 2 KB).</summary>
    public const int MaxLength = 100;

    /// <summary>Letters folded, as the migration's translate() lists them; <see cref="Plain"/> holds what each becomes.</summary>
    internal const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";

    internal const string Plain =
        "aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz";

    /// <summary>Inclusive code point ranges that separate words, as the migration's regular expression lists them.</summary>
    private static readonly (int First, int Last)[] Separators =
    [
        (0x0001, 0x002F), (0x003A, 0x0040), (0x005B, 0x0060), (0x007B, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
        (0x0E3F, 0x0E3F), (0x0E4F, 0x0E4F), (0x0E5A, 0x0E5B), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x2BFF),
        (0x3000, 0x303F), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFF0, 0xFFFF), (0x1F000, 0x1FAFF),
    ];

    /// <summary>The indexed pieces of <paramref name="text"/>, in order, each with its range in the text.</summary>
    public static List<Piece> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<Piece>();
        var lexeme = new StringBuilder();
        var start = -1;
        var kept = 0;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsSeparator(rune.Value))
            {
                if (start >= 0)
                {
                    pieces.Add(new Piece(start, at, lexeme.ToString()));
                    (start, kept) = (-1, 0);
                    lexeme.Clear();
                }
            }
            else
            {
                if (start < 0)
                {
                    start = at;
                }

                if (kept++ < MaxLength)
                {
                    AppendFolded(lexeme, rune);
                }
            }

            at += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            pieces.Add(new Piece(start, at, lexeme.ToString()));
        }

        return pieces;
    }

    /// <summary>The lexemes of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Of(string text) => [.. Split(text).Select(p => p.Lexeme)];

    public static bool IsSeparator(int codePoint)
    {
        foreach (var (first, last) in Separators)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendFolded(StringBuilder lexeme, Rune rune)
    {
        var value = rune.Value;
        if (value is >= 'A' and <= 'Z')
        {
            lexeme.Append((char)(value + ('a' - 'A')));
            return;
        }

        var accented = value <= char.MaxValue ? Accented.IndexOf((char)value, StringComparison.Ordinal) : -1;
        if (accented >= 0)
        {
            lexeme.Append(Plain[accented]);
            return;
        }

        lexeme.Append(rune.ToString());
    }

    /// <summary>A word of the index: where it stands in the text (UTF-16 offsets) and what the index holds for it.</summary>
    internal readonly record struct Piece(int Start, int End, string Lexeme);
}
