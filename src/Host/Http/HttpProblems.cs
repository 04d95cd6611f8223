using Microsoft.AspNetCore.Http.HttpResults;

namespace SlotBooking.Host.Http;

/// <summary>
/// Failures of the HTTP routes as problem documents (<c>application/problem+json</c>): an actor that did not answer
/// in time is 503 (see <see cref="AskTimeoutHandler"/>); anything else stays 500, with a problem document rather
/// than an empty body. <c>UseExceptionHandler()</c> in the pipeline writes them.
/// </summary>
public static class HttpProblems
{
    public static IServiceCollection AddSlotHttpProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<AskTimeoutHandler>();
        return services;
    }

    /// <summary>A read of a board whose slots are still being recovered: 503, ask again shortly.</summary>
    public static ProblemHttpResult NotReady() =>
        TypedResults.Problem("The slots are still being recovered from storage; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
}
