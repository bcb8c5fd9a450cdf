using System.Net;
using System.Net.Sockets;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// Keeps collection off this machine and its private network (SSRF): a feed or a redirect naming
/// <c>http://127.0.0.1/</c>, <c>http://2130706433/</c>, <c>http://[::ffff:10.0.0.1]/</c> or a DNS name
/// resolving to such an address is refused (<see cref="GuardedConnector"/> applies this where the
/// connection is made).
/// </summary>
public static class AddressGuard
{
    /// <summary>Why <paramref name="address"/> is not fetched ("a loopback address"), or null when it is public.</summary>
    public static string? Blocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return Blocked(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return BlockedV4(address.GetAddressBytes());
        }

        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "the unspecified address";
        }

        if (b[0] == 0xFF)
        {
            return "a multicast address";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0)
        {
            return "a link-local address";
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return "a private address";
        }

        // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address that may be private.
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return compatible || nat64 ? BlockedV4(b[12..]) : null;
    }

    private static string? BlockedV4(ReadOnlySpan<byte> b) => (b[0], b[1]) switch
    {
        (127, _) => "a loopback address",
        (0, _) => "the unspecified (this-network) address",
        (10, _) or (172, >= 16 and <= 31) or (192, 168) => "a private address",
        (100, >= 64 and <= 127) => "a shared (carrier-grade NAT) address",
        (169, 254) => "a link-local address",
        (192, 0) when b[2] == 0 => "a reserved (IETF protocol) address",
        (198, 18 or 19) => "a reserved (benchmarking) address",
        (>= 224 and <= 239, _) => "a multicast address",
        (>= 240, _) => "a reserved or broadcast address",
        _ => null,
    };
}

/// <summary>A fetch refused because its address is loopback, private, link-local, multicast or reserved.</summary>
public sealed class BlockedAddressException(string message) : Exception(message);
