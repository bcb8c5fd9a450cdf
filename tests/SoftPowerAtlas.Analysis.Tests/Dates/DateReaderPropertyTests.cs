using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

/// <summary>Writing a date in a form the reader claims, then reading it, gives the date back with the whole span.</summary>
public class DateReaderPropertyTests
{
    private static readonly string[] ThaiMonths =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    private static readonly string[] ThaiAbbreviations =
        ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

    // Monday first, as DayOfWeek is not.
    private static readonly string[] ThaiWeekdays = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"];

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    public static TheoryData<string> Forms => new()
    {
        "thai-full-be", "thai-abbr-2digit-be", "numeric-be", "english-month-first", "english-day-first",
        "thai-weekday", "english-weekday", "thai-digits",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Find_WrittenForm_RoundTripsDateAndSpan(string form)
    {
        // Two-digit Buddhist Era years (67 = 2567) are read for 2540-2599 only: 1997-2056.
        var (min, max) = form == "thai-abbr-2digit-be" ? (new DateOnly(1997, 1, 1), new DateOnly(2056, 12, 31)) : (new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31));
        var dates = Gen.Choose(0, max.DayNumber - min.DayNumber).Select(n => min.AddDays(n));
        var property = Prop.ForAll(Arb.From(dates), date =>
        {
            var written = Write(form, date);
            var text = "ข่าวประชาสัมพันธ์ เมื่อ " + written + " ที่ผ่านมา";
            var mentions = DateReader.Default.Find(text);
            return mentions.Count == 1
                && mentions[0].Span.Start == text.IndexOf(written, StringComparison.Ordinal)
                && mentions[0].Span.Length == written.Length
                && mentions[0].Normalized == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        });
        Check.One(Config, property);
    }

    [Fact]
    public void Find_RandomThaiWordsWithoutDigits_FindsNothing()
    {
        string[] words =
        [
            .. ThaiMonths, .. ThaiAbbreviations, .. ThaiWeekdays, "มีนา", "พฤษภา", "ตุลาการ", "สคริปต์", "กรม", "การ", "พัฒนา",
            "ชุมชน", "ซอฟต์พาวเวอร์", "วัน", "ที่", "เดือน", "ปี", "พ.ศ.", "ค.ศ.", "ภายใน", "ก่อน", "ครั้ง", "ประชุม", "งบประมาณ",
            "เฉลิมพระเกียรติ", "พรรษา", "อก.", "พ.ร.บ.", "เมื่อ", "ระหว่าง", "ถึง", " ", " ", "-", "/", ".", "(", ")",
        ];
        var text = Gen.Elements(words).ArrayOf().Select(parts => string.Concat(parts));
        // Words can join into a relative word (ปี + ก่อน = ปีก่อน, "a year ago"): that is a real one.
        var property = Prop.ForAll(Arb.From(text), s => DateReader.Default.Find(s).All(m => m.IsRelative));
        Check.One(Config, property);
    }

    private static string Write(string form, DateOnly date)
    {
        var be = date.Year + 543;
        var weekday = ((int)date.DayOfWeek + 6) % 7;
        var english = date.ToString("MMMM", CultureInfo.InvariantCulture);
        return form switch
        {
            "thai-full-be" => $"{date.Day} {ThaiMonths[date.Month - 1]} {be}",
            "thai-abbr-2digit-be" => $"{date.Day} {ThaiAbbreviations[date.Month - 1]} {be % 100:D2}",
            "numeric-be" => $"{date.Day:D2}/{date.Month:D2}/{be}",
            "english-month-first" => $"{english} {date.Day}, {date.Year}",
            "english-day-first" => $"{date.Day} {english} {date.Year}",
            "thai-weekday" => $"วัน{ThaiWeekdays[weekday]}ที่ {date.Day} {ThaiMonths[date.Month - 1]} {be}",
            "english-weekday" => $"{date.DayOfWeek}, {english} {date.Day}, {date.Year}",
            "thai-digits" => ToThaiDigits($"{date.Day} {ThaiMonths[date.Month - 1]} {be}"),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
        };
    }

    private static string ToThaiDigits(string s) => string.Concat(s.Select(c => c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c));
}
