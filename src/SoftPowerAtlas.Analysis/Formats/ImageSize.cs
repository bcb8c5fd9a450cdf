using System.Buffers.Binary;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>
/// Width and height read from an image's header (PNG, JPEG, TIFF) without decoding it, so a 30,000-pixel
/// image is refused before anything allocates its pixels.
/// </summary>
internal static class ImageSize
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height)? Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(PngSignature))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return Jpeg(bytes);
        }

        if (bytes.Length >= 8 && (bytes[..4].SequenceEqual("II*\0"u8) || bytes[..4].SequenceEqual("MM\0*"u8)))
        {
            return Tiff(bytes);
        }

        return null;
    }

    /// <summary>The extension tesseract expects for these bytes.</summary>
    public static string Extension(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 2 && bytes[0] == 0x89 ? ".png" : bytes.Length > 2 && bytes[0] == 0xFF ? ".jpg" : ".tif";

    private static (int, int)? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 8 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            // Start-of-frame markers (baseline, progressive, ...) hold the size; C4, C8 and CC are not frames.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            }

            i += 2 + length;
        }

        return null;
    }

    private static (int, int)? Tiff(ReadOnlySpan<byte> bytes)
    {
        var little = bytes[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
        ushort U16(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);
        var ifd = U32(bytes[4..]);
        if (ifd + 2 > bytes.Length)
        {
            return null;
        }

        var count = U16(bytes[(int)ifd..]);
        int width = -1, height = -1;
        for (var k = 0; k < count; k++)
        {
            var at = (int)ifd + 2 + (k * 12);
            if (at + 12 > bytes.Length)
            {
                return null;
            }

            var tag = U16(bytes[at..]);
            var type = U16(bytes[(at + 2)..]);
            var value = type == 3 ? U16(bytes[(at + 8)..]) : (int)Math.Min(U32(bytes[(at + 8)..]), int.MaxValue);
            if (tag == 256)
            {
                width = value;
            }
            else if (tag == 257)
            {
                height = value;
            }
        }

        return width < 0 || height < 0 ? null : (width, height);
    }
}
