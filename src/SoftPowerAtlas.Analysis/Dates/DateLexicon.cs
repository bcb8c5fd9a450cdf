using System.Globalization;
using System.Reflection;
using System.Text;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>Kind of a written month name, which decides how much context it needs to count as a month.</summary>
internal enum MonthKind
{
    Full,
    Abbreviation,
    Short,
    English,
}

/// <summary>A date cue word from cues.tsv and where it must stand relative to the date.</summary>
internal sealed record DateCue(DateRole Role, bool RightBefore, string Form);

/// <summary>Which part of a period a word means: ต้นปี is its start, กลางปี its middle, สิ้นปี its last day.</summary>
internal enum PeriodPart
{
    Whole,
    Early,
    Mid,
    Late,
    End,
}

/// <summary>A relative word from relative.tsv: a period counted from the anchor's (ปีหน้า: the year after), and which part of it.</summary>
internal readonly record struct RelativeWord(DateUnit Unit, int Offset, PeriodPart Part);

/// <summary>
/// The words of dates (months, weekdays, relative words, duration units, role cues), read once
/// from the data files under Dates/Data and turned into lookups and regular-expression fragments.
/// Immutable and shared.
/// </summary>
internal sealed partial class DateLexicon
{
    private readonly Dictionary<string, (int Month, MonthKind Kind)> _months;
    private readonly Dictionary<string, RelativeWord> _relative;
    private readonly Dictionary<string, DayOfWeek> _weekdays;
    private readonly Dictionary<string, DateUnit> _units;
    private readonly Dictionary<string, (int Value, bool Ordinal)> _numbers;
    private readonly HashSet<string> _latinCountWords;
    private readonly string[] _thaiCountWords;
    private readonly string[] _numberLabels;

    private DateLexicon()
    {
        _months = new(StringComparer.Ordinal);
        var thaiMonths = new List<string>();
        var englishMonths = new List<string>();
        foreach (var row in ReadRows("months.tsv", 3))
        {
            var month = int.Parse(row[1], CultureInfo.InvariantCulture);
            var kind = row[2] switch
            {
                "full" => MonthKind.Full,
                "abbr" => MonthKind.Abbreviation,
                "short" => MonthKind.Short,
                "en" => MonthKind.English,
                _ => throw new InvalidDataException("months.tsv: unknown kind " + row[2]),
            };
            if (kind == MonthKind.English)
            {
                _months[row[0].ToUpperInvariant()] = (month, kind);
                englishMonths.Add(row[0]);
                englishMonths.Add(row[0].ToUpperInvariant());
            }
            else
            {
                _months[ThaiKey(row[0])] = (month, kind);
                thaiMonths.Add(ThaiFormPattern(row[0], kind));
            }
        }

        ThaiMonthPattern = Alternation(thaiMonths);
        EnglishMonthPattern = Alternation(englishMonths.Select(EscapeLatin));

        var thaiWeekdays = new List<string>();
        var englishWeekdays = new List<string>();
        _weekdays = new(StringComparer.Ordinal);
        foreach (var row in ReadRows("weekdays.tsv", 3))
        {
            // ISO numbering (Monday 1, Sunday 7) to DayOfWeek (Sunday 0).
            var day = (DayOfWeek)(int.Parse(row[1], CultureInfo.InvariantCulture) % 7);
            _weekdays[row[2] == "en" ? row[0].ToUpperInvariant() : ThaiKey(row[0])] = day;
            if (row[2] == "en")
            {
                englishWeekdays.Add(EscapeLatin(row[0]));
                englishWeekdays.Add(EscapeLatin(row[0].ToUpperInvariant()));
            }
            else
            {
                thaiWeekdays.Add(ThaiFormPattern(row[0], MonthKind.Full));
            }
        }

        ThaiWeekdayPattern = Alternation(thaiWeekdays);
        EnglishWeekdayPattern = Alternation(englishWeekdays);

        _relative = new(StringComparer.Ordinal);
        var thaiRelative = new List<string>();
        var englishRelative = new List<string>();
        foreach (var row in ReadRows("relative.tsv", 4))
        {
            _relative[row[0].ToUpperInvariant()] = new RelativeWord(ParseUnit(row[1]), int.Parse(row[2], CultureInfo.InvariantCulture), ParsePart(row[3]));
            (IsLatin(row[0]) ? englishRelative : thaiRelative).Add(EscapeLatin(row[0]).Replace(" ", "[ \\t]+", StringComparison.Ordinal));
        }

        ThaiRelativePattern = Alternation(thaiRelative);
        // Read backwards from its end, so the longest form must come first (early next year before next year).
        EnglishRelativePattern = "(?:" + string.Join('|', englishRelative.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)) + ")";

