using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Exports;

namespace SoftPowerAtlas.Cli.Commands.Curation;

/// <summary><c>atlas done|drop|undone ID</c>, <c>atlas note TARGET TEXT</c>, <c>atlas history</c>, <c>atlas undo EVENT</c>.</summary>
internal static class LogCommands
{
    public static Command CreateStatus(Option<string> db, CliConsole console, string status)
    {
        var (verb, help) = status switch
        {
            CommitmentStatuses.Done => ("done", "Mark a commitment done."),
            CommitmentStatuses.Dropped => ("drop", "Mark a commitment dropped: it will not be kept, so it is never overdue."),
            _ => ("undone", "Take the done or dropped mark off a commitment: it is open again."),
        };
        var id = new Argument<string>("id") { Description = "The commitment's id as 'atlas due --all' prints it (a unique prefix of 6 or more digits will do)." };
        var note = new Option<string?>("--note") { Description = "What was done or why it was dropped, or where that is recorded." };
        var actor = CurationCommands.Actor();
        var command = new Command(verb, help + " The mark is a curation event kept by the commitment's key (a hash of the document's text and the sentence), so it survives ingesting or extracting the document again.") { id, actor };
        if (status != CommitmentStatuses.Open)
        {
            command.Options.Add(note);
        }

        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
        {
            var result = curator.SetStatus(parse.GetValue(id)!, status, status == CommitmentStatuses.Open ? null : parse.GetValue(note), parse.GetValue(actor)!);
            if (result.Event is not { } e)
            {
                return CurationCommands.Report(console, result);
            }

            var key = CurationTargets.KeyOf(e.Target);
            var what = curator.FindFact(key).Fact is { } fact ? JsonNode.Parse(fact.State)?["what"]?.GetValue<string>() : null;
            console.Out.WriteLine(status == CommitmentStatuses.Open
                ? $"{key} is open again (event {e.Id})."
                : $"{key} marked {status}: {FactCommands.OneLine(what ?? "(its document is not stored now)", 120)} (event {e.Id})");
            return AtlasCommand.Ok;
        }));
        return command;
    }

    public static Command CreateNote(Option<string> db, CliConsole console)
    {
        var target = new Argument<string>("target") { Description = "A fact id (4711…), an entity key (agency:dasta) or a document (doc:12)." };
        var text = new Argument<string>("text") { Description = "The note." };
        var actor = CurationCommands.Actor();
        var command = new Command("note", "Add a note to a fact, an entity or a document; it is kept in the audit log ('atlas history --target').") { target, text, actor };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.AddNote(parse.GetValue(target)!, parse.GetValue(text)!, parse.GetValue(actor)!))));
        return command;
    }

    public static Command CreateDelete(Option<string> db, CliConsole console)
    {
        var documents = new Argument<string[]>("document") { Description = "Documents to take out: an id (12, #12) as 'atlas show' and search print it, or the path or URL a document was ingested from.", Arity = ArgumentArity.OneOrMore };
        var actor = CurationCommands.Actor();
        var command = new Command("delete", "Take documents back out of the store: each goes with its facts, search rows and facet counts, in one transaction, and the audit log keeps a 'document.delete' event. Edits made to its facts are kept, and come back if the same file is ingested again.") { documents, actor };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
        {
            var exit = AtlasCommand.Ok;
            foreach (var document in parse.GetValue(documents)!)
            {
                var code = CurationCommands.Report(console, curator.DeleteDocument(document, parse.GetValue(actor)!));
                exit = Math.Max(exit, code);
            }

            return exit;
        }));
        return command;
    }

    public static Command CreateHistory(Option<string> db, CliConsole console)
    {
        var target = new Option<string?>("--target") { Description = "Only the edits of one target: fact:KEY (or a fact id), entity:KEY, document:HASH." };
        var limit = new Option<int>("--limit") { Description = "How many events (newest first).", DefaultValueFactory = _ => 50 };
        var page = new Option<int>("--page") { Description = "Which page of --limit events.", DefaultValueFactory = _ => 1 };
        var unapplied = new Option<bool>("--unapplied") { Description = "Instead: edits in force whose fact extraction no longer finds in its (still stored) document." };
        var json = new Option<bool>("--json") { Description = "Print the events as JSON (before and after as objects)." };
        var command = new Command("history", "The audit log of curation, newest first: who changed what, when, from what to what, and which edits were undone.") { target, limit, page, unapplied, json };
        command.SetAction(parse =>
        {
            var (l, p) = (parse.GetValue(limit), parse.GetValue(page));
            if (l is < 1 or > 10_000 || p < 1)
            {
                console.Error.WriteLine("atlas: --limit is 1 to 10000 and --page 1 or more");
                return AtlasCommand.UsageError;
            }

            return CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) => parse.GetValue(unapplied)
                ? Unapplied(curator, console)
                : History(curator, console, Target(curator, parse.GetValue(target)), l, p, parse.GetValue(json)));
        });
        return command;
    }

    public static Command CreateUndo(Option<string> db, CliConsole console)
    {
        var id = new Argument<long>("event") { Description = "The event's number, as 'atlas history' prints it." };
        var actor = CurationCommands.Actor();
        var command = new Command("undo", "Undo an edit: what it replaced comes back exactly, and the undo is logged too. Later edits that build on the same fact or entity must be undone first (newest first).") { id, actor };
        command.SetAction(parse => CurationCommands.Run(parse.GetValue(db)!, console, (curator, _) =>
            CurationCommands.Report(console, curator.Undo(parse.GetValue(id), parse.GetValue(actor)!))));
        return command;
    }

    /// <summary>A fact id (or a unique prefix of one) is read as <c>fact:KEY</c>; an entity key without prefix as <c>entity:KEY</c>.</summary>
    private static string? Target(Curator curator, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith(CurationTargets.EntityPrefix, StringComparison.Ordinal) || text.StartsWith(CurationTargets.DocumentPrefix, StringComparison.Ordinal))
        {
            return text;
        }

        if (text.StartsWith(CurationTargets.FactPrefix, StringComparison.Ordinal))
        {
            text = text[CurationTargets.FactPrefix.Length..];
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return CurationTargets.Entity(text);
        }

        // A fact still stored is named by its whole key; one no longer stored only by the key as given.
        return CurationTargets.Fact(curator.FindFact(text).Fact?.Key ?? text.ToLowerInvariant());
    }

    private static int History(Curator curator, CliConsole console, string? target, int limit, int page, bool json)
    {
        var events = curator.History(target, (page - 1) * limit, limit);
        if (json)
        {
            console.Out.WriteLine(StoredFactJson.ToString(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total", events.Total);
                w.WriteStartArray("events");
                foreach (var e in events.Items)
                {
                    CurationCommands.WriteJson(w, e);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return AtlasCommand.Ok;
        }

        foreach (var e in events.Items)
        {
            console.Out.WriteLine(CurationCommands.Describe(e) + (e.UndoneBy is { } by ? $"  (undone by event {by})" : string.Empty));
            CurationCommands.WriteChange(console.Out, e);
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events.Items.Count} of {events.Total} events{(target is null ? string.Empty : " on " + target)}."));
        return AtlasCommand.Ok;
    }

    private static int Unapplied(Curator curator, CliConsole console)
    {
        var edits = curator.Unapplied();
        foreach (var u in edits)
        {
            console.Out.WriteLine(CurationCommands.Describe(u.Event));
            console.Out.WriteLine($"    {u.Reason}");
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{edits.Count} edits find no fact to apply to."));
        return edits.Count == 0 ? AtlasCommand.Ok : AtlasCommand.SomeInputsFailed;
    }
}
