using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Timeline;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas timeline</c>: engagements and commitments in date order, each with its passage and source.</summary>
internal static class TimelineCommand
{
    /// <summary>The filter options timeline and due share.</summary>
    public sealed record FilterOptions(Option<string[]> Country, Option<string[]> Sector, Option<string[]> Agency, Option<string[]> Type, Option<string?> From, Option<string?> To)
    {
        public static FilterOptions Create(bool withType = true) => new(
            new Option<string[]>("--country") { Description = "Partner country: ISO code (FR), English or Thai name (France, ฝรั่งเศส). Repeat or comma-separate for several." },
            new Option<string[]>("--sector") { Description = "Sector id: film, series_drama, music, food, festival, tourism, sport, fashion, design, art, books, games, heritage, community_products, creative_city, media_pr, education, technology, entertainment, other." },
            new Option<string[]>("--agency") { Description = "Agency or organisation taking part, by any name or abbreviation, Thai or English (อพท., DASTA, agency:dasta)." },
            new Option<string[]>("--type") { Description = "meeting, mou_signing, visit, forum_or_exhibition, training_or_seminar, announcement, other, or commitment." },
            new Option<string?>("--from") { Description = "Start of the period: YYYY, YYYY-MM or YYYY-MM-DD (a partial date overlapping it counts)." },
            new Option<string?>("--to") { Description = "End of the period: YYYY, YYYY-MM or YYYY-MM-DD (inclusive: 2024-12 runs to 31 December)." });

        public void AddTo(Command command, bool withType = true)
        {
            command.Options.Add(Country);
            command.Options.Add(Sector);
            command.Options.Add(Agency);
            if (withType)
            {
                command.Options.Add(Type);
            }

            command.Options.Add(From);
            command.Options.Add(To);
        }

        public FilterRequest Read(ParseResult parse) => new()
        {
            Countries = FactCommands.Values(parse.GetValue(Country)),
            Sectors = FactCommands.Values(parse.GetValue(Sector)),
            Agencies = FactCommands.Values(parse.GetValue(Agency)),
            Types = FactCommands.Values(parse.GetValue(Type)),
            From = parse.GetValue(From),
            To = parse.GetValue(To),
        };
    }

    public static Command Create(Option<string> db, CliConsole console)
    {
        var filter = FilterOptions.Create();
        var json = new Option<bool>("--json") { Description = "Print the entries as JSON (dates as written and as days, parties, source with offsets)." };
        var limit = new Option<int>("--limit") { Description = "Entries per page; 0 for all of them.", DefaultValueFactory = _ => DefaultLimit };
        var page = new Option<int>("--page") { Description = "Which page of entries, from 1.", DefaultValueFactory = _ => 1 };
        var command = new Command("timeline", "Engagements and commitments in date order (partial dates sort by their first day), each with its passage and source; a page at a time, saying how many more there are.");
        filter.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(limit);
        command.Options.Add(page);
        command.SetAction(parse => Run(parse.GetValue(db)!, filter.Read(parse), parse.GetValue(json), parse.GetValue(limit), parse.GetValue(page), console));
        return command;
    }

    /// <summary>Entries shown when --limit is not given.</summary>
    public const int DefaultLimit = 50;

    private static int Run(string dbPath, FilterRequest request, bool json, int limit, int page, CliConsole console)
    {
        if (limit < 0 || page < 1)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"atlas: --limit must be 0 (all) or more and --page 1 or more (got --limit {limit} --page {page})"));
            return AtlasCommand.UsageError;
        }

        return FactCommands.WithFilter(dbPath, console, request, (store, filter) =>
        {
            var reader = new FactReader(store);
            var offset = limit == 0 ? 0 : (int)Math.Min(int.MaxValue, (page - 1L) * limit);
            TimelinePage paged;
            if (limit == 0)
            {
                var all = TimelineBuilder.Build(reader, filter);
                paged = new TimelinePage(all, all.Count, 0);
            }
            else
            {
                paged = TimelinePager.Page(reader, filter, offset, limit);
            }

            var entries = paged.Entries;
            if (entries.Count == 0 && paged.Total > 0)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"atlas: page {page} is past the end: {paged.Total:N0} entries make {(paged.Total + limit - 1) / limit:N0} pages of {limit}"));
                return AtlasCommand.SomeInputsFailed;
            }

            if (json)
            {
                console.Out.WriteLine(StoredFactJson.ToString(w =>
                {
                    w.WriteStartArray();
                    foreach (var e in entries)
                    {
                        StoredFactJson.WriteTimelineEntry(w, e);
                    }

                    w.WriteEndArray();
                }));
                WriteMore(console.Error, paged, page);
                return AtlasCommand.Ok;
            }

            WriteText(console.Out, entries);
            WriteMore(console.Out, paged, page);
            return AtlasCommand.Ok;
        });
    }

    /// <summary>Where this page sits in the whole, when there is more than one page.</summary>
    private static void WriteMore(TextWriter o, TimelinePage paged, int page)
    {
        if (paged.Total > paged.Entries.Count)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Entries {paged.Offset + 1:N0}–{paged.Offset + paged.Entries.Count:N0} of {paged.Total:N0}")
                + (paged.After > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"; {paged.After:N0} more (--page {page + 1}, or --limit 0 for all).")
                    : "."));
        }
    }

    private static void WriteText(TextWriter o, IReadOnlyList<TimelineEntry> entries)
    {
        if (entries.Count == 0)
        {
            o.WriteLine("Nothing matches.");
            return;
        }

        foreach (var e in entries)
        {
            var when = e.Date is { } d ? d.Written.Replace('T', ' ') : "(no date)";
            var where = e.Countries.Count > 0 ? "  " + string.Join(",", e.Countries) : string.Empty;
            var sectors = e.Sectors.Count > 0 ? "  [" + string.Join(", ", e.Sectors) + "]" : string.Empty;
            var id = "  id " + e.Id; // the id 'atlas fact set', 'done' and 'note' take
            o.WriteLine($"{when,-21} {e.Type}{where}{sectors}{id}");
            var parties = e.Parties.Where(p => p.Side != "person").Select(p => $"{p.Name} ({p.Side})").ToList();
            if (e.Who is not null)
            {
                o.WriteLine($"    who: {e.Who}");
            }

            if (parties.Count > 0)
            {
                o.WriteLine($"    with: {string.Join("; ", parties)}");
            }

            o.WriteLine($"    \"{FactCommands.OneLine(e.Sentence)}\"");
            o.WriteLine($"    {FactCommands.Describe(e.Source)}");
            foreach (var other in e.AlsoReportedBy)
            {
                // Where the other report disagrees, what it says is shown beside its source.
                var differs = new[]
                {
                    other.Type != e.Type ? other.Type : null,
                    other.Date?.Written != e.Date?.Written ? other.Date?.Written.Replace('T', ' ') ?? "(no date)" : null,
                    other.Place != e.Place && other.Place is not null ? other.Place : null,
                }.OfType<string>().ToList();
                o.WriteLine($"    also reported: {FactCommands.Describe(other.Source)}{(differs.Count > 0 ? " — " + string.Join(", ", differs) : string.Empty)}");
            }
        }

        var engagements = entries.Count(e => e.Kind == "engagement");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engagements} engagements, {entries.Count - engagements} commitments."));
    }
}