        _units = new(StringComparer.Ordinal);
        var units = new List<string>();
        foreach (var row in ReadRows("units.tsv", 2))
        {
            _units[row[0].ToUpperInvariant()] = ParseUnit(row[1]);
            units.Add(IsLatin(row[0]) ? "(?i:" + row[0] + ")" : row[0]);
        }

        UnitPattern = Alternation(units);

        _numbers = new(StringComparer.Ordinal);
        var cardinals = new List<string>();
        var thaiCardinals = new List<string>();
        var englishOrdinals = new List<string>();
        var thaiOrdinals = new List<string>();
        foreach (var row in ReadRows("numbers.tsv", 3))
        {
            var ordinal = row[2] == "ordinal";
            _numbers[row[0].ToUpperInvariant()] = (int.Parse(row[1], CultureInfo.InvariantCulture), ordinal);
            var latin = IsLatin(row[0]);
            (ordinal ? latin ? englishOrdinals : thaiOrdinals : cardinals).Add(latin ? "(?i:" + row[0] + ")" : row[0]);
            if (!ordinal && !latin)
            {
                thaiCardinals.Add(row[0]);
            }
        }

        NumberWordPattern = Alternation(cardinals);
        ThaiNumberPattern = Alternation(thaiCardinals);
        EnglishOrdinalPattern = Alternation(englishOrdinals);
        ThaiOrdinalPattern = Alternation(thaiOrdinals);
        YearNamePattern = Alternation(ReadLines("year-names.txt"));

        var countWords = ReadLines("count-words.txt").ToList();
        _latinCountWords = new(countWords.Where(w => IsLatin(w)).Select(w => w.ToUpperInvariant()), StringComparer.Ordinal);
        _thaiCountWords = [.. countWords.Where(w => !IsLatin(w))];
        _numberLabels = [.. ReadLines("number-labels.txt").OrderByDescending(w => w.Length)];

