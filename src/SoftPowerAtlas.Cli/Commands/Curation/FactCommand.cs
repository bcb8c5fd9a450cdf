using System.CommandLine;
using SoftPowerAtlas.Storage.Curation;

namespace SoftPowerAtlas.Cli.Commands.Curation;

/// <summary><c>atlas fact set ID …</c> corrects an engagement or a commitment; <c>atlas fact show ID</c> prints its fields; <c>separate</c> and <c>join</c> correct which reports are one engagement.</summary>
internal static class FactCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var command = new Command("fact", "Show or correct an extracted fact (an engagement or a commitment) by the id 'atlas timeline' or 'atlas due' prints.");
        command.Subcommands.Add(CreateSet(db, console));
        command.Subcommands.Add(CreateShow(db, console));
        command.Subcommands.Add(CreateSeparate(db, console));
        command.Subcommands.Add(CreateJoin(db, console));
        command.Subcommands.Add(CreateRejectOutcome(db, console));
        return command;
    }

    private static Command CreateRejectOutcome(Option<string> db, CliConsole console)
    {
        var commitment = new Argument<string>("commitment") { Description = "The commitment's id, as 'atlas due' prints it." };
        var report = new Argument<string>("report") { Description = "The report's engagement id, as the 'reported done in:' line of 'atlas due' prints it." };
        var actor = CurationCommands.Actor();
        var command = new Command("reject-outcome", "Say a later report is not the outcome of a commitment: the commitment is no longer 'reported done' by it. To agree instead, mark the commitment done ('atlas done ID'). Logged, and undone with 'atlas undo'.")
        {
            commitment, report, actor,
        };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.RejectOutcome(parse.GetValue(commitment)!, parse.GetValue(report)!, parse.GetValue(actor)!))));
        return command;
    }

    private static Command CreateSeparate(Option<string> db, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The engagement's id, as 'atlas timeline' prints it (or one of the ids on its \"also reported\" line)." };
        var actor = CurationCommands.Actor();
        var command = new Command("separate", "Set a report apart from the engagement it was joined to (a wrong merge): it becomes an engagement of its own, and is never joined again by the rule, also after a re-ingest. Logged, and undone with 'atlas undo'.")
        {
            id, actor,
        };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.Separate(parse.GetValue(id)!, parse.GetValue(actor)!))));
        return command;
    }

    private static Command CreateJoin(Option<string> db, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "One report's engagement id." };
        var other = new Argument<string>("other") { Description = "The other report's engagement id, in another document." };
        var actor = CurationCommands.Actor();
        var command = new Command("join", "Make two reports in different documents one engagement (resolution missed them), with the reports already joined to either. Kept by stable keys after a re-ingest; undone with 'atlas undo'.")
        {
            id, other, actor,
        };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.Join(parse.GetValue(id)!, parse.GetValue(other)!, parse.GetValue(actor)!))));
        return command;
    }

    private static Command CreateSet(Option<string> db, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The fact's id (a unique prefix of 6 or more of its 16 hex digits)." };
        var type = new Option<string?>("--type") { Description = "Engagement type: meeting, mou_signing, visit, forum_or_exhibition, training_or_seminar, announcement, other." };
        var date = new Option<string?>("--date") { Description = "Engagement date: 2024, 2024-06, 2024-06-28, FY2025, a range 2024-06-28/2024-06-30, or none." };
        var place = new Option<string?>("--place") { Description = "Where it took place (or none)." };
        var parties = new Option<string[]>("--parties") { Description = "Entity keys taking part (agency:dasta, body:kofic=foreign; side thai|foreign|person, default from the entity). A list replaces them; +key adds, -key removes (write --parties=-key)." };
        var countries = new Option<string[]>("--countries") { Description = "Partner countries as ISO codes (FR,JP); +XX adds, -XX removes." };
        var sectors = new Option<string[]>("--sectors") { Description = "Sectors (film, music, food, …); +film adds, -film removes (write --sectors=-film)." };
        var what = new Option<string?>("--what") { Description = "Commitment: what was promised." };
        var who = new Option<string?>("--who") { Description = "Commitment: who promised it (or none)." };
        var due = new Option<string?>("--due") { Description = "Commitment: when it is due (2025-03-31, 2025-03, 2025, FY2025, or none)." };
        var actor = CurationCommands.Actor();
        var command = new Command("set", "Correct the fields of a fact. The correction is logged (who, when, before, after), shown by every reader, kept when the document is ingested or extracted again, and can be undone.")
        {
            id, type, date, place, parties, countries, sectors, what, who, due, actor,
        };
        command.SetAction(parse =>
        {
            var edit = new FactEdit
            {
                Type = parse.GetValue(type),
                Date = parse.GetValue(date),
                Place = parse.GetValue(place),
                Parties = List(parse.GetValue(parties)),
                Countries = List(parse.GetValue(countries)),
                Sectors = List(parse.GetValue(sectors)),
                What = parse.GetValue(what),
                Who = parse.GetValue(who),
                Due = parse.GetValue(due),
            };
            return CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
                CurationCommands.Report(console, curator.SetFact(parse.GetValue(id)!, edit, parse.GetValue(actor)!)));
        });
        return command;
    }

    private static Command CreateShow(Option<string> db, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The fact's id (a unique prefix of 6 or more hex digits)." };
        var command = new Command("show", "Print a fact's current fields (as curated) and its edits, newest first.") { id };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
        {
            var (fact, error, failure) = curator.FindFact(parse.GetValue(id)!);
            if (fact is null)
            {
                console.Error.WriteLine($"atlas: {error}");
                return failure == CurationFailure.Invalid ? AtlasCommand.UsageError : AtlasCommand.SomeInputsFailed;
            }

            console.Out.WriteLine($"{fact.Key}  {fact.Kind}  doc #{fact.DocumentId}");
            console.Out.WriteLine($"    {fact.State}");
            foreach (var e in curator.History(CurationTargets.Fact(fact.Key), 0, 50).Items)
            {
                console.Out.WriteLine(CurationCommands.Describe(e) + (e.UndoneBy is { } by ? $" (undone by event {by})" : string.Empty));
                CurationCommands.WriteChange(console.Out, e);
            }

            return AtlasCommand.Ok;
        }));
        return command;
    }

    private static IReadOnlyList<string>? List(string[]? values) => values is null or [] ? null : FactCommands.Values(values);
}
