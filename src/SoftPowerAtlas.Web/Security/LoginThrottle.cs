using System.Collections.Concurrent;
using SoftPowerAtlas.Storage.Users;

namespace SoftPowerAtlas.Web.Security;

/// <summary>
/// Slows password guessing, keyed on the user name first: after <see cref="MaxPerName"/> failed
/// sign-ins for one name from one client, <see cref="MaxPerNameAnyClient"/> for one name from anywhere
/// (guessing spread over many addresses), or <see cref="MaxPerClient"/> from one client for any names,
/// within <see cref="Window"/>, that sign-in is refused (429 with Retry-After) until the oldest failure
/// leaves the window. A stranger guessing cannot lock the real user out from their own machine for
/// long; a client that is only known as a proxy (<see cref="TrustedProxies"/>; null here) is not
/// counted as one client, so one guesser behind a proxy does not lock out everyone behind it.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxPerName = 5;

    public const int MaxPerNameAnyClient = 20;

    public const int MaxPerClient = 20;

    /// <summary>Above this many tracked keys, expired ones are dropped.</summary>
    private const int PruneAbove = 10_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the client (null: unknown, behind a proxy) must wait before trying this name again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? client, string name)
    {
        var now = clock.GetUtcNow();
        var waits = Keys(client, name).Select(k => Wait(k.Key, k.Limit, now)).OfType<TimeSpan>().ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public void Failed(string? client, string name)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, _) in Keys(client, name))
        {
            var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                queue.Enqueue(now);
            }
        }

        if (_failures.Count > PruneAbove)
        {
            Prune(now);
        }
    }

    /// <summary>A right password forgets this client's failures for this name (not for others).</summary>
    public void Succeeded(string? client, string name) => _failures.TryRemove(NameKey(client ?? "proxy", name), out _);

    /// <summary>The counters a sign-in touches with their limits: the name's, the client's for the name, the client's (when known).</summary>
    private static IEnumerable<(string Key, int Limit)> Keys(string? client, string name)
    {
        yield return ("a\n" + UserRules.NameKey(name), MaxPerNameAnyClient);
        yield return (NameKey(client ?? "proxy", name), MaxPerName);
        if (client is not null)
        {
            yield return (ClientKey(client), MaxPerClient);
        }
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= now - Window)
            {
                queue.Dequeue();
            }

            // The client may try again when enough failures have left the window to fall below the limit.
            return queue.Count < limit ? null : queue.ElementAt(queue.Count - limit) + Window - now;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, queue) in _failures)
        {
            lock (queue)
            {
                if (queue.Count == 0 || queue.Last() <= now - Window)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    private static string ClientKey(string client) => "c\n" + client;

    private static string NameKey(string client, string name) => "n\n" + client + "\n" + UserRules.NameKey(name);
}
