using Microsoft.Extensions.FileProviders;

namespace SlotBooking.Host.Http;

/// <summary>
/// <c>GET /ui</c>: the live booking page, plain files from <c>wwwroot/ui</c> in the build output
/// (the content root), so the same files are found under <c>dotnet run</c> and in tests that start the host in-process.
/// </summary>
public static class UiEndpoint
{
    public const string Path = "/ui";
    private const string PageFile = "index.html";

    /// <summary>
    /// The page loads its own script modules and stylesheet only, has no inline script, style or handler, talks to its
    /// own origin (HTTP and WebSocket: <c>'self'</c> covers ws/wss of the same host), and may not be framed (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapSlotUi(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot", "ui");
        // A missing folder (a broken build) must not stop the API; /ui then answers 404 saying where it looked.
        IFileProvider files = Directory.Exists(folder) ? new PhysicalFileProvider(folder) : new NullFileProvider();

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // The files change with each build and carry no version in their names: always revalidate.
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = "no-cache";
                AddSecurityHeaders(context.Context.Response);
            },
        });

        // Routing matches /ui and /ui/ alike; the page's assets use absolute /ui/... paths, so both addresses work.
        app.MapGet(Path, (HttpResponse response) => ServePage(response, files, folder)).WithName("Ui").ExcludeFromDescription();
        return app;
    }

    private static IResult ServePage(HttpResponse response, IFileProvider files, string folder)
    {
        var page = files.GetFileInfo(PageFile);
        if (!page.Exists || page.PhysicalPath is null)
            return TypedResults.Problem($"The booking page was not found in {folder}; it is copied there by the build.", statusCode: StatusCodes.Status404NotFound);
        response.Headers.CacheControl = "no-cache";
        AddSecurityHeaders(response);
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8", lastModified: page.LastModified);
    }

    /// <summary>On the page and its files: the policy above, no type sniffing, and no address leaked to other sites.</summary>
    private static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
