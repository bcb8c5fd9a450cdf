using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// The written shapes of dates as compiled regular expressions, built once from the lexicon. Each
/// expression only finds a shape; <see cref="DateScanner"/> checks the parts and decides.
/// </summary>
internal sealed partial class DatePatterns
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Spaces inside one date never cross a line.
    private const string S = "[ \\t\\u00A0\\u200B]";
    private const string Digit = "[0-9\\u0E50-\\u0E59]";

    // A Latin o typed for a Thai zero, in front of a digit (o๙/o๔/๒๕๖๑).
    private const string DigitOrO = "(?:[0-9\\u0E50-\\u0E59]|[oO](?=[0-9\\u0E50-\\u0E59]))";
    private const string NoDigitBefore = "(?<![0-9\\u0E50-\\u0E59.,:/])";
    private const string NoDigitAfter = "(?![0-9\\u0E50-\\u0E59])";
    private const string Era = "(?:พ\\.[ ]?ศ\\.|ค\\.[ ]?ศ\\.|พุทธศักราช|คริสต์ศักราช|B\\.[ ]?E\\.|A\\.[ ]?D\\.|C\\.[ ]?E\\.)";
    private const string Ordinal = "(?:st|nd|rd|th)?";
    private const string RangeSeparator = "(?:-|–|—|ถึง|จนถึง|to|until|till|through)";
    private const string Deadline = "(?<dl>ภายใน" + S + "*)?";

    public DatePatterns(DateLexicon lexicon)
    {
        var thaiMonth = lexicon.ThaiMonthPattern;
        var englishMonth = lexicon.EnglishMonthPattern + "(?![A-Za-z])\\.?";
        var anyMonth = "(?:เดือน" + S + "*|of" + S + "+)?(?:" + thaiMonth + "|" + englishMonth + ")";
        var thaiPrefix = "(?<pre>(?:ภายใน)?วัน(?:" + S + "*(?<wd>" + lexicon.ThaiWeekdayPattern + "))?" + S + "*(?:ที่" + S + "*)?)";
        var englishPrefix = "(?<pre>(?<wd>" + lexicon.EnglishWeekdayPattern + ")(?![A-Za-z])\\.?,?" + S + "+(?:the" + S + "+)?)";
        var time =
            "(?<time>" + S + "*[,\\-–]?" + S + "*(?<tcue>at|เวลา|ตั้งแต่เวลา|ณ" + S + "*เวลา|from)?" + S + "*" +
            "(?<hh>" + Digit + "{1,2})(?:(?<tsep>[.:])(?<mi>" + Digit + "{2}))?" + NoDigitAfter + S + "*" +
            "(?<tsfx>hrs\\.?|hours|hr\\.?|h(?![A-Za-z])|น\\.|น(?![\\u0E01-\\u0E4E])|[ap]\\.m\\.|[AP]\\.M\\.|[ap]m(?![A-Za-z])|[AP]M(?![A-Za-z]))?)?";

        // Shapes that open with a number start at the number (digits are rare, so the engine skips
        // ahead fast); the words before it (วันพุธที่, Tuesday,) are read backwards by DayPrefix.
        DayFirst = new Regex(
            NoDigitBefore +
            "(?<d1>" + Digit + "{1,2})" + Ordinal + NoDigitAfter +
            "(?:" + S + "*(?<m1>" + anyMonth + ")(?:" + S + "*,?" + S + "*" + Year("y1", "e1") + ")?)?" +
            "(?:" + S + "*" + RangeSeparator + S + "*(?:วันที่" + S + "*|วัน" + S + "*)?(?<d2>" + Digit + "{1,2})" + Ordinal + NoDigitAfter + ")?" +
            S + "*(?:(?<dc>,)" + S + "*)?(?<m2>" + anyMonth + ")" +
            "(?:" + S + "*,?" + S + "*" + Year("y2", "e2") + ")?" + time,
            Options);

        ThaiMonthFirst = new Regex(
            "(?<m1>" + thaiMonth + ")" + S + "+(?<d1>" + Digit + "{1,2})" + S + "*," + S + "*\\z",
            Lean | RegexOptions.RightToLeft);

        MonthFirst = new Regex(
            "(?<![A-Za-z])(?:" + englishPrefix + ")?" +
            "(?<m1>" + englishMonth + ")" + S + "+(?<d1>[0-9]{1,2})" + Ordinal + "(?![0-9A-Za-z])" +
            "(?:" + S + "*" + RangeSeparator + S + "*(?:(?<m2>" + englishMonth + ")" + S + "+)?(?<d2>[0-9]{1,2})" + Ordinal + "(?![0-9A-Za-z]))?" +
            "(?:" + S + "*,?" + S + "*" + Year("y2", "e2") + ")?" + time,
            Options);

        // A month-year is found from its year (digits are rare; a month word at the front would be
        // tried at every Thai letter); the month and a range's first month are read backwards.
        MonthYear = new Regex(NoDigitBefore + "(?<y2>" + Digit + "{4}|" + Digit + "{2})" + NoDigitAfter, Options);
        MonthBeforeYear = new Regex(
            "(?:เดือน" + S + "*)?(?<m2>" + thaiMonth + "|" + englishMonth + ")" + S + "*,?" + S + "*(?:(?<e2>" + Era + ")" + S + "*)?\\z",
            Options | RegexOptions.RightToLeft);

        YearOnly = new Regex(
            Deadline + "(?<kw>(?:ปี" + S + "*(?:" + Era + ")?|(?<![\\u0E01-\\u0E2E]\\.)" + Era + "))" + S + "*['’‘]?" + S + "*(?<y1>" + Digit + "{4}|" + Digit + "{2})" + NoDigitAfter +
            "(?:" + S + "*" + RangeSeparator + S + "*(?:ปี" + S + "*)?(?:" + Era + S + "*)?(?<y2>" + Digit + "{4})" + NoDigitAfter + ")?",
            Options);

        EnglishYear = new Regex(
            "(?<=(?<![A-Za-z])(?<kw>(?i:in|since|by|until|from|during|before|after|through|between|early|late|mid-|mid|end of|beginning of|start of|half of|year))" + S + "?)" +
            "(?<y1>(?:1[89]|20|21)[0-9]{2})(?![0-9]|,[0-9]|\\.[0-9])" +
            "(?:" + S + "*(?<sep>-|–|to|and)" + S + "*(?<y2>(?:1[89]|20|21)[0-9]{2})(?![0-9]))?",
            Options);

        FiscalYear = new Regex(
            "(?:(?<kw>(?:ปี" + S + "*งบ(?:ประมาณ|ฯ|\\.)?|งบ(?:ประมาณ)?" + S + "*ปี)" + S + "*(?:" + Era + S + "*)?)(?<y1>" + Digit + "{4}|" + Digit + "{2})" +
            "|(?<![A-Za-z])(?<kw>(?i:fiscal|financial)" + S + "+(?i:year)" + S + "*(?:\\(FY\\)" + S + "*)?)(?<y1>[0-9]{4})" +
            "|(?<![A-Za-z])(?<kw>FY" + S + "?)(?<y1>[0-9]{4}|[0-9]{2}))" + NoDigitAfter +
            "(?:" + S + "*[-–/]" + S + "*(?:FY)?(?<y2>" + Digit + "{4}|" + Digit + "{2})" + NoDigitAfter + ")?",
            Options);

        Numeric = new Regex(
            "(?<![0-9\\u0E50-\\u0E59./\\-A-Za-z])(?<![0-9\\u0E50-\\u0E59][,:])" +
            "(?<d1>" + DigitOrO + "{1,2})(?<sep>[/.\\-])(?<mo>" + DigitOrO + "{1,2})\\k<sep>(?<y1>" + Digit + "{4}|" + Digit + "{2})" +
            "(?![0-9\\u0E50-\\u0E59]|[/.\\-,:][0-9\\u0E50-\\u0E59])" + time,
            Options);

        Iso = new Regex(
            "(?<![0-9\\u0E50-\\u0E59.,:/\\-A-Za-z])(?<y1>" + Digit + "{4})(?<sep>[\\-/])(?<mo>" + Digit + "{1,2})\\k<sep>(?<d1>" + Digit + "{1,2})" +
            "(?:[T ](?<hh>[0-9]{2}):(?<mi>[0-9]{2})(?::[0-9]{2}(?:\\.[0-9]+)?)?(?<tz>Z|[+\\-][0-9]{2}:?[0-9]{2})?)?" +
            "(?![0-9\\u0E50-\\u0E59]|[\\-/:][0-9])",
            Options);

        Relative = new Regex(lexicon.ThaiRelativePattern, Options);

        // Every English relative word ends with its unit (next year, the day before yesterday; year-end, all
        // year round): found from the unit, which the engine skips to fast, then read backwards.
        EnglishRelativeUnit = new Regex("(?<![A-Za-z])(?i:yesterday|today|tomorrow|week|month|year(?:-end|" + S + "+round)?)(?![A-Za-z])", Options);
        EnglishRelative = new Regex("(?<![A-Za-z])(?i:" + lexicon.EnglishRelativePattern + ")\\z", Lean | RegexOptions.RightToLeft);

        Duration = new Regex(
            "(?<![0-9\\u0E50-\\u0E59.,])(?<n>" + Digit + "{1,3})" + S + "*(?<unit>" + lexicon.UnitPattern + ")(?![A-Za-z])" +
            "(?:(?<ago>" + S + "*(?:ที่แล้ว|ที่ผ่านมา|ก่อน(?![\\u0E01-\\u0E4E])|(?i:ago)))" +
            "|(?<from>" + S + "*(?:นับ(?:ตั้ง)?แต่|(?i:from|after))(?:" + S + "*(?:วันที่?|(?i:the" + S + "+date" + S + "+of))" + S + "*[\\u0E01-\\u0E4E]{0,12})?))?",
            Options);

        DayPrefix = new Regex("(?:" + thaiPrefix + "|" + englishPrefix + ")\\z", Options | RegexOptions.RightToLeft);
        MonthRangeHead = new Regex(
            "(?<m1>" + thaiMonth + "|" + englishMonth + ")(?:" + S + "*,?" + S + "*" + Year("y1", "e1") + ")?" + S + "*" + RangeSeparator + S + "*(?:เดือน" + S + "*)?\\z",
            Options | RegexOptions.RightToLeft);
        DeadlineBefore = new Regex("ภายใน" + S + "*\\z", Options | RegexOptions.RightToLeft);
        DurationCue = new Regex(
            "(?<cue>ภายใน|ในอีก|อีก|(?i:within|in|over)(?:" + S + "+(?i:the)" + S + "+(?<next>(?i:next|coming|following)))?)" + S + "*\\z",
            Options | RegexOptions.RightToLeft);
        BuildWordShapes(lexicon);
    }

    public static DatePatterns Default { get; } = new(DateLexicon.Default);

    /// <summary>Day before month: 5 ธันวาคม 2550, วันพุธที่ 11 มกราคม 2566, 28-30 มิถุนายน 2567, 28 มิ.ย. - 2 ก.ค. 67, 11 January 2023.</summary>
    public Regex DayFirst { get; }

    /// <summary>English month before day: January 11, 2023, at 10.30 hrs; Tuesday, February 6, 2024; June 28-30, 2024.</summary>
    public Regex MonthFirst { get; }

    /// <summary>Read backwards from a year: a Thai month and day before it, as blog templates write them (มิถุนายน 27, 2562).</summary>
    public Regex ThaiMonthFirst { get; }

    /// <summary>The year of a month and year (ตุลาคม 2562, พ.ค. 67, January 2023); the month is read by <see cref="MonthBeforeYear"/>.</summary>
    public Regex MonthYear { get; }

    /// <summary>A year with its word: ปี 2566, พ.ศ. 2563 - 2565, ค.ศ. 2023, ภายในปี 2566.</summary>
    public Regex YearOnly { get; }

    /// <summary>An English year after a preposition: in 2023, since 2020, by 2025, from 2020 to 2022.</summary>
    public Regex EnglishYear { get; }

    public Regex FiscalYear { get; }

    /// <summary>Day, month and year in digits, day first: 27/09/2566, 27-09-2023, 27.09.66.</summary>
    public Regex Numeric { get; }

    /// <summary>Year first: 2024-05-29, 2024/05/29, 2024-05-29T10:00:00+07:00.</summary>
    public Regex Iso { get; }

    /// <summary>Thai relative words: เมื่อวานนี้, ปีหน้า, ต้นปีหน้า, ก่อนปีใหม่.</summary>
    public Regex Relative { get; }

    /// <summary>The unit an English relative word ends with (yesterday, week, month, year).</summary>
    public Regex EnglishRelativeUnit { get; }

    /// <summary>Read backwards from its unit's end: an English relative word (last year, early next year, the end of the month).</summary>
    public Regex EnglishRelative { get; }

    /// <summary>ภายใน 6 เดือน, within 3 years, 2 ปีที่แล้ว, 4 ปี นับตั้งแต่วันที่ลงนาม.</summary>
    public Regex Duration { get; }

    /// <summary>Read backwards from a day number: วันพุธที่ / ภายในวันที่ / Tuesday, (ending where the number starts).</summary>
    public Regex DayPrefix { get; }

    /// <summary>Read backwards from a year: the month (with เดือน and an era) written just before it.</summary>
    public Regex MonthBeforeYear { get; }

    /// <summary>Read backwards from a month-year: the "มกราคม -" of มกราคม - มีนาคม 2567.</summary>
    public Regex MonthRangeHead { get; }

    /// <summary>Read backwards: ภายใน right before a month or year.</summary>
    public Regex DeadlineBefore { get; }

    /// <summary>Read backwards from a duration's number: ภายใน, อีก, within, in, within the next.</summary>
    public Regex DurationCue { get; }

    private static string Year(string group, string eraGroup) =>
        "(?:(?<" + eraGroup + ">" + Era + ")" + S + "*)?(?<" + group + ">" + Digit + "{4}|" + Digit + "{2})" + NoDigitAfter;
}
