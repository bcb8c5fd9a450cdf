using System.Globalization;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Reads the reference-data TSV dialect: UTF-8, a header line, <c>#</c> comments, tab-separated cells,
/// several values in a cell separated by <c>|</c>. Malformed data is a programmer error and throws.
/// </summary>
internal static class TsvReader
{
    /// <summary>Reads every data row of <paramref name="file"/>, checking the header against <paramref name="columns"/>.</summary>
    public static IEnumerable<TsvRow> Read(string file, TextReader reader, IReadOnlyList<string> columns)
    {
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (!sawHeader)
            {
                var header = cells.Select(c => c.Trim()).ToArray();
                if (!header.SequenceEqual(columns, StringComparer.Ordinal))
                {
                    throw Error(file, lineNumber, $"header is '{string.Join(", ", header)}', expected '{string.Join(", ", columns)}'");
                }

                sawHeader = true;
                continue;
            }

            if (cells.Length > columns.Count)
            {
                throw Error(file, lineNumber, $"{cells.Length} cells, the header has {columns.Count}");
            }

            yield return new TsvRow(file, lineNumber, columns, cells);
        }

        if (!sawHeader)
        {
            throw Error(file, lineNumber, "no header line");
        }
    }

    /// <summary>An exception that names the file and line of bad reference data.</summary>
    public static InvalidDataException Error(string file, int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {message}"));
}

/// <summary>One data line of a reference TSV file; missing trailing cells read as empty.</summary>
internal readonly struct TsvRow(string file, int line, IReadOnlyList<string> columns, string[] cells)
{
    public string File => file;

    public int Line => line;

    /// <summary>The trimmed cell, empty when absent.</summary>
    public string Cell(int column) => column < cells.Length ? cells[column].Trim() : string.Empty;

    /// <summary>The trimmed cell; throws when it is empty.</summary>
    public string Required(int column)
    {
        var value = Cell(column);
        return value.Length > 0 ? value : throw Error($"column '{columns[column]}' is empty");
    }

    /// <summary>The cell or <see langword="null"/> when it is empty.</summary>
    public string? Optional(int column)
    {
        var value = Cell(column);
        return value.Length > 0 ? value : null;
    }

    /// <summary>The cell split on <c>|</c>, each value trimmed, empty values dropped.</summary>
    public IReadOnlyList<string> List(int column) =>
        Cell(column).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The cell's values parsed as names with their match markers.</summary>
    public IReadOnlyList<NameForm> Names(int column)
    {
        var values = List(column);
        var forms = new NameForm[values.Count];
        for (var i = 0; i < forms.Length; i++)
        {
            forms[i] = NameOf(values[i], column);
        }

        return forms;
    }

    /// <summary>A single required name with its match marker.</summary>
    public NameForm RequiredName(int column) => NameOf(Required(column), column);

    /// <summary>Parses a snake_case cell (<c>public_org</c>) into <typeparamref name="TEnum"/> (<c>PublicOrg</c>).</summary>
    public TEnum Enum<TEnum>(int column)
        where TEnum : struct, Enum
    {
        var raw = Required(column);
        var pascal = raw.Replace("_", string.Empty, StringComparison.Ordinal);
        if (pascal.All(char.IsAsciiLetter) && System.Enum.TryParse<TEnum>(pascal, ignoreCase: true, out var value))
        {
            return value;
        }

        throw Error($"'{raw}' is not a valid {columns[column]}");
    }

    public InvalidDataException Error(string message) => TsvReader.Error(file, line, message);

    private NameForm NameOf(string raw, int column) =>
        NameForm.TryParse(raw, out var form) ? form : throw Error($"bad name '{raw}' in column '{columns[column]}'");
}
