using System.CommandLine;
using System.Globalization;
using System.Text;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas user add|list|role|remove|key</c>: who may sign in to <c>atlas serve</c>, with which role.</summary>
internal static class UserCommand
{
    private const string Roles = "viewer (read), editor (also curate), admin (also users and ingest)";

    public static Command Create(Option<string> db, CliConsole console)
    {
        var command = new Command(
            "user",
            "Manage the users of a shared server: who may sign in to 'atlas serve', with which role ("
            + Roles + "). A SQLite database with no users is served without sign-in to callers on 127.0.0.1 only.");
        command.Subcommands.Add(Add(db, console));
        command.Subcommands.Add(List(db, console));
        command.Subcommands.Add(Role(db, console));
        command.Subcommands.Add(Remove(db, console));
        command.Subcommands.Add(Key(db, console));
        return command;
    }

    private static Argument<string> NameArgument() => new("name") { Description = "The user's name (any script; compared without regard to case)." };

    private static Command Add(Option<string> db, CliConsole console)
    {
        var name = NameArgument();
        var role = new Option<string?>("--role") { Description = $"The role: {Roles}. Default: admin for the first user, viewer after." };
        role.AcceptOnlyFromAmong("viewer", "editor", "admin");
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of asking twice at the terminal." };
        var command = new Command("add", $"Add a user. The password (at least {UserRules.MinPasswordLength} characters) is asked twice without echo, or read with --password-stdin; only a salted PBKDF2 hash is kept.")
        {
            name,
            role,
            stdin,
        };
        command.SetAction(parse => RunAdd(parse.GetValue(db)!, parse.GetValue(name)!, parse.GetValue(role), parse.GetValue(stdin), console));
        return command;
    }

    private static Command List(Option<string> db, CliConsole console)
    {
        var command = new Command("list", "List the users with their roles and active API keys.");
        command.SetAction(parse => WithUsers(parse.GetValue(db)!, console, create: false, users =>
        {
            var all = users.List();
            if (all.Count == 0)
            {
                console.Out.WriteLine(users.IsServerStore
                    ? "No users yet: nobody can sign in. Add one with 'atlas user add NAME --role admin'."
                    : "No users: 'atlas serve' is open, without sign-in, to callers on 127.0.0.1 only. Add one with 'atlas user add NAME --role admin'.");
                return AtlasCommand.Ok;
            }

            var width = Math.Max(4, all.Max(u => u.Name.Length));
            console.Out.WriteLine($"{"name".PadRight(width)}  role    keys  added");
            foreach (var user in all)
            {
                console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{user.Name.PadRight(width)}  {user.Role.Text(),-6}  {user.ActiveKeys,4}  {user.CreatedAt:yyyy-MM-dd HH:mm'Z'}"));
            }

            return AtlasCommand.Ok;
        }));
        return command;
    }

    private static Command Role(Option<string> db, CliConsole console)
    {
        var name = NameArgument();
        var role = new Argument<string>("role") { Description = Roles };
        role.AcceptOnlyFromAmong("viewer", "editor", "admin");
        var command = new Command("role", "Give a user another role; it applies to their next request, signed in or by key.") { name, role };
        command.SetAction(parse => WithUsers(parse.GetValue(db)!, console, create: false, users =>
        {
            UserRules.TryParseRole(parse.GetValue(role), out var newRole);
            var changed = users.SetRole(parse.GetValue(name)!, newRole);
            if (changed.User is not { } user)
            {
                console.Error.WriteLine($"atlas: {changed.Error}");
                return AtlasCommand.SomeInputsFailed;
            }

            console.Out.WriteLine($"'{user.Name}' is now {user.Role.Text()}.");
            WarnWithoutAdmin(users, console);
            return AtlasCommand.Ok;
        }));
        return command;
    }

