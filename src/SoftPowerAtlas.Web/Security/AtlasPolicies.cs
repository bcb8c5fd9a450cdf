using Microsoft.AspNetCore.Authorization;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// The authorization policies endpoints and pages name: <see cref="Viewer"/> reads, <see cref="Editor"/>
/// curates, <see cref="Admin"/> manages users, ingest and settings. Until users and sign-in exist every
/// policy admits the caller (single-user mode on 127.0.0.1).
/// </summary>
public static class AtlasPolicies
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Registers the three policies.</summary>
    public static void AddAtlasPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in new[] { Viewer, Editor, Admin })
        {
            options.AddPolicy(name, p => p.RequireAssertion(_ => true));
        }
    }
}
