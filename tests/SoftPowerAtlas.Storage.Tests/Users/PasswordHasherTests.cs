using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Storage.Tests.Users;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = new(iterations: 1000);

    [Fact]
    public void Hash_Format_AlgorithmCostSaltAndHash()
    {
        var hash = _hasher.Hash("ผ่าน-pass-2567");

        var parts = hash.Split('$');
        Assert.Equal(["pbkdf2-sha256", "1000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.NotEqual(hash, _hasher.Hash("ผ่าน-pass-2567"));
    }

    [Fact]
    public void Default_CostIsOwaspFigure()
    {
        var hash = new PasswordHasher().Hash("password-1");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Matches, new PasswordHasher().Verify(hash, "password-1"));
    }

    [Fact]
    public void Verify_KnownVector_Matches()
    {
        // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes), computed independently with Python's hashlib.pbkdf2_hmac.
        const string stored = "pbkdf2-sha256$1$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=";

        Assert.Equal(PasswordCheck.MatchesNeedsRehash, _hasher.Verify(stored, "password"));
        Assert.Equal(PasswordCheck.Failed, _hasher.Verify(stored, "Password"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha1$1000$c2FsdA==$AAAA")]
    [InlineData("pbkdf2-sha256$0$c2FsdA==$AAAA")]
    [InlineData("pbkdf2-sha256$99999999$c2FsdA==$AAAA")]
    [InlineData("pbkdf2-sha256$-5$c2FsdA==$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("pbkdf2-sha256$1000$$")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA==$AAAA$extra")]
    public void Verify_MalformedStoredHash_Failed(string stored)
    {
        Assert.Equal(PasswordCheck.Failed, _hasher.Verify(stored, "password"));
    }

    [Fact]
    public void Verify_StrongerStoredHash_MatchesWithoutRehash()
    {
        var stored = new PasswordHasher(iterations: 2000).Hash("password-1");

        Assert.Equal(PasswordCheck.Matches, _hasher.Verify(stored, "password-1"));
    }
}
