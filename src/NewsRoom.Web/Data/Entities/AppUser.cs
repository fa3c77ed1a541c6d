using Microsoft.AspNetCore.Identity;

namespace NewsRoom.Web.Data.Entities;

/// <summary>An editor or admin account.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name shown in revisions and the desk.</summary>
    public string? DisplayName { get; set; }
}

/// <summary>
/// The newsroom's roles, from the least to the most trusted: 记者 writes, 编辑 reviews (初审, 复审), 总编辑 passes the
/// last review (终审) and retracts, 管理员 runs the site and may do everything the others may. Each role's policy
/// (<see cref="Policies"/>) admits it and every role above it.
/// </summary>
public static class Roles
{
    public const string Reporter = "Reporter";
    public const string Editor = "Editor";
    public const string ChiefEditor = "ChiefEditor";
    public const string Admin = "Admin";

    /// <summary>Every role, least trusted first.</summary>
    public static readonly IReadOnlyList<string> All = [Reporter, Editor, ChiefEditor, Admin];
}

/// <summary>The authorization policies, one per role, each admitting that role and the roles above it.</summary>
public static class Policies
{
    /// <summary>Anyone who works on the desk: 记者 and up.</summary>
    public const string Desk = "Desk";
    /// <summary>编辑 and up.</summary>
    public const string Editor = Roles.Editor;
    /// <summary>总编辑 and 管理员.</summary>
    public const string ChiefEditor = Roles.ChiefEditor;
    /// <summary>管理员 only.</summary>
    public const string Admin = Roles.Admin;
}