        Cues = [.. ReadRows("cues.tsv", 3).Select(row => new DateCue(
            row[0] switch
            {
                "name" => DateRole.Name,
                "deadline" => DateRole.Deadline,
                "period" => DateRole.Period,
                _ => throw new InvalidDataException("cues.tsv: unknown role " + row[0]),
            },
            row[1] == "before",
            row[2]))];
    }

    public static DateLexicon Default { get; } = new();

    /// <summary>Alternation of every Thai month form (full, abbreviated, short, misspelt).</summary>
    public string ThaiMonthPattern { get; }

    /// <summary>Alternation of English month names and abbreviations (Title and UPPER case).</summary>
    public string EnglishMonthPattern { get; }

    public string ThaiWeekdayPattern { get; }

    public string EnglishWeekdayPattern { get; }

    public string ThaiRelativePattern { get; }

    public string EnglishRelativePattern { get; }

    public string UnitPattern { get; }

    /// <summary>Alternation of cardinal number words (two, สาม) that count units of time.</summary>
    public string NumberWordPattern { get; }

    /// <summary>Alternation of Thai number words (สาม), for ไตรมาสสาม.</summary>
    public string ThaiNumberPattern { get; }

    /// <summary>Alternation of English ordinal words that name a quarter (third, 3rd).</summary>
    public string EnglishOrdinalPattern { get; }

    /// <summary>Alternation of Thai ordinal words that name a quarter (แรก, ที่สาม, สุดท้าย).</summary>
    public string ThaiOrdinalPattern { get; }

    /// <summary>Alternation of festivals and holidays written with their year (ลอยกระทง 66).</summary>
    public string YearNamePattern { get; }

    public IReadOnlyList<DateCue> Cues { get; }

    public bool TryMonth(ReadOnlySpan<char> written, out int month, out MonthKind kind)
    {
        var key = IsLatin(written) ? written.ToString().TrimEnd('.').ToUpperInvariant() : ThaiKey(written);
        if (_months.TryGetValue(key, out var found))
        {
            (month, kind) = found;
            return true;
        }

        (month, kind) = (0, MonthKind.Full);
        return false;
    }

    public bool TryRelative(string written, out RelativeWord word)
    {
        var key = string.Join(' ', written.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return _relative.TryGetValue(key, out word);
    }

    public bool TryWeekday(ReadOnlySpan<char> written, out DayOfWeek day) =>
        _weekdays.TryGetValue(IsLatin(written) ? written.ToString().ToUpperInvariant() : ThaiKey(written), out day);

    public DateUnit Unit(string written) => _units[written.ToUpperInvariant()];

    /// <summary>Lookup key of a Thai form: no dots, spaces, ฯ, thanthakhat or tone marks.</summary>
    internal static string ThaiKey(ReadOnlySpan<char> written)
    {
        var sb = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            if (c is '.' or ' ' or '\t' or '\u00A0' or 'ฯ' or '\u0E4C' || c is >= '\u0E48' and <= '\u0E4B')
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string ThaiFormPattern(string form, MonthKind kind)
    {
        if (kind == MonthKind.Abbreviation)
        {
            // ม.ค. is also written ม.ค, มค., ม. ค. and มค; the reader decides afterwards whether
            // a form without dots has the context it needs.
            var parts = form.Split('.', StringSplitOptions.RemoveEmptyEntries);
            return string.Join("\\.?[ ]?", parts) + "\\.?";
        }

        var sb = new StringBuilder(form.Length * 2);
        foreach (var c in form)
        {
            // A missing thanthakhat or tone mark is a common slip (กุมภาพันธ for กุมภาพันธ์).
            if (c is '\u0E4C' || c is >= '\u0E48' and <= '\u0E4B')
            {
                sb.Append(c).Append('?');
            }
            else if (c == 'ฯ')
            {
                sb.Append('ฯ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string EscapeLatin(string form) => form.Replace(".", "\\.", StringComparison.Ordinal);

    private static bool IsLatin(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u0E00' and <= '\u0E7F')
            {
                return false;
            }
        }

        return true;
    }

    private static PeriodPart ParsePart(string s) => s switch
    {
        "whole" => PeriodPart.Whole,
        "early" => PeriodPart.Early,
        "mid" => PeriodPart.Mid,
        "late" => PeriodPart.Late,
        "end" => PeriodPart.End,
        _ => throw new InvalidDataException("unknown part of a period " + s),
    };

    private static DateUnit ParseUnit(string s) => s switch
    {
        "day" => DateUnit.Day,
        "week" => DateUnit.Week,
        "month" => DateUnit.Month,
        "year" => DateUnit.Year,
        _ => throw new InvalidDataException("unknown unit " + s),
    };

    /// <summary>
    /// Alternatives in descending ordinal order: a longer form comes before its own prefix (มิถุนายน
    /// before มิถุนา), and forms sharing a beginning sit together, so the regex engine factors them
    /// into a trie instead of trying a hundred branches at every position.
    /// </summary>
    private static string Alternation(IEnumerable<string> patterns) =>
        "(?:" + string.Join('|', patterns.Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal)) + ")";

    private static IEnumerable<string> ReadLines(string file) => ReadRows(file, 1).Select(row => row[0]);

    private static IEnumerable<string[]> ReadRows(string file, int columns)
    {
        var name = "Dates/Data/" + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("missing embedded resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != columns)
            {
                throw new InvalidDataException($"{name}: expected {columns} columns in '{line}'");
            }

            rows.Add(cells);
        }

        return rows;
    }
}
