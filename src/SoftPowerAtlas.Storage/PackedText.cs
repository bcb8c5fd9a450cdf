using System.Buffers.Binary;
using System.Data.Common;
using System.IO.Compression;
using System.Text;

namespace SoftPowerAtlas.Storage;

/// <summary>
/// A document's long texts (the original, the cleaned text, the facts JSON) as both stores keep them
/// since migration 16: the UTF-8 bytes compressed with Brotli behind a five-byte header (a format tag,
/// then the UTF-8 length), about a third of the text's bytes for a Thai page and an eighth for its
/// facts. Rows written before hold the plain text in the old column instead (<c>original_text</c>,
/// <c>clean_text</c>, <c>facts_json</c>); <see cref="Read"/> takes whichever the row has, so a store
/// migrated without rewriting its rows (PostgreSQL) reads the same.
/// </summary>
internal static class PackedText
{
    /// <summary>The only format so far: Brotli over UTF-8.</summary>
    private const byte BrotliUtf8 = 1;

    private const int HeaderLength = 5;

    // Quality 5 with a 4 MB window: within a few per cent of the best ratio on 5-50 KB pages at a
    // fraction of its time (docs/BENCHMARKS.md §17).
    private const int Quality = 5;
    private const int Window = 22;

    /// <summary>The packed form of <paramref name="text"/>; null stays null.</summary>
    public static byte[]? Pack(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        var packed = new byte[HeaderLength + BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        packed[0] = BrotliUtf8;
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1), utf8.Length);
        if (!BrotliEncoder.TryCompress(utf8, packed.AsSpan(HeaderLength), out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress into its own maximum length"); // cannot happen: the buffer is the encoder's bound
        }

        return packed[..(HeaderLength + written)];
    }

    /// <summary>The text <paramref name="packed"/> holds.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a packed text this build can read (damaged, or a newer format).</exception>
    public static string Unpack(ReadOnlySpan<byte> packed)
    {
        if (packed.Length > 0 && packed[0] != BrotliUtf8)
        {
            throw new InvalidDataException($"the packed text has format {packed[0]}, which this SoftPowerAtlas cannot read (it reads format {BrotliUtf8}); use a newer atlas");
        }

        if (packed.Length < HeaderLength)
        {
            throw new InvalidDataException($"the packed text is damaged: {packed.Length} bytes, fewer than its {HeaderLength}-byte header");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(packed[1..]);
        if (length < 0)
        {
            throw new InvalidDataException($"the packed text gives a negative length ({length})");
        }

        var utf8 = new byte[length];
        if (!BrotliDecoder.TryDecompress(packed[HeaderLength..], utf8, out var written) || written != length)
        {
            throw new InvalidDataException($"the packed text is damaged: its Brotli data does not give the {length} bytes its header promises");
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// The text of a row: unpacked from column <paramref name="packed"/> when set, else the plain
    /// column <paramref name="plain"/> of a row stored before packing (null when both are).
    /// </summary>
    public static string? Read(DbDataReader reader, int packed, int plain)
    {
        if (!reader.IsDBNull(packed))
        {
            return Unpack((byte[])reader.GetValue(packed));
        }

        return reader.IsDBNull(plain) ? null : reader.GetString(plain);
    }
}
