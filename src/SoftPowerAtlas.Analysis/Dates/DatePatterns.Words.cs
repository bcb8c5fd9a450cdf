using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Shapes that need words around them to be dates: quarters, a month or a weekday alone, years that
/// name an event or a meeting, stamps, lists of days, and the words that tell a date's tense.
/// </summary>
internal sealed partial class DatePatterns
{
    // Not compiled: most of these are tried from a rare anchor or on a short window, where the interpreter
    // is as fast, and compiling them all would add seconds of JIT to every process's first date.
    private const RegexOptions Lean = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Run over every whole text, where the interpreter is several times slower: compiled once a process
    // has read a few documents (TieredRegex), so one-page commands still start fast.
    private TieredRegex _isoMonth = null!;
    private TieredRegex _numericSpaced = null!;
    private TieredRegex _quarter = null!;
    private TieredRegex _englishMonthAlone = null!;
    private TieredRegex _weekday = null!;
    private TieredRegex _durationInWords = null!;
    private TieredRegex _termInWords = null!;

    private const string Gregorian = "(?:19|20)[0-9]{2}";
    private const string EnglishWeekdayNames = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)";

    /// <summary>A stamp's year and month: 2024-04 (a range of years such as 2011-12 is refused by the scanner).</summary>
    public Regex IsoMonth => _isoMonth.Next();

    /// <summary>Day, month and year as three numbers separated by single spaces: 16 12 2562.</summary>
    public Regex NumericSpaced => _numericSpaced.Next();

    /// <summary>Read backwards from a number: a festival before it makes it a year (ลอยกระทง 66, สงกรานต์ 2567).</summary>
    public Regex YearNameBefore { get; private set; } = null!;

    /// <summary>A meeting number with its year: ครั้งที่ 3/2566, ครั้งที่ ๑/๒๕๖๖.</summary>
    public Regex MeetingNumber { get; private set; } = null!;

    /// <summary>Quarters: Q3 2025, Q3-Q4/2025, 2025 Q3, the third quarter of 2025, ไตรมาสที่ 3/2568, ไตรมาสแรกของปีหน้า.</summary>
    public Regex Quarter => _quarter.Next();

    /// <summary>A Thai month named without its day after เดือน: เดือนมีนาคม, ช่วงเดือน พ.ค. - ต.ค.</summary>
    public Regex ThaiMonthAlone { get; private set; } = null!;

    /// <summary>Read backwards from นี้: the month it follows (ต.ค. นี้, ตุลาคมนี้).</summary>
    public Regex ThaiMonthBeforeThis { get; private set; } = null!;

    /// <summary>An English month (or two) named without its day; <see cref="EnglishMonthLead"/> must stand before it: in May, starting from January.</summary>
    public Regex EnglishMonthAlone => _englishMonthAlone.Next();

    /// <summary>Read backwards from a month: the word of time before it (in, since, by, starting from, this, next).</summary>
    public Regex EnglishMonthLead { get; private set; } = null!;

    /// <summary>Read backwards from ปี: the part of the year before it (ต้นปี, กลางปี, ปลายปี, สิ้นปี).</summary>
    public Regex YearPartBefore { get; private set; } = null!;

    /// <summary>A weekday standing for a day: Friday (on Friday, said Monday), วันศุกร์ (เมื่อวันศุกร์ที่ผ่านมา).</summary>
    public Regex Weekday => _weekday.Next();

    /// <summary>Read backwards from a weekday: the word before it (on, last, every, ทุก).</summary>
    public Regex WeekdayLead { get; private set; } = null!;

    /// <summary>A duration counted in words after its cue: in two years, within the next three months, อีกสองปี.</summary>
    public Regex DurationInWords => _durationInWords.Next();

    /// <summary>A term in words counted from an event: three years from the date of signing, สองปีนับแต่วันลงนาม.</summary>
    public Regex TermInWords => _termInWords.Next();

    /// <summary>Read backwards from a date's day: the earlier days of a list sharing its month (12 และ 14 มีนาคม).</summary>
    public Regex ListedDayBefore { get; private set; } = null!;

    /// <summary>Read forwards from a date: the later days of a list sharing its month (March 12 and 14).</summary>
    public Regex ListedDayAfter { get; private set; } = null!;

    /// <summary>Read forwards from a year: another year of a list (in 2015 and 2017).</summary>
    public Regex ListedYearAfter { get; private set; } = null!;

    /// <summary>Read forwards from a date without a year: the year named relative to the anchor (October 5 this year, มีนาคมปีหน้า).</summary>
    public Regex RelativeYearAfter { get; private set; } = null!;

    /// <summary>Read forwards from a date: words that put it after (นี้, ที่จะถึง) or before (ที่ผ่านมา) the anchor.</summary>
    public Regex TenseAfter { get; private set; } = null!;

    /// <summary>Words in a date's clause before it that put it after or before the anchor (เมื่อ, last, will, จะ).</summary>
    public Regex TenseBefore { get; private set; } = null!;

    /// <summary>A dateline before a date: a place in capitals and a comma, or nothing, at the start of a line.</summary>
    public Regex DatelineHead { get; private set; } = null!;

    private void BuildWordShapes(DateLexicon lexicon)
    {
        var thaiMonth = lexicon.ThaiMonthPattern;
        var englishMonth = lexicon.EnglishMonthPattern + "(?![A-Za-z])\\.?";

        _isoMonth = new TieredRegex(
            "(?<![0-9\\u0E50-\\u0E59.,:/\\-A-Za-z])(?<y1>" + Digit + "{4})-(?<mo>0[1-9]|1[0-2])(?![0-9\\u0E50-\\u0E59]|[\\-/.:][0-9\\u0E50-\\u0E59])",
            Lean);

        _numericSpaced = new TieredRegex(
            "(?<![0-9\\u0E50-\\u0E59.,:/\\-][ ]?)(?<d1>" + Digit + "{1,2}) (?<mo>" + Digit + "{1,2}) (?<y1>" + Digit + "{4})(?![ ]?[0-9\\u0E50-\\u0E59.,:/\\-])",
            Lean);

        YearNameBefore = new Regex("(?<kw>" + lexicon.YearNamePattern + ")" + S + "*['’‘]?" + S + "*\\z", Lean | RegexOptions.RightToLeft);

        MeetingNumber = new Regex(
            "ครั้ง" + S + "*ที่" + S + "*(?<n>" + Digit + "{1,3})" + S + "*/" + S + "*(?<y1>" + Digit + "{4}|" + Digit + "{2})" + NoDigitAfter,
            Lean);

        var englishOrdinal = "(?<q>" + lexicon.EnglishOrdinalPattern + ")";
        var relativeYear = "(?<rel>(?i:this|next|last))" + S + "+(?i:year)";
        _quarter = new TieredRegex(
            // Q3 2025, Q3/2025, Q3-Q4 2025, Q1 next year
            "(?<![A-Za-z0-9])Q(?<q>[1-4])(?:" + S + "*[-–]" + S + "*Q(?<q2>[1-4]))?(?![0-9A-Za-z])" +
            "(?:" + S + "*[/,]?" + S + "*(?:(?i:of)" + S + "+)?(?:(?<y1>" + Gregorian + ")(?![0-9])|" + relativeYear + "))?" +
            // 2025 Q3, 2025-Q3
            "|(?<![0-9A-Za-z])(?<y1>" + Gregorian + ")(?:" + S + "+|-)Q(?<q>[1-4])(?![0-9A-Za-z])" +
            // the third quarter of 2025, fourth quarter of next year, the first quarter
            "|(?<![A-Za-z])" + englishOrdinal + "(?:" + S + "*(?:-|–|and|to)" + S + "*(?<q2>" + lexicon.EnglishOrdinalPattern + "))?" + S + "+(?i:quarters?)(?![A-Za-z])" +
            "(?:" + S + "*(?:\\(Q[1-4]\\)" + S + "*)?(?:,|" + S + "(?i:of))" + S + "+(?:(?i:the)" + S + "+)?(?:(?<y1>" + Gregorian + ")(?![0-9])|" + relativeYear + "|(?i:the)" + S + "+(?i:year)))?" +
            // ไตรมาส 3 ปี 2568, ไตรมาสที่ 3/2568, ไตรมาสแรกของปีหน้า, ไตรมาส 3-4 ปี 68
            "|ไตรมาส" + S + "*(?:ที่" + S + "*)?(?<q>" + Digit + "(?!" + Digit + ")|" + lexicon.ThaiOrdinalPattern + "|" + lexicon.ThaiNumberPattern + ")" +
            "(?:" + S + "*[-–]" + S + "*(?<q2>" + Digit + "(?!" + Digit + ")))?" +
            "(?:" + S + "*(?:/|ของ|ใน)?" + S + "*(?:ปี" + S + "*)?(?:(?<e1>" + Era + ")" + S + "*)?(?<y1>" + Digit + "{4}|" + Digit + "{2})" + NoDigitAfter +
            "|" + S + "*(?:ของ|ใน)?" + S + "*(?<rel>ปีนี้|ปีหน้า|ปีที่แล้ว|ปีก่อน))?",
            Lean);

        ThaiMonthAlone = new Regex(
            "เดือน" + S + "*(?<m>" + thaiMonth + ")(?:" + S + "*[-–]" + S + "*(?:เดือน" + S + "*)?(?<m2>" + thaiMonth + "))?",
            Lean);
        ThaiMonthBeforeThis = new Regex("(?<m>" + thaiMonth + ")" + S + "*\\z", Lean | RegexOptions.RightToLeft);
        // Found from the month (capitalised, so the engine skips ahead fast); the word before it is read backwards.
        _englishMonthAlone = new TieredRegex(
            "(?<![A-Za-z])(?<m>" + englishMonth + ")(?:" + S + "*(?:-|–|to|through)" + S + "*(?<m2>" + englishMonth + "))?",
            Lean);
        EnglishMonthLead = new Regex(
            "(?<![A-Za-z])(?<lead>(?i:starting from|beginning in|end of|starting|beginning|since|until|till|from|during|through|before|after|early|late|mid-|mid|this|next|last|in|by))" +
            S + "+(?:(?i:the month of)" + S + "+)?\\z",
            Lean | RegexOptions.RightToLeft);
        YearPartBefore = new Regex("(?<part>ต้น|กลาง|ปลาย|สิ้น)\\z", Lean | RegexOptions.RightToLeft);

        _weekday = new TieredRegex("(?<![A-Za-z])(?<wd>" + EnglishWeekdayNames + ")(?![A-Za-z])|วัน(?<wd>" + lexicon.ThaiWeekdayPattern + ")", Lean);
        WeekdayLead = new Regex(
            "(?<lead>(?<![A-Za-z])(?i:on|last|this|next|said|every|each|coming|from|until|by|since|black|good|cyber|easter|holy|ash|super|palm)|เมื่อ|ทุก)" + S + "*\\z",
            Lean | RegexOptions.RightToLeft);
        _durationInWords = new TieredRegex(
            "(?<cue>ภายใน|ในอีก|อีก|(?<![A-Za-z])(?i:within|in|over)(?:" + S + "+(?i:the)" + S + "+(?<next>(?i:next|coming|following)))?)" + S + "*" +
            "(?<n>" + lexicon.NumberWordPattern + ")" + S + "*(?<unit>" + lexicon.UnitPattern + ")(?![A-Za-z])",
            Lean);
        _termInWords = new TieredRegex(
            "(?<![A-Za-z])(?<n>" + lexicon.NumberWordPattern + ")" + S + "*(?<unit>" + lexicon.UnitPattern + ")(?![A-Za-z])" + S + "*" +
            "(?:นับ(?:ตั้ง)?แต่|(?i:from|after))(?:" + S + "*(?:วันที่?|(?i:the" + S + "+date" + S + "+of)))?",
            Lean);

        ListedDayBefore = new Regex(
            "(?<![0-9\\u0E50-\\u0E59.,:/])(?<d>" + Digit + "{1,2})" + Ordinal + S + "*(?:,|และ|หรือ|&|(?i:and|or))" + S + "*(?:วันที่" + S + "*)?\\z",
            Lean | RegexOptions.RightToLeft);
        ListedDayAfter = new Regex(
            "\\G" + S + "*(?:,|&|(?i:and))" + S + "*(?<d>[0-9]{1,2})" + Ordinal + "(?![0-9A-Za-z])(?:" + S + "*,?" + S + "*(?<y1>" + Gregorian + ")(?![0-9]))?",
            Lean);
        ListedYearAfter = new Regex("\\G" + S + "*(?:,|&|(?i:and))" + S + "*(?<y1>" + Gregorian + ")(?![0-9]|,[0-9]|\\.[0-9])", Lean);
        RelativeYearAfter = new Regex(
            "\\G" + S + "*(?:,|ของ|ใน)?" + S + "*(?<rel>(?i:this|next|last)" + S + "+(?i:year)|ปีนี้|ปีหน้า|ปีที่แล้ว|ปีก่อน)(?![A-Za-z])",
            Lean);
        TenseAfter = new Regex("\\G" + S + "*(?:(?<future>นี้|ที่จะถึง(?:นี้)?|ที่จะมาถึง)|(?<past>ที่ผ่านมา|ที่แล้ว))", Lean);
        TenseBefore = new Regex(
            "(?:(?<past>เมื่อ|(?<![A-Za-z])(?i:last|was|were|took place|had))" +
            "|(?<future>จะ|กำหนดจัด|มีกำหนด|เตรียม|(?<![A-Za-z])(?i:will|next|upcoming|coming|scheduled|to be held|plans? to|is to|are to|set to)(?![A-Za-z])))",
            Lean);
        DatelineHead = new Regex("^(?:\\p{Lu}[\\p{L}.'-]+(?:" + S + "+\\p{Lu}[\\p{L}.'-]+)*," + S + "*)?\\z", Lean);
    }
}
