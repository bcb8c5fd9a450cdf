using System.CommandLine;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Collection;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas source add|list|remove</c>: the feeds and listing pages <c>atlas collect</c> follows.</summary>
internal static class SourceCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var command = new Command("source", "Manage the web sources 'atlas collect' follows: RSS 2.0 / Atom feeds, or news listing pages whose article links match a pattern.");
        command.Subcommands.Add(Add(db, console));
        command.Subcommands.Add(List(db, console));
        command.Subcommands.Add(Remove(db, console));
        return command;
    }

    private static Command Add(Option<string> db, CliConsole console)
    {
        var url = new Argument<string>("url") { Description = "Address of the feed or listing page (http or https)." };
        var kind = new Option<string?>("--kind") { Description = "feed (RSS 2.0 or Atom) or listing (an HTML page of links). Default: listing when --link-pattern is given, else feed." };
        kind.AcceptOnlyFromAmong("feed", "listing");
        var pattern = new Option<string?>("--link-pattern") { Description = "Listing pages: a regular expression the absolute address of each article link matches, e.g. '/news/\\d+'." };
        var selector = new Option<string?>("--selector") { Description = "CSS selector of the article element on this site's pages, e.g. 'div.news-detail'; without it the article is found by content density." };
        var command = new Command("add", "Follow a feed or listing page.") { url, kind, pattern, selector };
        command.SetAction(parse => RunAdd(parse.GetValue(db)!, parse.GetValue(url)!, parse.GetValue(kind), parse.GetValue(pattern), parse.GetValue(selector), console));
        return command;
    }

    private static Command List(Option<string> db, CliConsole console)
    {
        var command = new Command("list", "List the sources followed, with their last check and item counts.");
        command.SetAction(parse => WithSources(parse.GetValue(db)!, console, create: false, sources =>
        {
            var all = sources.List();
            if (all.Count == 0)
            {
                console.Out.WriteLine("No sources yet. Add one with 'atlas source add URL'.");
                return AtlasCommand.Ok;
            }

            foreach (var source in all)
            {
                var items = sources.AllItems(source.Id);
                var stored = items.Count(i => i.DocumentId is not null);
                var failed = items.Count(i => i.Status is ItemStatus.Failed or ItemStatus.Refused);
                var kind = source.Kind == SourceKind.Feed ? "feed" : "listing";
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{source.Id}  {kind,-7}  {source.Url}"));
                if (source.LinkPattern is not null)
                {
                    console.Out.WriteLine($"      link pattern: {source.LinkPattern}");
                }

                if (source.Selector is not null)
                {
                    console.Out.WriteLine($"      selector:     {source.Selector}");
                }

                var checkedAt = source.LastCheckedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never";
                var last = source.LastStatus is null ? string.Empty : $" ({source.LastStatus}{(source.LastReason is null ? string.Empty : ": " + source.LastReason)})";
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      checked {checkedAt}{last}; {items.Count} items, {stored} stored, {failed} failed"));
            }

            return AtlasCommand.Ok;
        }));
        return command;
    }

    private static Command Remove(Option<string> db, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The source id 'atlas source list' shows (e.g. 3 or #3)." };
        var command = new Command("remove", "Stop following a source. Documents already collected from it stay.") { id };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(id)!;
            if (!long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                console.Error.WriteLine($"atlas: '{text}' is not a source id; run 'atlas source list' to see them");
                return AtlasCommand.UsageError;
            }

            return WithSources(parse.GetValue(db)!, console, create: false, sources =>
            {
                if (!sources.Remove(number))
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"atlas: no source #{number}"));
                    return AtlasCommand.SomeInputsFailed;
                }

                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Removed source #{number}."));
                return AtlasCommand.Ok;
            });
        });
        return command;
    }

    private static int RunAdd(string dbPath, string url, string? kind, string? pattern, string? selector, CliConsole console)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            console.Error.WriteLine($"atlas: '{url}' is not an http or https address");
            return AtlasCommand.UsageError;
        }

        var sourceKind = (kind ?? (pattern is null ? "feed" : "listing")) == "feed" ? SourceKind.Feed : SourceKind.Listing;
        if (sourceKind == SourceKind.Listing && string.IsNullOrWhiteSpace(pattern))
        {
            console.Error.WriteLine("atlas: a listing page needs --link-pattern, a regular expression its article links match (e.g. '/news/\\d+')");
            return AtlasCommand.UsageError;
        }

        if (pattern is not null && ListingLinks.Compile(pattern).Error is { } error)
        {
            console.Error.WriteLine($"atlas: --link-pattern {error}");
            return AtlasCommand.UsageError;
        }

        if (selector is not null && !IsValidSelector(selector))
        {
            console.Error.WriteLine($"atlas: --selector '{selector}' is not a valid CSS selector");
            return AtlasCommand.UsageError;
        }

        return WithSources(dbPath, console, create: true, sources =>
        {
            var added = sources.Add(uri, sourceKind, pattern, selector);
            if (added.Source is not { } source)
            {
                console.Error.WriteLine($"atlas: {added.Error}");
                return AtlasCommand.SomeInputsFailed;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Added source #{source.Id} ({(sourceKind == SourceKind.Feed ? "feed" : "listing")}) {source.Url}. Run 'atlas collect' to fetch it."));
            return AtlasCommand.Ok;
        });
    }

    private static bool IsValidSelector(string selector)
    {
        try
        {
            new HtmlParser().ParseDocument("<p></p>").QuerySelector(selector);
            return !string.IsNullOrWhiteSpace(selector);
        }
        catch (DomException)
        {
            return false;
        }
    }

    /// <summary>Opens the database (refusing to create one just to list or remove) and runs <paramref name="action"/>.</summary>
    internal static int WithSources(string dbPath, CliConsole console, bool create, Func<SourceStore, int> action)
    {
        if (!create && !AtlasStores.Exists(dbPath))
        {
            console.Error.WriteLine($"atlas: no database at {dbPath} (add a source with 'atlas source add URL', or pass --db)");
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            using var store = AtlasStores.Open(dbPath, console.Text);
            return action(new SourceStore(store, TimeProvider.System));
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }
}
