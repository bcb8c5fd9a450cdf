using System.Globalization;
using System.Text;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Exports;

/// <summary>The calendar export over the real corpus, read back with a small RFC 5545 reader.</summary>
public abstract class ICalendarWriterTests<TFixture>(IngestedCorpus<TFixture> corpus) : IClassFixture<IngestedCorpus<TFixture>>
    where TFixture : StoreFixture, new()
{
    private string Export() => new AtlasExporter(corpus.Reader, corpus.Clock).Export(ExportKind.Calendar, ExportFormat.ICalendar);

    [Fact]
    public void Line_LongThaiText_FoldsAt75OctetsWithoutSplittingALetter()
    {
        var b = new StringBuilder();
        var text = "SUMMARY:" + string.Concat(Enumerable.Repeat("กระทรวงวัฒนธรรม🇹🇭 ", 12));

        ICalendarWriter.Line(b, text);

        var physical = b.ToString().Split("\r\n")[..^1];
        Assert.True(physical.Length > 5);
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.All(physical.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.All(physical, l => Assert.False(char.IsHighSurrogate(l[^1]), "a surrogate pair was split"));
        Assert.Equal(text, Unfold(b.ToString()).Single());
        // Every physical line is whole UTF-8: re-encoding it gives the same bytes.
        Assert.All(physical, l => Assert.Equal(l, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))));
    }

    [Fact]
    public void Line_Exactly75Octets_NotFolded()
    {
        var b = new StringBuilder();
        ICalendarWriter.Line(b, "X:" + new string('a', 73));
        ICalendarWriter.Line(b, "X:" + new string('a', 74));

        Assert.Equal("X:" + new string('a', 73) + "\r\nX:" + new string('a', 73) + "\r\n a\r\n", b.ToString());
    }

    [Theory]
    [InlineData("a,b;c\\d", @"a\,b\;c\\d")]
    [InlineData("line1\r\nline2\nline3\rline4", @"line1\nline2\nline3\nline4")]
    [InlineData("ททท.: 30 ก.ย. - 2 ต.ค.", @"ททท.: 30 ก.ย. - 2 ต.ค.")]
    [InlineData("bell\u0007here", "bell here")]
    public void Escape_Text_Rfc5545(string text, string expected) => Assert.Equal(expected, ICalendarWriter.Escape(text));

    [Fact]
    public void Write_Corpus_CrlfEverywhereEveryLineWithin75Octets()
    {
        var ics = Export();

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
    }

    [Fact]
    public void Write_Corpus_RoundTripsEventsTodosTimesAndStamps()
    {
        var components = Components(Unfold(Export()));
        var events = components.Where(c => c.Name == "VEVENT").ToList();
        var todos = components.Where(c => c.Name == "VTODO").ToList();
        var dated = corpus.Reader.Engagements(FactFilter.All).Count(e => e.Date is not null);

        Assert.Equal(dated, events.Count);
        Assert.Equal(events.Count + todos.Count, components.Where(c => c.Name is "VEVENT" or "VTODO").Select(c => c.Get("UID")).Distinct().Count());
        Assert.All(events.Concat(todos), c => Assert.Equal("20240628T033015Z", c.Get("DTSTAMP")));
        Assert.Single(components, c => c.Name == "VTIMEZONE" && c.Get("TZID") == "Asia/Bangkok");

        // The Frankfurt meeting at 10.00 Bangkok time: 03:00 UTC.
        var meeting = events.Single(e => e.Get("DESCRIPTION")!.Contains("Matthias Kessler", StringComparison.Ordinal) && e.Names.Contains("DTSTART;TZID=Asia/Bangkok"));
        var local = DateTime.ParseExact(meeting.Get("DTSTART;TZID=Asia/Bangkok")!, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2024, 9, 18, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(local, TimeSpan.FromHours(7)).ToUniversalTime());

        // The Paris festival, 7-8 September 2024, all day: DTEND is the day after.
        var festival = events.Single(e => e.Get("DESCRIPTION")!.Contains("Thai Food Festival Paris 2024", StringComparison.Ordinal));
        Assert.Equal("20240907", festival.Get("DTSTART;VALUE=DATE"));
        Assert.Equal("20240909", festival.Get("DTEND;VALUE=DATE"));
        Assert.Equal("https://paris.thaiembassy.example/th/news/thai-food-festival-paris-2024", festival.Get("URL"));
        Assert.Contains(@"ร่วมกับสำนักงานการท่องเที่ยวแห่งประเทศไทย สำนักงานปารีส", festival.Get("DESCRIPTION"), StringComparison.Ordinal);

        // FY2021 is due on 30 September 2021.
        var fy = todos.Single(t => t.Get("DESCRIPTION")!.Contains("Due as written: FY2021", StringComparison.Ordinal));
        Assert.Equal("20210930", fy.Get("DUE;VALUE=DATE"));
        Assert.Equal("NEEDS-ACTION", fy.Get("STATUS"));
    }

    [Fact]
    public void Write_Twice_SameUids()
    {
        static List<string?> Uids(string ics) => [.. Components(Unfold(ics)).Select(c => c.Get("UID")).Where(u => u is not null)];

        Assert.Equal(Uids(Export()), Uids(Export()));
    }

    /// <summary>RFC 5545 3.1 unfolding: a CRLF followed by a space or tab continues the previous line.</summary>
    private static List<string> Unfold(string ics) =>
        [.. ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    private static List<Component> Components(List<string> lines)
    {
        var stack = new Stack<Component>();
        var all = new List<Component>();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (name == "BEGIN")
            {
                stack.Push(new Component(value));
            }
            else if (name == "END")
            {
                var done = stack.Pop();
                Assert.Equal(value, done.Name);
                all.Add(done);
            }
            else
            {
                stack.Peek().Properties.Add((name, Unescape(value)));
            }
        }

        Assert.Empty(stack);
        return all;
    }

    private static string Unescape(string value) => value
        .Replace(@"\n", "\n", StringComparison.Ordinal).Replace(@"\,", ",", StringComparison.Ordinal)
        .Replace(@"\;", ";", StringComparison.Ordinal).Replace(@"\\", @"\", StringComparison.Ordinal);

    private sealed record Component(string Name)
    {
        public List<(string Name, string Value)> Properties { get; } = [];

        public IEnumerable<string> Names => Properties.Select(p => p.Name);

        public string? Get(string name) => Properties.FirstOrDefault(p => p.Name == name).Value;
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteICalendarWriterTests(IngestedCorpus<SqliteStoreFixture> corpus) : ICalendarWriterTests<SqliteStoreFixture>(corpus);

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresICalendarWriterTests(IngestedCorpus<PostgresStoreFixture> corpus) : ICalendarWriterTests<PostgresStoreFixture>(corpus);
