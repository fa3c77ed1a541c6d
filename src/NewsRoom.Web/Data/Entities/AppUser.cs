using Microsoft.AspNetCore.Identity;

namespace NewsRoom.Web.Data.Entities;

/// <summary>An editor or admin account.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name shown in revisions and the desk.</summary>
    public string? DisplayName { get; set; }
}

/// <summary>The two roles of the newsroom; an admin can do everything an editor can.</summary>
public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";
}
