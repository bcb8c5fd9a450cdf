namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class DateReaderEnglishTests
{
    [Theory]
    [InlineData("March 14, 2023, at 14.15 hrs, at the Santi Maitri Building, Government House", "March 14, 2023, at 14.15 hrs", "2023-03-14T14:15")]
    [InlineData("The forum opened on 11 January 2023 in Bangkok.", "11 January 2023", "2023-01-11")]
    [InlineData("Post Top Ad\n\nTuesday, February 6, 2024\n\n", "Tuesday, February 6, 2024", "2024-02-06")]
    [InlineData("The MOU was signed on March 3, 2024 at 10:30 a.m. in Paris.", "March 3, 2024 at 10:30 a.m.", "2024-03-03T10:30")]
    [InlineData("Doors open on June 1, 2024, 3:15 p.m. sharp", "June 1, 2024, 3:15 p.m.", "2024-06-01T15:15")]
    [InlineData("It will be held on the 5th of May 2024 at the embassy", "5th of May 2024", "2024-05-05")]
    [InlineData("BANGKOK, SEPTEMBER 27, 2023 – The ministry said", "SEPTEMBER 27, 2023", "2023-09-27")]
    [InlineData("Thailand Festival, June 28-30, 2024, Tokyo", "June 28-30, 2024", "2024-06-28/2024-06-30")]
    [InlineData("from 28 June – 2 July 2024 in Lyon", "28 June – 2 July 2024", "2024-06-28/2024-07-02")]
    [InlineData("The office will reopen in January 2023 after repairs", "January 2023", "2023-01")]
    [InlineData("Tourism arrivals grew in 2023 compared with", "in 2023", "2023")]
    [InlineData("A plan that runs from 2020 to 2022 was approved", "from 2020 to 2022", "2020/2022")]
    [InlineData("under the Act, B.E. 2562 (2019), the board", "B.E. 2562", "2019")]
    public void Find_EnglishDate_ReadsSpanAndValue(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Fact]
    public void Find_AbbreviatedMonthWithoutYear_TakesYearFromAnchor()
    {
        var mention = DateAssert.Single("The team met on Jan. 11 to discuss films.", "Jan. 11", new DateOnly(2023, 2, 1));
        Assert.Equal("2023-01-11", mention.Normalized);
    }
}
