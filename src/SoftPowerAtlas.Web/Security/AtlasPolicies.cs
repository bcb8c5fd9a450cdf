using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// The authorization policies endpoints and pages name: <see cref="Viewer"/> reads, <see cref="Editor"/>
/// curates, <see cref="Admin"/> manages users, ingest and settings; each admits the roles above it
/// (an admin is also an editor and a viewer). In single-user mode (see <see cref="AccessMode"/>) the
/// caller on 127.0.0.1 is an admin. An endpoint that names no policy gets <see cref="Viewer"/>.
/// </summary>
public static class AtlasPolicies
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Registers the three policies and makes <see cref="Viewer"/> the fallback for endpoints that name none.</summary>
    public static void AddAtlasPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var viewer = Policy(Viewer, Editor, Admin);
        options.AddPolicy(Viewer, viewer);
        options.AddPolicy(Editor, Policy(Editor, Admin));
        options.AddPolicy(Admin, Policy(Admin));
        options.FallbackPolicy = viewer;
    }

    /// <summary>The roles a role includes, itself first: what <see cref="ClaimTypes.Role"/> claims a principal carries.</summary>
    public static IReadOnlyList<string> Included(string role) => role switch
    {
        Admin => [Admin, Editor, Viewer],
        Editor => [Editor, Viewer],
        Viewer => [Viewer],
        _ => [],
    };

    private static AuthorizationPolicy Policy(params string[] roles) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(roles).Build();
}
