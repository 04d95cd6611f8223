using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Owners;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Configuration;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>
/// <c>GET /my-bookings</c>: the caller's current and future bookings, every calendar together, from their read model
/// (one ask of the owners' index). <c>POST /my-bookings</c> answers the same, for clients that post
/// <c>{"token":...}</c>: the token is taken from the <c>Authorization</c> header, whatever the body holds.
/// </summary>
public static class MyBookingsRoutes
{
    public static IServiceCollection AddMyBookingsReads(this IServiceCollection services) => services.AddSingleton<MyBookingsReader>();

    public static IEndpointRouteBuilder MapMyBookingsRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/my-bookings").RequireAuthorization(AuthPolicies.SignedIn).RequireClientRateLimit(HttpRateLimiting.Policy);
        routes.MapGet("", GetMyBookings).WithName("MyBookings").WithSummary("The caller's current and future bookings");
        routes.MapPost("", GetMyBookings).WithName("MyBookingsPost").WithSummary("The same as GET, for clients that post their token");
        return app;
    }

    private static async Task<Results<JsonHttpResult<MyBookingsResponse>, ProblemHttpResult>> GetMyBookings(
        HttpContext context, RequesterClaims claims, MyBookingsReader reader, CancellationToken ct)
    {
        if (claims.From(context.User) is not { Subject: { } subject })
            return TypedResults.Problem("The token names no subject ('sub' or 'email').", statusCode: StatusCodes.Status401Unauthorized, title: "No subject");
        return await reader.ReadAsync(subject, ct) switch
        {
            MyBookingsRead read => TypedResults.Json(MyBookingsViews.Response(read.Bookings), ProtocolJsonContext.Default.MyBookingsResponse),
            MyBookingsUnavailable unavailable => TypedResults.Problem(unavailable.Problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable"),
            var other => throw new InvalidOperationException($"Unexpected answer to GetMyBookings: {other.GetType().Name}"),
        };
    }
}

/// <summary>The ask a read of one owner's bookings makes, with the configured timeout.</summary>
public sealed class MyBookingsReader(IRequiredActor<OwnerIndex> owners, IOptions<SlotBookingOptions> options)
{
    public async Task<IMyBookingsReply> ReadAsync(string owner, CancellationToken cancellationToken)
    {
        var index = await owners.GetAsync(cancellationToken);
        return await index.Ask<IMyBookingsReply>(new GetMyBookings(owner), options.Value.AskTimeout, cancellationToken);
    }
}
