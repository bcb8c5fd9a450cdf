using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Tests.Facts;

public sealed class FactDateTests
{
    [Theory]
    [InlineData("FY2021", "2020-10-01", "2021-09-30", DatePrecision.FiscalYear)]
    [InlineData("FY2025", "2024-10-01", "2025-09-30", DatePrecision.FiscalYear)]
    [InlineData("2025", "2025-01-01", "2025-12-31", DatePrecision.Year)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", DatePrecision.Month)]
    [InlineData("2023-02", "2023-02-01", "2023-02-28", DatePrecision.Month)]
    [InlineData("2024-12", "2024-12-01", "2024-12-31", DatePrecision.Month)]
    [InlineData("2024-10-16", "2024-10-16", "2024-10-16", DatePrecision.Day)]
    [InlineData("2024-09-18T10:00", "2024-09-18", "2024-09-18", DatePrecision.Time)]
    [InlineData("2024-10-16/2024-10-20", "2024-10-16", "2024-10-20", DatePrecision.Day)]
    [InlineData("2024-09-30/2024-10-02", "2024-09-30", "2024-10-02", DatePrecision.Day)]
    [InlineData("2024/2028", "2024-01-01", "2028-12-31", DatePrecision.Year)]
    [InlineData("2025-04/2025-06", "2025-04-01", "2025-06-30", DatePrecision.Month)]
    [InlineData("2025-Q3", "2025-07-01", "2025-09-30", DatePrecision.Quarter)]
    [InlineData("2024-Q1", "2024-01-01", "2024-03-31", DatePrecision.Quarter)]
    [InlineData("2025-Q3/2025-Q4", "2025-07-01", "2025-12-31", DatePrecision.Quarter)]
    public void Parse_ContractDate_CoversItsDays(string written, string start, string end, DatePrecision precision)
    {
        var result = FactDate.Parse(written);

        Assert.Null(result.Error);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), result.Value.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), result.Value.End);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), result.Value.DueBy);
        Assert.Equal(precision, result.Value.Precision);
        Assert.Equal(written, result.Value.Written);
    }

    [Theory]
    [InlineData("2023-02-31", "February 2023 has 28 days")]
    [InlineData("2024-02-30", "February 2024 has 29 days")]
    [InlineData("2024-13", "there is no month 13")]
    [InlineData("2024-00-10", "there is no month 0")]
    [InlineData("FY21", "not a fiscal year")]
    [InlineData("FY256X", "not a fiscal year")]
    [InlineData("tomorrow-ish", "not a date")]
    [InlineData("2024-1-5", "not a date")]
    [InlineData("๒๕๖๗", "not a date")]
    [InlineData("2024-05-31T25:00", "a time is written")]
    [InlineData("2024-05-31 extra", "not a date")]
    [InlineData("2025/2024", "ends before it starts")]
    [InlineData("2024/", "not a date range")]
    [InlineData("   ", "empty")]
    [InlineData("0000", "not a date")]
    [InlineData("2025-Q5", "not a quarter")]
    [InlineData("--13-01", "no day 1 in month 13")]
    [InlineData("--02-30", "no day 30 in month 2")]
    [InlineData("--6-12", "not a day and month")]
    [InlineData("--06-12/2024-06-14", "one end has a year and the other has none")]
    public void Parse_NotADate_SaysWhy(string text, string why)
    {
        var result = FactDate.Parse(text);

        Assert.NotNull(result.Error);
        Assert.Contains(why, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--10-14")]
    [InlineData("--02-29")]
    [InlineData("--06-12/--06-14")]
    public void Parse_DayWithoutYear_IsKeptAsWrittenAndCoversNoDay(string written)
    {
        var result = FactDate.Parse(written);

        Assert.Null(result.Error);
        Assert.Equal(written, result.Value.Written);
        Assert.Equal(DatePrecision.MonthDay, result.Value.Precision);
        Assert.False(result.Value.HasYear);
        Assert.Null(result.Value.DueBy);
        Assert.Null(result.Value.FirstDay);
        Assert.False(result.Value.Overlaps(null, null));
        Assert.False(result.Value.Overlaps(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void CompareTo_DaysWithoutYear_SortAfterEveryDatedOne()
    {
        var dates = new[] { "--06-12", "2025", "--01-03", "2024-10-16" }
            .Select(d => FactDate.Parse(d).Value)
            .Order()
            .Select(d => d.Written);

        Assert.Equal(["2024-10-16", "2025", "--01-03", "--06-12"], dates);
    }

    [Fact]
    public void CompareTo_PartialDates_SortByFirstDayThenShorterSpan()
    {
        var dates = new[] { "2025", "2024-10-16", "2024-10", "FY2025", "2024-09-30/2024-10-02", "2024", "2024-10-01" }
            .Select(d => FactDate.Parse(d).Value)
            .Order()
            .Select(d => d.Written);

        Assert.Equal(["2024", "2024-09-30/2024-10-02", "2024-10-01", "2024-10", "FY2025", "2024-10-16", "2025"], dates);
    }

    [Theory]
    [InlineData("2024-10", "2024-10-15", "2024-10-20", true)]
    [InlineData("2024", "2024-12-31", null, true)]
    [InlineData("2024", null, "2024-01-01", true)]
    [InlineData("2024-09-30/2024-10-02", "2024-10-02", "2024-10-31", true)]
    [InlineData("2024-09-30/2024-10-02", "2024-10-03", null, false)]
    [InlineData("FY2021", "2021-10-01", null, false)]
    [InlineData("FY2021", "2020-10-01", "2020-10-01", true)]
    [InlineData("2023-12-31", "2024-01-01", null, false)]
    public void Overlaps_Period_CountsAnySharedDay(string date, string? from, string? to, bool expected)
    {
        static DateOnly? Day(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, FactDate.Parse(date).Value.Overlaps(Day(from), Day(to)));
    }

    [Fact]
    public void FromColumns_EndDateThatDoesNotRead_KeepsTheStart()
    {
        var date = FactDate.FromColumns("2024-06-20", "2024-06-1x");

        Assert.Equal("2024-06-20", date?.Written);
        Assert.Null(FactDate.FromColumns(null, "2024-06-23"));
        Assert.Equal(new DateOnly(2024, 6, 23), FactDate.FromColumns("2024-06-20", "2024-06-23")?.End);
    }
}
