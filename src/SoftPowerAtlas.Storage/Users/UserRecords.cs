using System.Globalization;
using System.Text;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Storage.Users;

/// <summary>What a user may do; each role includes the ones before it.</summary>
public enum UserRole
{
    /// <summary>Reads pages, the API and exports.</summary>
    Viewer,

    /// <summary>Also curates: corrects facts, merges entities, marks commitments done.</summary>
    Editor,

    /// <summary>Also manages users and keys, and ingests.</summary>
    Admin,
}

/// <summary>A person who signs in; never carries the password hash out of the store.</summary>
/// <remarks>Stamp: changes with the password, so sessions signed in with the old one end.</remarks>
public sealed record AtlasUser(long Id, string Name, UserRole Role, string Stamp, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt, int ActiveKeys);

/// <summary>The user a change touched, or why nothing changed.</summary>
public sealed record UserResult(AtlasUser? User, string? Error)
{
    public bool IsSuccess => User is not null;

    public static UserResult Fail(string error) => new(null, error);
}

/// <summary>A new API key: the only time the key itself exists outside the caller.</summary>
public sealed record IssuedKey(AtlasUser User, string Key, string Prefix);

/// <summary>An API key as lists show it: its first characters, never the key.</summary>
public sealed record ApiKeyInfo(long Id, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>Rules for the words a user gives: names, roles, passwords.</summary>
public static class UserRules
{
    public const int MaxNameLength = 64;

    public const int MinPasswordLength = 8;

    /// <summary>Longer passwords are refused so one request cannot make the hasher work on megabytes.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>
    /// The name as stored (trimmed, NFC), or why it cannot be one. Any script and punctuation is
    /// allowed (Thai names, e-mail addresses); control and invisible format characters are not, so two
    /// names that look alike are the same name.
    /// </summary>
    public static string? CheckName(string? name, out string? error)
    {
        var trimmed = UnicodeText.Replace((name ?? string.Empty).Trim()).Normalize(NormalizationForm.FormC);
        error = trimmed.Length == 0 ? "the user name is empty"
            : trimmed.Length > MaxNameLength ? string.Create(CultureInfo.InvariantCulture, $"the user name is {trimmed.Length} characters long; at most {MaxNameLength}")
            : trimmed.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                ? "the user name holds a control or invisible character"
            : null;
        return error is null ? trimmed : null;
    }

    /// <summary>The form names are compared in: one person cannot be both "Anna" and "anna".</summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return UnicodeText.Replace(name.Trim()).Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    public static string? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"the password must have at least {MinPasswordLength} characters"
        : password.Length > MaxPasswordLength ? $"the password is longer than {MaxPasswordLength} characters"
        : null;

    public static bool TryParseRole(string? text, out UserRole role)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "viewer": role = UserRole.Viewer; return true;
            case "editor": role = UserRole.Editor; return true;
            case "admin": role = UserRole.Admin; return true;
            default: role = UserRole.Viewer; return false;
        }
    }

    /// <summary>The role as stored and as the web host's role claims spell it.</summary>
    public static string Text(this UserRole role) => role switch
    {
        UserRole.Viewer => "viewer",
        UserRole.Editor => "editor",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };
}
