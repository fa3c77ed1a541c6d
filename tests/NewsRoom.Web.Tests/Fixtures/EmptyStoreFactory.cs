namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The store before anything is imported.</summary>
public sealed class EmptyStoreFactory : NewsRoomFactory
{
    protected override bool ImportSeeds => false;
}
