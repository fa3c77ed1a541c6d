namespace NewsRoom.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped with a reason the runner prints,
/// except under CI (CI=true), where a missing browser must fail rather than pass unseen.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !IsCi)
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium fonts-noto-cjk); browser tests skipped.";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A theory that needs Debian's Chromium, skipped or failed as <see cref="ChromiumFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath) && !ChromiumFactAttribute.IsCi)
        {
            Skip = $"Chromium is not installed at {ChromiumFactAttribute.ChromiumPath} (apt-get install -y chromium fonts-noto-cjk); browser tests skipped.";
        }
    }
}
