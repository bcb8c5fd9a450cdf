using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Tests.Tracking;

/// <summary>Dues written as a quarter or without a year: when they fall due, and how the exports show them.</summary>
public sealed class DueFormsTests
{
    private static readonly DateOnly AsOf = new(2025, 9, 20);

    [Theory]
    [InlineData("2025-Q3", "2025-09-30", 10, CommitmentState.DueSoon)]
    [InlineData("2025-Q2", "2025-06-30", -82, CommitmentState.Overdue)]
    [InlineData("2025-Q4/2026-Q1", "2026-03-31", 192, CommitmentState.Open)]
    public void Classify_QuarterDue_IsDueOnItsLastDay(string due, string dueBy, int days, CommitmentState state)
    {
        var item = Assert.Single(CommitmentTracker.Classify([Commitment(due)], AsOf, 30, new Dictionary<string, CommitmentMark>()));

        Assert.Equal(DateOnly.Parse(dueBy, System.Globalization.CultureInfo.InvariantCulture), item.DueBy);
        Assert.Equal(days, item.DaysLeft);
        Assert.Equal(state, item.State);
    }

    [Fact]
    public void Classify_DueWithoutYear_IsNeverDueNorOverdue()
    {
        Assert.Empty(CommitmentTracker.Classify([Commitment("--09-01"), Commitment("--06-12/--06-14")], AsOf, 30, new Dictionary<string, CommitmentMark>()));
    }

    [Fact]
    public void Write_Calendar_LeavesOutDatesWithoutYearAndEndsAQuarterDueOnItsLastDay()
    {
        var engagement = new EngagementFact(1, "meeting", FactDate.Parse("--10-14").Value, null, [], [], [], "ประชุมหารือ", Source());
        var ics = new ICalendarWriter(TimeProvider.System).Write([engagement], [(Commitment("2025-Q3"), null), (Commitment("--09-01"), null)]);

        Assert.DoesNotContain("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Single(ics.Split("BEGIN:VTODO")[1..]);
        Assert.Contains("DUE;VALUE=DATE:20250930\r\n", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--10-14", "{\"d\":{\"written\":\"--10-14\",\"start\":null,\"end\":null,\"time\":null,\"precision\":\"month_day\"}}")]
    [InlineData("2025-Q3", "{\"d\":{\"written\":\"2025-Q3\",\"start\":\"2025-07-01\",\"end\":\"2025-09-30\",\"time\":null,\"precision\":\"quarter\"}}")]
    public void WriteDate_NewForms_WrittenWithTheDaysTheyCover(string written, string json)
    {
        var text = StoredFactJson.ToString(w =>
        {
            w.WriteStartObject();
            StoredFactJson.WriteDate(w, "d", FactDate.Parse(written).Value);
            w.WriteEndObject();
        });

        Assert.Equal(json, text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    private static CommitmentFact Commitment(string due) =>
        new(1, "key-" + due, "ส่งเอกสารให้ยูเนสโก", null, due, FactDate.Parse(due).Value, [], [], [], "จะส่งเอกสารให้ยูเนสโก", Source());

    private static SourceRef Source() => new(1, "a.txt", null, "หัวข้อ", 0, 10);
}
