using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Accounts;

/// <summary>The newsroom's roles, and the first admin when there is none, so a fresh site always has a way in.</summary>
public sealed class FirstAdmin(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<NewsRoomOptions> options,
    ILogger<FirstAdmin> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = options.Value.Admin;
        var email = string.IsNullOrWhiteSpace(admin.Email) ? "admin@newsroom.local" : admin.Email;
        var password = admin.Password;
        var generated = false;
        if (string.IsNullOrWhiteSpace(password))
        {
            // Generated in every environment, not only Development: a fresh `dotnet run` must leave a way in.
            // It is logged once, on the start that creates the account, and must be changed after the first login.
            // Prefixed so it always meets the password policy (upper, lower, digit) whatever the random part holds.
            password = "Nr7-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y');
            generated = true;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "管理员" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        // The policies admit an admin wherever a lower role is asked for, so the one role is enough.
        await users.AddToRoleAsync(user, Roles.Admin);
        if (generated)
        {
            // Logged once, on the start that created the account: there is no other way to learn it.
            logger.LogWarning("Created the first admin {Email} with the generated password {Password}; change it after logging in", email, password);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email}", email);
        }
    }
}
