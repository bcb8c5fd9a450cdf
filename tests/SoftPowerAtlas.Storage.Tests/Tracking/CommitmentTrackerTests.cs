using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Tests.Tracking;

/// <summary>Due lists as of fixed days over the real corpus (read only: marks go in stores of their own).</summary>
public abstract class CommitmentTrackerTests<TFixture>(IngestedCorpus<TFixture> corpus) : IClassFixture<IngestedCorpus<TFixture>>
    where TFixture : StoreFixture, new()
{
    private CommitmentTracker Tracker(TimeProvider? clock = null) => new(corpus.Reader, clock ?? corpus.Clock);

    [Fact]
    public void Due_FiscalYear2021_OverdueSinceThirtiethOfSeptember2021()
    {
        var report = Tracker().Due(new DueQuery { AsOf = new DateOnly(2024, 11, 15), WithinDays = 60 });

        var fy = Assert.Single(report.Items, i => i.Commitment.DueWritten == "FY2021");
        Assert.Equal(new DateOnly(2021, 9, 30), fy.DueBy);
        Assert.Equal(CommitmentState.Overdue, fy.State);
        Assert.Equal(-(new DateOnly(2024, 11, 15).DayNumber - new DateOnly(2021, 9, 30).DayNumber), fy.DaysLeft);
        Assert.EndsWith("003_accc265172f61bde.txt", fy.Commitment.Source.Path, StringComparison.Ordinal);
        // The promise's own clause: Suphanburi's nomination by fiscal 2564, not the sentence's later promise for Phetchaburi.
        Assert.Contains("สุพรรณบุรี", fy.Commitment.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("เพชรบุรี", fy.Commitment.Sentence, StringComparison.Ordinal);
        Assert.Equal(CommitmentState.Overdue, report.Items[0].State);
    }

    [Fact]
    public void Due_MonthAndYear_DueOnTheirLastDay()
    {
        var report = Tracker().Due(new DueQuery { AsOf = new DateOnly(2024, 11, 15), WithinDays = 60 });

        // "ภายในเดือนธันวาคม 2567" in the Paris food festival: due 31 December 2024, 46 days away.
        var december = Assert.Single(report.Items, i => i.Commitment.DueWritten == "2024-12" && i.Commitment.Source.Path.EndsWith("th_food_festival_paris.md", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 12, 31), december.DueBy);
        Assert.Equal(46, december.DaysLeft);
        Assert.Equal(CommitmentState.DueSoon, december.State);

        // A year-only date ("by the end of 2025") is not soon: it is left out unless all are asked for.
        Assert.DoesNotContain(report.Items, i => i.Commitment.DueWritten == "2025");
        var all = Tracker().Due(new DueQuery { AsOf = new DateOnly(2024, 11, 15), WithinDays = 60, IncludeAll = true });
        var year = all.Items.First(i => i.Commitment.DueWritten == "2025");
        Assert.Equal(new DateOnly(2025, 12, 31), year.DueBy);
        Assert.Equal(CommitmentState.Open, year.State);
        Assert.True(all.Undated > 0);
    }

    [Fact]
    public void Due_NoAsOf_TodayInBangkokByTheClock()
    {
        // 18:00 UTC on 30 September is already 1 October in Bangkok: FY2025 (ends 30 September 2025) is then overdue.
        var clock = new FixedClock(new DateTimeOffset(2025, 9, 30, 18, 0, 0, TimeSpan.Zero));

        var report = Tracker(clock).Due(new DueQuery { WithinDays = 0 });

        Assert.Equal(new DateOnly(2025, 10, 1), report.AsOf);
        Assert.Contains(report.Items, i => i.Commitment.DueWritten == "FY2025" && i.State == CommitmentState.Overdue && i.DaysLeft == -1);
    }

    [Fact]
    public void Due_CountryFilter_OnlyCommitmentsAroundThatCountry()
    {
        var filter = FactFilters.Resolve(new FilterRequest { Countries = ["เกาหลีใต้"] }, new SubjectResolver(corpus.Store)).Filter!;

        var report = Tracker().Due(new DueQuery { AsOf = new DateOnly(2024, 6, 1), IncludeAll = true, Filter = filter });

        Assert.NotEmpty(report.Items);
        Assert.All(report.Items, i => Assert.Contains("KR", i.Commitment.Countries));
        Assert.Contains(report.Items, i => i.Commitment.DueWritten == "2024-10-04");
    }

    [Fact]
    public void Find_BadOrUnknownId_SaysWhy()
    {
        Assert.Contains("not a commitment id", Tracker().Find("#12").Error, StringComparison.Ordinal);
        Assert.Contains("no commitment 'ffffff'", Tracker().Find("ffffff").Error, StringComparison.Ordinal);
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteCommitmentTrackerTests(IngestedCorpus<SqliteStoreFixture> corpus) : CommitmentTrackerTests<SqliteStoreFixture>(corpus);

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresCommitmentTrackerTests(IngestedCorpus<PostgresStoreFixture> corpus) : CommitmentTrackerTests<PostgresStoreFixture>(corpus);
