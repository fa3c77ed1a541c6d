using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Accounts;

/// <summary>
/// Slows password guessing without handing anyone a way to lock an account out: failures are counted per typed login
/// name and client network, never against the account. The first <see cref="FreeFailures"/> cost nothing; after that
/// each failure doubles the wait before that pair may try again (1 s, 2 s, 4 s … up to <see cref="LongestWait"/>), so
/// a guesser gets a few dozen tries a day per network while a person who mistyped a few times, even on the guesser's
/// own network, is kept waiting seconds, not locked out. A pair that is waiting is refused before its password is
/// checked, so the refusal never tells a guesser that it guessed right. The counts live in the store, so every web
/// node sees the same ones; known and unknown names are counted alike, so a refusal says nothing about who has an
/// account.
/// </summary>
public sealed class LoginThrottle(NewsRoomDb db, TimeProvider clock, ILookupNormalizer normalizer)
{
    /// <summary>Failures from one network for one name that cost no wait.</summary>
    public const int FreeFailures = 5;

    /// <summary>The longest a pair ever waits between tries.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>Failures further apart than this start a new count; longer than the longest wait, so a guesser that
    /// waits it out each time keeps paying the longest wait.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The opening words of every refusal, whatever the wait.</summary>
    public const string RefusedMessageStart = "登录失败次数过多";

    // Rows older than this say nothing any more and are deleted as new failures come in.
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    /// <summary>The pair a login attempt is counted under.</summary>
    public sealed record Attempt(string LoginHash, string ClientNetwork);

    public Attempt For(string login, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(login);
        return new(HashOf(normalizer.NormalizeEmail(login.Trim()) ?? string.Empty), NetworkOf(client));
    }

    /// <summary>How long a pair waits after its <paramref name="failures"/>th failure in a row.</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures <= FreeFailures)
        {
            return TimeSpan.Zero;
        }
        // Past 2^10 s the wait is over the cap anyway; stopping the shift there keeps it from overflowing.
        var seconds = 1L << Math.Min(failures - FreeFailures - 1, 10);
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
    }

    /// <summary>What a waiting pair is told: how long is left, in whole seconds or minutes, rounded up.</summary>
    public static string RefusedMessage(TimeSpan left) => left <= TimeSpan.FromMinutes(1)
        ? $"{RefusedMessageStart}，请 {Math.Max(1, (int)Math.Ceiling(left.TotalSeconds))} 秒后再试。"
        : $"{RefusedMessageStart}，请 {(int)Math.Ceiling(left.TotalMinutes)} 分钟后再试。";

    /// <summary>How long the pair must still wait before its password is checked again; zero when it may try now.</summary>
    public async Task<TimeSpan> WaitLeftAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - Window;
        var last = await db.LoginFailures
            .Where(f => f.LoginHash == attempt.LoginHash && f.ClientNetwork == attempt.ClientNetwork && f.Failures > FreeFailures && f.LastFailedAt >= windowStart)
            .Select(f => new { f.Failures, f.LastFailedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return TimeSpan.Zero;
        }
        var left = last.LastFailedAt + WaitAfter(last.Failures) - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public Task CountFailureAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var now = clock.GetUtcNow().UtcDateTime;
        return LoginFailureCounter.CountAsync(db, attempt.LoginHash, attempt.ClientNetwork, now, now - Window, now - Forget, cancellationToken);
    }

    /// <summary>A successful login clears its pair's count.</summary>
    public Task ForgetAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return db.LoginFailures.Where(f => f.LoginHash == attempt.LoginHash && f.ClientNetwork == attempt.ClientNetwork).ExecuteDeleteAsync(cancellationToken);
    }

    private static string HashOf(string normalizedLogin) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedLogin)));

    // An IPv6 subscriber is handed a whole /64, so counting single IPv6 addresses would let one client rotate freely.
    internal static string NetworkOf(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }
        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>
/// The password-hash work of a real account, spent when there is none (or it is refused before its password is
/// checked), so the time a wrong login takes does not tell whether the name has an account.
/// </summary>
public sealed class DecoyPassword
{
    private readonly PasswordHasher<AppUser> _hasher;
    private readonly AppUser _nobody = new();
    private readonly Lazy<string> _hash;

    // Identity's own hasher with the site's options (Identity registers it per request; this one is kept for the
    // site's life, with the hash it made once), so the decoy costs what a stored hash costs.
    public DecoyPassword(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<AppUser>(options);
        _hash = new Lazy<string>(() => _hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));
    }

    public void Verify(string password) => _hasher.VerifyHashedPassword(_nobody, _hash.Value, password);
}
