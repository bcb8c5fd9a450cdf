using System.Security.Cryptography;
using System.Text;

namespace SoftPowerAtlas.Storage.Users;

/// <summary>
/// The secrets the store hands out once (session cookies, API keys, watch feed tokens): 256 random bits
/// written URL-safe (43 characters), and the SHA-256 that is all the database keeps of them.
/// </summary>
internal static class SecretTokens
{
    /// <summary>A new secret: 32 random bytes as unpadded base64url.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What the database keeps of a secret: its SHA-256 in lower-case hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
