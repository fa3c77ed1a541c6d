using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class PasswordPolicyTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercaseletters")]
    [InlineData("NoDigitsAtAllHere")]
    public async Task AdminCreatingAnAccount_WithAWeakPassword_IsRefused(string weak)
    {
        using var admin = await TestClients.AdminAsync(factory);
        var email = ReaderTestData.Unique("weak") + "@test.local";

        using var response = await admin.SubmitAsync("/admin/users", "form[data-action=create]", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = weak,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task AdminCreatingAnAccount_WithAStrongPassword_Succeeds()
    {
        using var admin = await TestClients.AdminAsync(factory);
        var email = ReaderTestData.Unique("strong") + "@test.local";

        using var response = await admin.SubmitAsync("/admin/users", "form[data-action=create]", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Strong-Passw0rd-9",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await FindAsync(email));
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercaseletters")]
    public async Task ChangingOnesPassword_ToAWeakOne_IsRefused_AndTheOldOneStillWorks(string weak)
    {
        var email = ReaderTestData.Unique("change") + "@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Editor);
        using var editor = await TestClients.LoginAsync(factory, email, TestClients.EditorPassword);

        using var response = await editor.SubmitAsync("/account/changepassword", "main form", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = TestClients.EditorPassword,
            ["Input.NewPassword"] = weak,
            ["Input.ConfirmPassword"] = weak,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var again = await TestClients.LoginAsync(factory, email, TestClients.EditorPassword);
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }
}

public partial class RepositorySecretsTests
{
    [Fact]
    public void TrackedFiles_HoldNoPasswordsConnectionSecretsOrPrivateKeys()
    {
        var root = RepositoryRoot();
        var files = TrackedFiles(root);
        Assert.Contains(files, f => f.EndsWith("appsettings.json", StringComparison.Ordinal));

        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000 || IsBinary(path))
            {
                continue;
            }
            var text = File.ReadAllText(path);
            if (PrivateKey().IsMatch(text))
            {
                findings.Add($"{file}: private key");
            }
            if (Path.GetFileName(file).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                findings.AddRange(SecretSetting().Matches(text).Select(m => $"{file}: {m.Value}"));
                findings.AddRange(ConnectionPassword().Matches(text).Select(m => $"{file}: {m.Value}"));
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void SecretPatterns_RecogniseWhatTheyAreFor()
    {
        Assert.Matches(SecretSetting(), "\"Password\": \"hunter2\"");
        Assert.Matches(SecretSetting(), "\"ApiKey\":\"abc\"");
        Assert.DoesNotMatch(SecretSetting(), "\"Password\": \"\"");
        Assert.Matches(ConnectionPassword(), "Data Source=x;Password=secret");
        // Put together here so this file does not hold the very line the scan looks for.
        Assert.Matches(PrivateKey(), "-----BEGIN RSA " + "PRIVATE KEY-----");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NewsRoom.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("NewsRoom.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The files git tracks; without git (an exported tree) every file outside build output.</summary>
    private static List<string> TrackedFiles(string root)
    {
        if (Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git")))
        {
            using var git = Process.Start(new ProcessStartInfo("git", "ls-files -z") { WorkingDirectory = root, RedirectStandardOutput = true })!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            Assert.Equal(0, git.ExitCode);
            return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or ".git"))
            .ToList();
    }

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[512];
        using var stream = File.OpenRead(path);
        var read = stream.Read(head);
        return head[..read].Contains((byte)0);
    }

    [GeneratedRegex("\"(Password|Secret|ApiKey|ClientSecret|Token)\"\\s*:\\s*\"[^\"]+\"", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSetting();

    [GeneratedRegex("(Password|Pwd)\\s*=\\s*[^;\"\\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex("-----BEGIN ([A-Z ]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();
}
