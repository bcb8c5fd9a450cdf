using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SoftPowerAtlas.Analysis.Duplicates;

/// <summary>
/// Document fingerprints for duplicate detection: a SHA-256 content hash for exact copies and a
/// 64-bit SimHash over word 3-shingles for near copies (the same release re-published with a
/// changed word, a corrected date, a different byline).
/// </summary>
/// <remarks>
/// <para>
/// Two documents are near duplicates when their SimHashes differ in at most
/// <see cref="NearDuplicateMaxDistance"/> bits. Three is the value Manku, Jain and Das Sarma
/// (Google, WWW 2007) found to separate near-duplicate web pages from distinct ones with 64-bit
/// fingerprints, and it is what makes the store's lookup exact: split the 64 bits into four bands
/// of 16; two hashes at most 3 bits apart differ in at most three bands, so they agree exactly on at
/// least one, and an indexed equality lookup per band finds every candidate.
/// </para>
/// <para>
/// SimHash approximates the angle between the two documents' shingle sets: the expected distance
/// is 64·θ/π. Changing one word changes three shingles, so in an <i>n</i>-word text the expected
/// distance is about 64·acos(1 − 3/<i>n</i>)/π: ≈ 2.9 bits at 300 words, ≈ 1.6 at 1,000. Short
/// texts with a single edit therefore sit near the threshold; texts edited in several places are,
/// by design, not near duplicates.
/// </para>
/// </remarks>
public static class Fingerprint
{
    /// <summary>Largest SimHash distance, in bits, at which two documents count as near duplicates.</summary>
    public const int NearDuplicateMaxDistance = 3;

    /// <summary>Words per shingle: word order matters, so a shuffled text is not a near duplicate.</summary>
    public const int ShingleSize = 3;

    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>
    /// Lower-case hex SHA-256 of the UTF-8 text after every run of white space is folded to one
    /// space and the ends are trimmed, so re-wrapped lines do not make a new document.
    /// </summary>
    public static string ContentHash(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var folded = FoldWhiteSpace(normalizedText);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(folded.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var count = Encoding.UTF8.GetBytes(folded, rented);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, count), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// 64-bit SimHash over shingles of <see cref="ShingleSize"/> consecutive words (compared
    /// case-insensitively). A text shorter than one shingle is one shingle of all its words; no words
    /// hash to 0.
    /// </summary>
    public static ulong SimHash(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Span<int> tally = stackalloc int[64];
        var window = new string[ShingleSize];
        var seen = 0;
        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word))
            {
                continue;
            }

            window[seen % ShingleSize] = word.ToLowerInvariant();
            seen++;
            if (seen >= ShingleSize)
            {
                Add(tally, HashShingle(window, seen));
            }
        }

        if (seen == 0)
        {
            return 0;
        }

        if (seen < ShingleSize)
        {
            Add(tally, HashShingle(window, seen));
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (tally[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    /// <summary>Number of bits in which two SimHashes differ.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Whether two SimHashes are at most <see cref="NearDuplicateMaxDistance"/> bits apart.</summary>
    public static bool IsNearDuplicate(ulong a, ulong b) => Distance(a, b) <= NearDuplicateMaxDistance;

    private static void Add(Span<int> tally, ulong hash)
    {
        for (var bit = 0; bit < 64; bit++)
        {
            tally[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
        }
    }

    /// <summary>Hashes the last min(seen, ShingleSize) words of the ring buffer, oldest first.</summary>
    private static ulong HashShingle(string[] window, int seen)
    {
        var count = Math.Min(seen, ShingleSize);
        var hash = FnvOffsetBasis;
        for (var i = 0; i < count; i++)
        {
            var word = window[(seen - count + i) % ShingleSize];
            if (i > 0)
            {
                // A separator no word contains, so ("ab", "c") and ("a", "bc") differ.
                hash = Fnv1a(hash, '\u001F');
            }

            foreach (var c in word)
            {
                hash = Fnv1a(hash, c);
            }
        }

        return Mix(hash);
    }

    /// <summary>FNV-1a over both bytes of a UTF-16 code unit.</summary>
    private static ulong Fnv1a(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * FnvPrime;
        return (hash ^ (byte)(c >> 8)) * FnvPrime;
    }

    /// <summary>
    /// MurmurHash3's 64-bit finaliser. FNV-1a's high bits avalanche poorly on short inputs, and
    /// SimHash needs every bit of a shingle's hash to be an independent coin flip.
    /// </summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    private static string FoldWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
