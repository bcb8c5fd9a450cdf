using System.Diagnostics;
using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>ical --db STORE --out DIR [--rounds 5]</c>: atlas's own iCalendar writer (<see cref="ICalendarWriter"/>)
/// beside Ical.Net (issue 24), on the same facts: every dated engagement a VEVENT (an all-day span, or a
/// time in Asia/Bangkok), every dated commitment a VTODO due on its last day, with the same UID, summary,
/// description, location, categories and URL. Writes <c>atlas.ics</c> and <c>ical-net.ics</c> for a real
/// client to read back (<c>scripts/check-ical.py</c>, Debian's python3-icalendar) and prints each writer's
/// time per calendar, alternating, after a warm-up.
/// </summary>
internal static class IcalCommand
{
    public static int Run(string[] args, TextServices textServices)
    {
        if (CommandLine.Value(args, "--db") is not { } db || CommandLine.Value(args, "--out") is not { } outDir)
        {
            Console.Error.WriteLine("usage: ical --db STORE --out DIR [--rounds 5]");
            return 2;
        }

        var rounds = CommandLine.Int(args, "--rounds", 5);
        if (!AtlasStores.Exists(db))
        {
            // Opening a path that is not there would make an empty store and compare two empty calendars.
            throw new FileNotFoundException($"no store at {db}: ingest pages into it first (docs/BENCHMARKS.md §20)");
        }

        using var store = AtlasStores.Open(db, textServices);
        var reader = new FactReader(store);
        var engagements = reader.Engagements(FactFilter.All);
        var commitments = reader.Commitments(FactFilter.All with { Types = [FactTypes.Commitment] });
        var clock = new FixedTime(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        string Ours() => new ICalendarWriter(clock).Write(engagements, commitments.Select(c => (c, (Storage.Tracking.DueItem?)null)));
        string Theirs() => IcalNet(engagements, commitments, clock.GetUtcNow());

        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "atlas.ics"), Ours());
        File.WriteAllText(Path.Combine(outDir, "ical-net.ics"), Theirs());
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average {CommandLine.LoadAverage()}");
        Console.WriteLine($"{engagements.Count} engagements, {commitments.Count} commitments in {db}");
        Console.WriteLine();
        Console.WriteLine("| round | atlas (ms) | Ical.Net (ms) |");
        Console.WriteLine("|---:|---:|---:|");
        var times = new List<(double Ours, double Theirs)>();
        for (var round = 0; round <= rounds; round++)
        {
            var ours = Time(Ours);
            var theirs = Time(Theirs);
            if (round > 0) // round 0 warms the JIT for both
            {
                times.Add((ours, theirs));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {ours:F1} | {theirs:F1} |"));
            }
        }

        var median = times.Count / 2;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: atlas {times.Select(t => t.Ours).Order().ElementAt(median):F1} ms, Ical.Net {times.Select(t => t.Theirs).Order().ElementAt(median):F1} ms; files in {outDir}"));
        return 0;
    }

    private static double Time(Func<string> write)
    {
        var watch = Stopwatch.StartNew();
        _ = write();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The same calendar through Ical.Net's object model and serializer.</summary>
    private static string IcalNet(IReadOnlyList<EngagementFact> engagements, IReadOnlyList<CommitmentFact> commitments, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//SoftPowerAtlas//atlas export calendar//EN", Method = "PUBLISH" };
        calendar.AddTimeZone(new VTimeZone(ICalendarWriter.TimeZoneId));
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in engagements)
        {
            if (e.Date is not { HasYear: true } date)
            {
                continue;
            }

            var uid = "engagement-" + e.Key;
            for (var n = 2; !uids.Add(uid); n++)
            {
                uid = string.Create(CultureInfo.InvariantCulture, $"engagement-{e.Key}~{n}");
            }

            var item = new CalendarEvent
            {
                Uid = uid + "@softpoweratlas",
                DtStamp = stamp,
                Summary = e.Type.Replace('_', ' ') + ": " + string.Join(", ", e.Parties.Take(2).Select(p => p.Name)),
                Description = e.Evidence + "\n\nDate as written: " + date.Written,
                Location = e.Place,
            };
            if (date.Time is { } time)
            {
                item.DtStart = new CalDateTime(date.Start.ToDateTime(time), ICalendarWriter.TimeZoneId);
            }
            else
            {
                item.DtStart = new CalDateTime(date.Start);
                item.DtEnd = new CalDateTime(date.End.AddDays(1));
            }

            item.Categories.Add(e.Type);
            foreach (var sector in e.Sectors)
            {
                item.Categories.Add(sector);
            }

            if (e.Source.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                item.Url = uri;
            }

            calendar.Events.Add(item);
        }

        foreach (var c in commitments)
        {
            if (c.Due is not { HasYear: true } due)
            {
                continue;
            }

            calendar.Todos.Add(new Todo
            {
                Uid = "commitment-" + c.Key + "@softpoweratlas",
                DtStamp = stamp,
                Due = new CalDateTime(due.End),
                Summary = (c.Who is null ? string.Empty : c.Who + ": ") + c.What,
                Description = c.Sentence + "\n\nDue as written: " + c.DueWritten,
                Status = "NEEDS-ACTION",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
