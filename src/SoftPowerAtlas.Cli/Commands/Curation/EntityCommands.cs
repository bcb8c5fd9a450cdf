using System.CommandLine;

namespace SoftPowerAtlas.Cli.Commands.Curation;

/// <summary><c>atlas entity merge|split</c> and <c>atlas alias add</c>: entities as people know them.</summary>
internal static class EntityCommands
{
    public static Command CreateEntity(Option<string> db, CliConsole console)
    {
        var command = new Command("entity", "Merge two entities into one, or split aliases off an entity into another (keys as 'atlas entities NAME' prints them).");
        command.Subcommands.Add(CreateMerge(db, console));
        command.Subcommands.Add(CreateSplit(db, console));
        return command;
    }

    public static Command CreateAlias(Option<string> db, CliConsole console)
    {
        var key = new Argument<string>("key") { Description = "The entity's key (agency:dasta)." };
        var alias = new Argument<string>("alias") { Description = "Another name it goes by, Thai or English." };
        var actor = CurationCommands.Actor();
        var add = new Command("add", "Add an alias: searches, filters and reports then find the entity by that name too.") { key, alias, actor };
        add.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.AddAlias(parse.GetValue(key)!, parse.GetValue(alias)!, parse.GetValue(actor)!))));
        var command = new Command("alias", "Names entities go by.");
        command.Subcommands.Add(add);
        return command;
    }

    private static Command CreateMerge(Option<string> db, CliConsole console)
    {
        var from = new Argument<string>("from") { Description = "Key of the entity that goes away (person:ทวีพงษ์กล่าว)." };
        var into = new Argument<string>("into") { Description = "Key of the entity that stays (person:ทวีพงษ์วิชัยดิษฐ)." };
        var actor = CurationCommands.Actor();
        var command = new Command("merge", "Merge entity FROM into INTO: its aliases (and name), mentions, engagements and roles move over, and documents ingested later follow.") { from, into, actor };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.Merge(parse.GetValue(from)!, parse.GetValue(into)!, parse.GetValue(actor)!))));
        return command;
    }

    private static Command CreateSplit(Option<string> db, CliConsole console)
    {
        var key = new Argument<string>("key") { Description = "Key of the entity to split." };
        var aliases = new Option<string[]>("--aliases") { Description = "The aliases that belong to another entity (comma-separated or repeated); their mentions move with them.", Required = true };
        var newKey = new Option<string?>("--key") { Description = "Key of the entity they move to (created when missing; default: the kind and the first alias, e.g. org:kumamon)." };
        var name = new Option<string?>("--name") { Description = "Name of a new entity (default: the first alias)." };
        var actor = CurationCommands.Actor();
        var command = new Command("split", "Split aliases off an entity into another one, with the mentions written so; where a document then names only the new one, its engagements follow.") { key, aliases, newKey, name, actor };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.Split(parse.GetValue(key)!, FactCommands.Values(parse.GetValue(aliases)), parse.GetValue(newKey), parse.GetValue(name), parse.GetValue(actor)!))));
        return command;
    }
}
