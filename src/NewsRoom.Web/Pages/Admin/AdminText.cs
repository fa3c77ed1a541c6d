namespace NewsRoom.Web.Pages.Admin;

/// <summary>The Chinese words the admin pages use for the import's states.</summary>
public static class AdminText
{
    public static string Of(ImportRunState state) => state switch
    {
        ImportRunState.Queued => "排队中",
        ImportRunState.Running => "进行中",
        ImportRunState.Succeeded => "完成",
        ImportRunState.Interrupted => "已中断",
        _ => "失败",
    };

    public static string Of(FileImportState state) => state switch
    {
        FileImportState.New => "新文件",
        FileImportState.Unchanged => "已导入，无变化",
        FileImportState.Changed => "导入后有变化",
        _ => "无法读取",
    };

    public static string Of(IssueOrigin origin) => origin switch
    {
        IssueOrigin.Seed => "种子",
        IssueOrigin.Upload => "上传",
        _ => "命令行",
    };
}
