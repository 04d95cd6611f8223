using System.Net;
using SlotBooking.Host.Http;

namespace SlotBooking.Tests.Http;

public sealed class ClientAddressTests
{
    [Fact]
    public void An_IPv4_client_is_its_own_address() =>
        Assert.Equal("203.0.113.7", ClientAddress.Of(IPAddress.Parse("203.0.113.7")));

    [Fact]
    public void An_IPv4_mapped_IPv6_client_counts_as_its_IPv4_address() =>
        Assert.Equal("203.0.113.7", ClientAddress.Of(IPAddress.Parse("::ffff:203.0.113.7")));

    [Fact]
    public void Two_IPv6_addresses_in_one_64_share_a_key()
    {
        var a = ClientAddress.Of(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        var b = ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1"));
        Assert.Equal("2001:db8:1:2::/64", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void IPv6_addresses_in_different_64s_do_not_share_a_key() =>
        Assert.NotEqual(ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Of(IPAddress.Parse("2001:db8:1:3::1")));

    [Fact]
    public void No_address_is_one_shared_key() => Assert.Equal("unknown", ClientAddress.Of((IPAddress?)null));
}
