using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Storage.Exports;

/// <summary>
/// CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote,
/// CR or LF (or starts or ends with a space), quotes inside doubled. A text field that begins with
/// = + - @ or a tab would run as a formula when opened in Excel or LibreOffice ("CSV injection"),
/// so it gets a leading apostrophe, which those programs hide; numbers are written as they are.
/// </summary>
public static class CsvWriter
{
    public static string Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var b = new StringBuilder();
        AppendRecord(b, table.Columns);
        foreach (var row in table.Rows)
        {
            AppendRecord(b, row.Select(Cell));
        }

        return b.ToString();
    }

    /// <summary>One field, quoted when it must be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IEnumerable<string> list => Guard(string.Join("; ", list)),
        _ => Guard(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Guard(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendRecord(StringBuilder b, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                b.Append(',');
            }

            b.Append(Field(f));
            first = false;
        }

        b.Append("\r\n");
    }
}

/// <summary>Rows to export: values are strings, numbers, string lists or null.</summary>
public sealed record ExportTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
