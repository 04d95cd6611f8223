using System.Net;
using SlotBooking.TestSupport;

namespace SlotBooking.BrowserTests;

/// <summary>The page's files over plain HTTP (no browser needed), and the seed's JSON root left as it was.</summary>
public sealed class UiEndpointTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(_database.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public void The_page_files_are_copied_into_the_test_output()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot", "ui");
        Assert.True(File.Exists(Path.Combine(folder, "index.html")), $"index.html missing under {folder}");
        Assert.True(File.Exists(Path.Combine(folder, "js", "main.js")), $"js/main.js missing under {folder}");
    }

    [Theory]
    [InlineData("/ui")]
    [InlineData("/ui/")]
    public async Task The_page_is_served_as_html(string path)
    {
        using var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<ol class=\"slots\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/ui/styles.css", "text/css")]
    [InlineData("/ui/js/main.js", "text/javascript")]
    public async Task Its_assets_are_served_with_their_types(string path, string mediaType)
    {
        using var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/ui")]
    [InlineData("/ui/")]
    [InlineData("/ui/index.html")]
    [InlineData("/ui/js/main.js")]
    [InlineData("/ui/styles.css")]
    public async Task The_page_and_its_files_carry_the_security_headers(string path)
    {
        using var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_root_stays_the_seed_json()
    {
        using var response = await _host.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"message\":\"Slot Booking API is running\"", await response.Content.ReadAsStringAsync());
    }
}
