namespace SoftPowerAtlas.Web.Tests.Support;

/// <summary>A clock that always reads the same instant, so "today", overdue and due soon do not depend on when tests run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
