namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The app's true first start on a new file: migrations, gazetteer, first admin and the seeds, not a template's copy.</summary>
public sealed class FreshStartFactory : NewsRoomFactory
{
    protected override bool StartsFromTemplate => false;
}
