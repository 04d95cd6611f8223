using SlotBooking.TestSupport.PostgreSql;

namespace SlotBooking.Tests.PostgreSql;

/// <summary>Where PostgreSQL is missing, the PostgreSQL tests fail saying how to install it, rather than skip.</summary>
public sealed class PostgreSqlToolsTests
{
    [Fact]
    public void Missing_server_programs_fail_with_how_to_install_them()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-postgresql-{Guid.NewGuid():N}");

        var failure = Assert.Throws<InvalidOperationException>(() => PostgreSqlTools.Find(missing));

        Assert.Contains("apt-get install postgresql", failure.Message);
    }
}
