using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SoftPowerAtlas.Storage.Users;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Pages.Admin;

/// <summary>
/// Users and keys for admins: list, add, change role, remove, issue a key (shown once) or revoke keys.
/// The last admin cannot be removed or demoted here, so the web always keeps someone who can manage it.
/// </summary>
public sealed class UsersModel(UserStore users, UiText text) : PageModel
{
    public IReadOnlyList<AtlasUser> Users { get; private set; } = [];

    /// <summary>What the last action did, in the page's language.</summary>
    public string? Message { get; private set; }

    public bool IsError { get; private set; }

    /// <summary>A key just issued: shown on this response only.</summary>
    public IssuedKey? NewKey { get; private set; }

    public static IReadOnlyList<UserRole> Roles { get; } = [UserRole.Viewer, UserRole.Editor, UserRole.Admin];

    public void OnGet() => Load();

    public IActionResult OnPostAdd(string? name, string? role, string? password, string? confirm)
    {
        if (!UserRules.TryParseRole(role, out var parsed))
        {
            return Done(text["users.bad-role"], error: true);
        }

        if (!string.Equals(password, confirm, StringComparison.Ordinal))
        {
            return Done(text["users.mismatch"], error: true);
        }

        var added = users.Add(name ?? string.Empty, parsed, password ?? string.Empty);
        return added.User is { } user
            ? Done(text.Format("users.added", user.Name, text["role." + user.Role.Text()]))
            : Done(text.StoreMessage(added.Error!), error: true); // Add gives an error whenever it gives no user.
    }

    public IActionResult OnPostRole(string? name, string? role)
    {
        if (!UserRules.TryParseRole(role, out var parsed))
        {
            return Done(text["users.bad-role"], error: true);
        }

        if (parsed != UserRole.Admin && IsLastAdmin(name))
        {
            return Done(text["users.last-admin"], error: true);
        }

        var changed = users.SetRole(name ?? string.Empty, parsed);
        return changed.User is { } user
            ? Done(text.Format("users.role-changed", user.Name, text["role." + user.Role.Text()]))
            : Done(text.StoreMessage(changed.Error!), error: true);
    }

    public IActionResult OnPostRemove(string? name)
    {
        if (IsLastAdmin(name))
        {
            return Done(text["users.last-admin"], error: true);
        }

        var user = users.Find(name ?? string.Empty);
        return user is not null && users.Remove(user.Name)
            ? Done(text.Format("users.removed", user.Name))
            : Done(text.Format("users.unknown", name), error: true);
    }

    public IActionResult OnPostKey(string? name)
    {
        NewKey = users.IssueKey(name ?? string.Empty);
        return NewKey is null ? Done(text.Format("users.unknown", name), error: true) : Done(null);
    }

    public IActionResult OnPostRevoke(string? name) =>
        users.RevokeKeys(name ?? string.Empty) is { } count
            ? Done(text.Format("users.revoked", count, name))
            : Done(text.Format("users.unknown", name), error: true);

    private bool IsLastAdmin(string? name)
    {
        var all = users.List();
        var target = all.FirstOrDefault(u => string.Equals(u.Name, users.Find(name ?? string.Empty)?.Name, StringComparison.Ordinal));
        return target?.Role == UserRole.Admin && all.Count(u => u.Role == UserRole.Admin) == 1;
    }

    private PageResult Done(string? message, bool error = false)
    {
        Message = message;
        IsError = error;
        if (error)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Load();
        return Page();
    }

    private void Load() => Users = users.List();
}
