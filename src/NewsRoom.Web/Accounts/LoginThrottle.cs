using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Accounts;

/// <summary>
/// Slows password guessing without handing anyone a way to lock an account: failures are counted per typed login
/// name and client network, and only that pair is refused for a while. A guesser elsewhere on the internet stops
/// only themselves; the account's owner logs in from their own address as usual. The counts live in the store, so
/// every web node sees the same ones. Known and unknown names are counted alike, so the refusal says nothing about
/// who has an account.
/// </summary>
public sealed class LoginThrottle(NewsRoomDb db, TimeProvider clock, ILookupNormalizer normalizer)
{
    /// <summary>Failures from one network for one name before that pair is refused.</summary>
    public const int FailuresBeforeRefusal = 5;

    /// <summary>How long a refused pair waits, counted from its last failure; failures further apart start a new count.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>What a refused pair is told; an unknown name gets it too after as many failures.</summary>
    public const string RefusedMessage = "登录失败次数过多，请 15 分钟后再试。";

    // Rows older than this say nothing any more and are deleted as new failures come in.
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    /// <summary>The pair a login attempt is counted under.</summary>
    public sealed record Attempt(string LoginHash, string ClientNetwork);

    public Attempt For(string login, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(login);
        return new(HashOf(normalizer.NormalizeEmail(login.Trim()) ?? string.Empty), NetworkOf(client));
    }

    public Task<bool> IsRefusedAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var windowStart = clock.GetUtcNow().UtcDateTime - Window;
        return db.LoginFailures.AnyAsync(
            f => f.LoginHash == attempt.LoginHash && f.ClientNetwork == attempt.ClientNetwork && f.Failures >= FailuresBeforeRefusal && f.LastFailedAt >= windowStart,
            cancellationToken);
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
