using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Curation;

namespace SoftPowerAtlas.Cli.Commands.Curation;

/// <summary>
/// The curation verbs: <c>fact set</c>, <c>entity merge|split</c>, <c>alias add</c>, <c>done</c>,
/// <c>drop</c>, <c>undone</c>, <c>note</c>, <c>delete</c>, <c>history</c>, <c>undo</c>, <c>reextract</c>. Each edit is
/// logged with who made it (<c>--as</c>, default the OS user) and survives re-ingest and re-extraction.
/// </summary>
internal static class CurationCommands
{
    public static void AddTo(RootCommand root, Option<string> db, CliConsole console)
    {
        root.Subcommands.Add(FactCommand.Create(db, console));
        root.Subcommands.Add(EntityCommands.CreateEntity(db, console));
        root.Subcommands.Add(EntityCommands.CreateAlias(db, console));
        foreach (var status in new[] { CommitmentStatuses.Done, CommitmentStatuses.Dropped, CommitmentStatuses.Open })
        {
            root.Subcommands.Add(LogCommands.CreateStatus(db, console, status));
        }

        root.Subcommands.Add(LogCommands.CreateNote(db, console));
        root.Subcommands.Add(LogCommands.CreateDelete(db, console));
        root.Subcommands.Add(LogCommands.CreateHistory(db, console));
        root.Subcommands.Add(LogCommands.CreateUndo(db, console));
        root.Subcommands.Add(ReextractCommand.Create(db, console));
    }

    /// <summary>The <c>--as NAME</c> option every edit takes.</summary>
    public static Option<string> Actor() => new("--as")
    {
        Description = "Who makes the edit, as the audit log records it. Default: the operating system's user name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    /// <summary>Opens the store and runs <paramref name="work"/> with a curator; store failures exit 1 with the message.</summary>
    public static int Run(string db, CliConsole console, Func<Curator, IAtlasStore, int> work)
    {
        using var store = CommandHelpers.OpenStore(db, console, console.Clock);
        if (store is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            return work(new Curator(store, console.Clock), store);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }

    /// <summary>Prints what an edit did, or why not; returns the exit code (2 bad input, 1 not found or refused).</summary>
    public static int Report(CliConsole console, CurationResult result, string? done = null)
    {
        if (result.Error is not null)
        {
            console.Error.WriteLine($"atlas: {result.Error}");
            return result.Failure == CurationFailure.Invalid ? AtlasCommand.UsageError : AtlasCommand.SomeInputsFailed;
        }

        if (result.Event is { } e)
        {
            console.Out.WriteLine(done ?? Describe(e));
            WriteChange(console.Out, e);
        }

        if (result.Detail is not null)
        {
            console.Out.WriteLine(result.Detail);
        }

        return AtlasCommand.Ok;
    }

    /// <summary>"event 12: fact.set on fact:4711… by somchai at 2024-06-28 03:30Z".</summary>
    public static string Describe(CurationEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"event {e.Id}: {e.Kind}{(e.Undoes is { } u ? $" of event {u}" : string.Empty)} on {e.Target} by {e.Actor} at {e.At.UtcDateTime:yyyy-MM-dd HH:mm}Z");

    public static void WriteChange(TextWriter o, CurationEvent e)
    {
        if (e.Before is not null && e.Kind != CurationKinds.Note)
        {
            o.WriteLine($"    before: {e.Before}");
        }

        if (e.Kind == CurationKinds.Note && e.After is not null)
        {
            o.WriteLine($"    note: {JsonDocument.Parse(e.After).RootElement.GetProperty("text").GetString()}");
        }
        else if (e.After is not null)
        {
            o.WriteLine($"    after:  {e.After}");
        }
    }

    /// <summary>An event as JSON (before and after as objects).</summary>
    public static void WriteJson(Utf8JsonWriter w, CurationEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("at", e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("actor", e.Actor);
        w.WriteString("kind", e.Kind);
        w.WriteString("target", e.Target);
        foreach (var (name, text) in new[] { ("before", e.Before), ("after", e.After) })
        {
            w.WritePropertyName(name);
            if (text is null)
            {
                w.WriteNullValue();
            }
            else
            {
                using var doc = JsonDocument.Parse(text);
                doc.RootElement.WriteTo(w);
            }
        }

        if (e.Undoes is { } undoes)
        {
            w.WriteNumber("undoes", undoes);
        }

        if (e.UndoneBy is { } by)
        {
            w.WriteNumber("undone_by", by);
        }

        w.WriteEndObject();
    }
}
