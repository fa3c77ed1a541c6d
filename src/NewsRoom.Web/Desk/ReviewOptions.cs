using System.ComponentModel.DataAnnotations;

namespace NewsRoom.Web.Desk;

/// <summary>Settings under "NewsRoom:Review": how many levels of 三审 a story passes before it is published.</summary>
public sealed class ReviewOptions
{
    public const string Section = "NewsRoom:Review";

    /// <summary>
    /// 3: 初审, 复审 and 终审; 2: 初审 and 终审; 1: 终审 only, for a small county desk. A submitted story goes to the first
    /// level this leaves.
    /// </summary>
    [Range(1, 3, ErrorMessage = "NewsRoom:Review:Levels must be 1, 2 or 3.")]
    public int Levels { get; set; } = 3;

    /// <summary>The longest reviewer's comment kept with a step: a paragraph of instructions.</summary>
    public const int CommentMaxLength = 1000;
}
