namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// One signed-in browser: the login cookie carries only the session's key, and this row holds the rest, so ending a
/// session is deleting its row, on every web node at once.
/// </summary>
public class UserSession
{
    /// <summary>The SHA-256 of the key in the cookie (hex): a copy of the database gives no key that would sign anyone in.</summary>
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>The account's security stamp when the session was signed in; a session whose stamp is no longer the account's has ended.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>The authentication ticket (claims and properties), serialized.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>The client address the session was last seen from.</summary>
    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>
/// Failed logins for one typed login name from one client network. The name is kept as a hash: people type their
/// password into the e-mail field, and what they type is not kept in the clear.
/// </summary>
public class LoginFailure
{
    /// <summary>SHA-256 (hex) of the normalized login name as typed, whether an account has it or not.</summary>
    public string LoginHash { get; set; } = string.Empty;

    /// <summary>The client's IPv4 address, or its IPv6 /64 network (one subscriber's whole block).</summary>
    public string ClientNetwork { get; set; } = string.Empty;

    public int Failures { get; set; }
    public DateTime LastFailedAt { get; set; }
}
