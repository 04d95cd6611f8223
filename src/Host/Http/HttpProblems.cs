using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SlotBooking.Host.Http;

/// <summary>
/// Failures of the HTTP routes as problem documents (<c>application/problem+json</c>): an actor that did not answer
/// in time is 503 (see <see cref="AskTimeoutHandler"/>); anything else stays 500, with a problem document rather
/// than an empty body. <c>UseExceptionHandler()</c> in the pipeline writes them, and <c>UseStatusCodePages()</c> gives any
/// other error answered without a body (401, 403, 404, 405, 429) a problem document too.
/// </summary>
public static class HttpProblems
{
    public static IServiceCollection AddSlotHttpProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<AskTimeoutHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        // A parameter that does not bind throws, so that BadRequestHandler answers it as a problem naming the parameter
        // (otherwise minimal APIs answer a bare 400 before the handler runs).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// A query or route parameter the handler (or the binder, through <see cref="BadRequestHandler"/>) refused: 400,
    /// naming it in the title, the detail and <c>errors</c>, as the calendar admin routes name a body's fields.
    /// </summary>
    public static ProblemHttpResult BadParameter(string name, string problem)
    {
        var details = BadParameterDetails(name, problem);
        return TypedResults.Problem(details.Detail, statusCode: details.Status, title: details.Title, extensions: details.Extensions);
    }

    public static ProblemDetails BadParameterDetails(string name, string problem) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = $"Invalid parameter '{name}'",
        Detail = $"Parameter '{name}': {problem}",
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [name] = [problem] } },
    };

    /// <summary>A read of a board whose slots are still being recovered: 503, ask again shortly.</summary>
    public static ProblemHttpResult NotReady() =>
        TypedResults.Problem("The slots are still being recovered from storage; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
}
