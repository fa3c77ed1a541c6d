namespace NewsRoom.Web.Tests.Fixtures;

public sealed class StrictLoginLimitFactory : NewsRoomFactory
{
    protected override int LoginAttemptsPerMinute => 3;
}
