using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Storage.Users;

/// <summary>How a password matched a stored hash.</summary>
public enum PasswordCheck
{
    /// <summary>Wrong password, or a hash this build cannot read.</summary>
    Failed,

    Matches,

    /// <summary>Right password, but hashed with a lower cost than today's: store a fresh hash.</summary>
    MatchesNeedsRehash,
}

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 (<see cref="Rfc2898DeriveBytes.Pbkdf2(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, HashAlgorithmName, int)"/>)
/// written as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64), so each hash carries its algorithm
/// and cost. Passwords are compared in Unicode NFC, so a Thai password typed with another input
/// method still matches. Thread-safe.
/// </summary>
public sealed class PasswordHasher
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    public const string Algorithm = "pbkdf2-sha256";

    /// <summary>A stored hash claiming more work than this is refused rather than computed (a damaged or hostile row).</summary>
    public const int MaxIterations = 10_000_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <param name="iterations">The cost of new hashes; tests pass a small one to stay quick.</param>
    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        Iterations = iterations;
    }

    public int Iterations { get; }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public PasswordCheck Verify(string storedHash, string password)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        ArgumentNullException.ThrowIfNull(password);
        var parts = storedHash.Split('$');
        if (parts.Length != 4
            || !string.Equals(parts[0], Algorithm, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxIterations
            || !TryBase64(parts[2], out var salt)
            || !TryBase64(parts[3], out var expected)
            || salt.Length == 0
            || expected.Length == 0)
        {
            return PasswordCheck.Failed;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(UnicodeText.Replace(password).Normalize(NormalizationForm.FormC)), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordCheck.Failed;
        }

        return iterations < Iterations ? PasswordCheck.MatchesNeedsRehash : PasswordCheck.Matches;
    }

    /// <summary>Spends the time a real check would, so a missing user name cannot be told from a wrong password by timing.</summary>
    public void SpendEquivalentTime(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Derive(password, new byte[SaltBytes], Iterations);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(UnicodeText.Replace(password).Normalize(NormalizationForm.FormC)), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
