namespace NewsRoom.Ingest;

/// <summary>The roles a paper prints in front of a name, each shown with its Chinese word.</summary>
public enum BylineRole
{
    /// <summary>记者, including 特派记者, 首席记者 and 草原全媒记者.</summary>
    Reporter,
    /// <summary>融媒体记者: the paper's own multimedia reporter.</summary>
    MediaReporter,
    /// <summary>实习记者.</summary>
    InternReporter,
    /// <summary>实习生.</summary>
    Intern,
    /// <summary>通讯员.</summary>
    Correspondent,
    /// <summary>摄影: a photo credit ("… 摄", "… 摄影报道").</summary>
    Photographer,
    /// <summary>作者: a bare trailing credit such as (王林喜).</summary>
    Author,
    /// <summary>机构: an organisation credit such as (乌达区融媒体中心).</summary>
    Organization,
}

/// <summary>Converts roles to and from the words the paper prints.</summary>
public static class BylineRoles
{
    private static readonly string[] Words = ["记者", "融媒体记者", "实习记者", "实习生", "通讯员", "摄影", "作者", "机构"];

    /// <summary>The Chinese word for a role: 记者, 融媒体记者 ….</summary>
    public static string ToChinese(this BylineRole role) => Words[(int)role];

    /// <summary>All roles in their fixed order.</summary>
    public static IReadOnlyList<BylineRole> All { get; } = Enum.GetValues<BylineRole>();
}
