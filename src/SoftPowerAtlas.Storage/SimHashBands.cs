namespace SoftPowerAtlas.Storage;

/// <summary>
/// Splits a SimHash into four 16-bit bands. Two hashes at most 3 bits apart agree on at least one
/// band, so an equality lookup per band finds every near-duplicate candidate.
/// </summary>
internal static class SimHashBands
{
    public const int Count = 4;

    public static int Value(ulong simHash, int band) => (int)((simHash >> (16 * band)) & 0xFFFF);

    /// <summary>The SimHash as the signed 64-bit integer databases store.</summary>
    public static long ToStored(ulong simHash) => unchecked((long)simHash);

    public static ulong FromStored(long stored) => unchecked((ulong)stored);
}
