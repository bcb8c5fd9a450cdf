using System.Net;
using System.Net.Sockets;

namespace SoftPowerAtlas.Storage.Collection;

/// <summary>
/// The fetcher's connect callback: resolves the host, refuses with <see cref="BlockedAddressException"/>
/// when any address it resolves to is not public (<see cref="AddressGuard.Blocked"/>), and connects to
/// exactly the addresses it checked, so a name cannot resolve to a public address for the check and a
/// private one for the connection. It runs for every connection, so after every redirect too. Through
/// a proxy the proxy is connected to (the operator set it) once the request's own host has passed.
/// </summary>
internal sealed class GuardedConnector(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, IReadOnlySet<IPAddress>? exempt = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;
    private readonly IReadOnlySet<IPAddress> _exempt = exempt ?? new HashSet<IPAddress>();

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var endpoint = context.DnsEndPoint;
        var target = context.InitialRequestMessage.RequestUri;
        var connectHost = Bare(endpoint.Host);
        IPAddress[] addresses;
        if (target is not null && !string.Equals(Bare(target.IdnHost), connectHost, StringComparison.OrdinalIgnoreCase))
        {
            await CheckAsync(Bare(target.IdnHost), cancel);
            addresses = await ResolveAsync(connectHost, cancel);
        }
        else
        {
            addresses = await CheckAsync(connectHost, cancel);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Resolves <paramref name="host"/> and returns its addresses when every one is public (or exempt).</summary>
    private async Task<IPAddress[]> CheckAsync(string host, CancellationToken cancel)
    {
        var addresses = await ResolveAsync(host, cancel);
        foreach (var address in addresses)
        {
            if (!_exempt.Contains(address) && AddressGuard.Blocked(address) is { } why)
            {
                throw new BlockedAddressException(IPAddress.TryParse(host, out _)
                    ? $"{host} is {why}"
                    : $"{host} resolves to {address}, {why}");
            }
        }

        return addresses;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancel) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancel);

    private static string Bare(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}