    private static Command Remove(Option<string> db, CliConsole console)
    {
        var name = NameArgument();
        var command = new Command("remove", "Remove a user and their API keys; their sessions end at their next request.") { name };
        command.SetAction(parse => WithUsers(parse.GetValue(db)!, console, create: false, users =>
        {
            var user = users.Find(parse.GetValue(name)!);
            if (user is null || !users.Remove(user.Name))
            {
                console.Error.WriteLine($"atlas: there is no user named '{parse.GetValue(name)}'");
                return AtlasCommand.SomeInputsFailed;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Removed '{user.Name}' ({user.Role.Text()}) and {user.ActiveKeys} active API key(s)."));
            if (!users.HasUsers() && !users.IsServerStore)
            {
                console.Out.WriteLine("No users are left: 'atlas serve' is open again, without sign-in, to callers on 127.0.0.1 only.");
            }
            else
            {
                WarnWithoutAdmin(users, console);
            }

            return AtlasCommand.Ok;
        }));
        return command;
    }

    private static Command Key(Option<string> db, CliConsole console)
    {
        var name = NameArgument();
        var revoke = new Option<bool>("--revoke") { Description = "Revoke every active API key of the user instead of issuing one." };
        var command = new Command(
            "key",
            "Issue a new API key for scripts, printed once on standard output (only its hash is kept): send it as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'. It acts with the user's role.")
        {
            name,
            revoke,
        };
        command.SetAction(parse => WithUsers(parse.GetValue(db)!, console, create: false, users =>
        {
            var who = parse.GetValue(name)!;
            if (parse.GetValue(revoke))
            {
                if (users.RevokeKeys(who) is not { } count)
                {
                    console.Error.WriteLine($"atlas: there is no user named '{who}'");
                    return AtlasCommand.SomeInputsFailed;
                }

                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Revoked {count} API key(s) of '{users.Find(who)?.Name ?? who}'."));
                return AtlasCommand.Ok;
            }

            if (users.IssueKey(who) is not { } issued)
            {
                console.Error.WriteLine($"atlas: there is no user named '{who}'");
                return AtlasCommand.SomeInputsFailed;
            }

            // The key alone on standard output, so KEY=$(atlas user key NAME) works; the rest on standard error.
            console.Out.WriteLine(issued.Key);
            console.Error.WriteLine($"API key {issued.Prefix}… for '{issued.User.Name}' ({issued.User.Role.Text()}). It is shown only now: keep it somewhere safe. Revoke with 'atlas user key \"{issued.User.Name}\" --revoke'.");
            return AtlasCommand.Ok;
        }));
        return command;
    }

    private static int RunAdd(string db, string name, string? roleText, bool passwordStdin, CliConsole console)
    {
        if (UserRules.CheckName(name, out var nameError) is null)
        {
            console.Error.WriteLine($"atlas: {nameError}");
            return AtlasCommand.UsageError;
        }

        string? password;
        if (passwordStdin)
        {
            password = Console.In.ReadLine();
            if (password is null)
            {
                console.Error.WriteLine("atlas: --password-stdin: standard input is empty; give the password on its first line");
                return AtlasCommand.UsageError;
            }
        }
        else if (Console.IsInputRedirected)
        {
            console.Error.WriteLine("atlas: no terminal to ask for the password; pipe it on standard input with --password-stdin");
            return AtlasCommand.UsageError;
        }
        else
        {
            password = Prompt("Password: ", console);
            if (!string.Equals(password, Prompt("Password again: ", console), StringComparison.Ordinal))
            {
                console.Error.WriteLine("atlas: the two passwords differ; nothing was added");
                return AtlasCommand.UsageError;
            }
        }

        if (UserRules.CheckPassword(password) is { } passwordError)
        {
            console.Error.WriteLine($"atlas: {passwordError}");
            return AtlasCommand.UsageError;
        }

        return WithUsers(db, console, create: true, users =>
        {
            var role = roleText is not null && UserRules.TryParseRole(roleText, out var parsed) ? parsed
                : users.HasUsers() ? UserRole.Viewer : UserRole.Admin;
            var added = users.Add(name, role, password!); // CheckPassword refused null above.
            if (added.User is not { } user)
            {
                console.Error.WriteLine($"atlas: {added.Error}");
                return AtlasCommand.SomeInputsFailed;
            }

            console.Out.WriteLine($"Added {user.Role.Text()} '{user.Name}'. 'atlas serve' now asks everyone to sign in.");
            return AtlasCommand.Ok;
        });
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string Prompt(string prompt, CliConsole console)
    {
        console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (key.KeyChar != '\0')
            {
                text.Append(key.KeyChar);
            }
        }

        console.Error.WriteLine();
        return text.ToString();
    }

    private static void WarnWithoutAdmin(UserStore users, CliConsole console)
    {
        var all = users.List();
        if (all.Count > 0 && all.All(u => u.Role != UserRole.Admin))
        {
            console.Error.WriteLine("Note: no admin is left, so nobody can manage users or ingest from the web pages; make one with 'atlas user role NAME admin'.");
        }
    }

    /// <summary>Opens the database (a missing SQLite file is created only to add a user) and runs <paramref name="action"/>.</summary>
    private static int WithUsers(string db, CliConsole console, bool create, Func<UserStore, int> action)
    {
        if (!create && !AtlasStores.Exists(db))
        {
            console.Error.WriteLine($"atlas: no database at {Path.GetFullPath(db)} (pass --db, or add a user with 'atlas user add NAME')");
            return AtlasCommand.SomeInputsFailed;
        }

        try
        {
            using var store = AtlasStores.Open(db, console.Text, console.Clock);
            return action(UserStore.For(store, console.Clock));
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }
    }
}
