using System.Net;
using SlotBooking.Host.Auth;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>With no key configured, the server generates one beside the database, keeps it private, and keeps it across restarts.</summary>
public sealed class SigningKeyTests : HostTest
{
    [Fact]
    public async Task The_generated_key_is_owner_only_and_tokens_survive_a_restart()
    {
        var keyPath = SigningKeyStore.KeyPathFor(Host.DatabasePath);
        // Created at start, not at the first request.
        Assert.True(File.Exists(keyPath), $"no key at {keyPath}");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        var key = await File.ReadAllTextAsync(keyPath);
        Assert.Equal(64, Convert.FromBase64String(key).Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(keyPath)!, Path.GetFileName(keyPath) + ".*.tmp"));

        var token = await Host.Http.SignUpAsync("restart@example.org", "survives restarts");
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.MeAsync(token)).StatusCode);

        await RestartHostAsync();

        Assert.Equal(key, await File.ReadAllTextAsync(keyPath));
        var response = await Host.Http.MeAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("restart@example.org", (await response.JsonAsync()).GetProperty("subject").GetString());
        // The account itself survived too.
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.LoginAsync("restart@example.org", "survives restarts")).StatusCode);
    }
}
