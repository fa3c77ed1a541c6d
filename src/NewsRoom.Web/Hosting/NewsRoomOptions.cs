namespace NewsRoom.Web.Hosting;

/// <summary>Settings under "NewsRoom" in configuration.</summary>
public sealed class NewsRoomOptions
{
    public const string Section = "NewsRoom";

    /// <summary>The folder of page dumps imported on first start; relative paths are looked for from the content root upwards.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Import the seeds when the store holds no issue yet.</summary>
    public bool ImportSeedsOnFirstStart { get; set; } = true;

    /// <summary>The first admin account, created on start when no admin exists.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>How editors and admins sign in.</summary>
    public AccountsOptions Accounts { get; set; } = new();

    /// <summary>How long the audit trail is kept.</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>Where uploaded pictures and their renditions are kept.</summary>
    public MediaOptions Media { get; set; } = new();

    /// <summary>Login attempts (POSTs) allowed per client address per minute; more get 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 30;

    /// <summary>Serve reader pages from the output cache; off only to measure the uncached pages.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>The site's public address for canonical links and feeds, e.g. https://news.example.cn; empty uses the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Proxies whose X-Forwarded-* headers are believed, as addresses or networks (127.0.0.1, 10.0.0.0/8); empty believes none, loopback included.</summary>
    public List<string> TrustedProxies { get; set; } = [];
}

/// <summary>The first admin account.</summary>
public sealed class AdminAccountOptions
{
    /// <summary>The admin's e-mail, also the login name.</summary>
    public string? Email { get; set; }

    /// <summary>The admin's password; in Development one is generated and logged once when unset.</summary>
    public string? Password { get; set; }
}

/// <summary>How editors and admins sign in.</summary>
public sealed class AccountsOptions
{
    /// <summary>Admins must turn on two-factor sign-in before they can use the desk or the admin console.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
}

/// <summary>How long the audit trail is kept.</summary>
public sealed class AuditOptions
{
    /// <summary>The legal floor: China's Cybersecurity Law (art. 21) asks for network logs to be kept at least six months.</summary>
    public const int MinimumRetainDays = 180;

    /// <summary>Rows older than this many days are pruned once a day; at least <see cref="MinimumRetainDays"/>.</summary>
    public int RetainDays { get; set; } = 400;
}

/// <summary>Where uploaded pictures and their renditions are kept.</summary>
public sealed class MediaOptions
{
    /// <summary>The media folder; a relative path is taken from the directory the site is started in. Several web nodes may share it.</summary>
    public string Path { get; set; } = "data/media";
}
