using Microsoft.IdentityModel.JsonWebTokens;
using SlotBooking.Client.Auth;
using SlotBooking.Client.Commands;

namespace SlotBooking.Client.Tests.Commands;

public sealed class AccountCommandsTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:8000/slot-booking", "http://127.0.0.1:8000/")]
    [InlineData("wss://book.example.org/slot-booking?calendar=lab&date=2026-11-26", "https://book.example.org/")]
    public void The_http_address_is_the_sockets_server(string socket, string expected) =>
        Assert.Equal(new Uri(expected), AccountCommands.HttpBaseOf(new Uri(socket)));

    [Fact]
    public void Minted_tokens_name_one_subject_per_client_for_the_servers_issuer_and_audience()
    {
        var tokens = new MintedTokens("a-signing-key-that-is-long-enough-for-hs256!");
        var first = new JsonWebTokenHandler().ReadJsonWebToken(tokens.For(0, TimeSpan.FromMinutes(5)));
        var second = new JsonWebTokenHandler().ReadJsonWebToken(tokens.For(1, TimeSpan.FromMinutes(5)));
        Assert.Equal("load-0@bench.local", first.Subject);
        Assert.Equal("load-1@bench.local", second.Subject);
        Assert.Equal("slotbooking", first.Issuer);
        Assert.Equal(["slotbooking"], first.Audiences);
        Assert.Equal("HS256", first.Alg);
    }
}
