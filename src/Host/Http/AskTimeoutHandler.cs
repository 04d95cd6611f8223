using Akka.Actor;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>
/// An ask that timed out means the actor is busy (or stuck), not that the request was wrong: 503 with a
/// <c>Retry-After</c> and a problem document. Handled here, the middleware logs nothing (.NET 10 default), so this
/// logs one warning line, without the stack trace that would say nothing more.
/// </summary>
public sealed partial class AskTimeoutHandler(
    IProblemDetailsService problems, IOptions<SlotBookingOptions> options, ILogger<AskTimeoutHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AskTimeoutException) return false;

        var timeout = options.Value.AskTimeout;
        LogUnanswered(context.Request.Path, timeout);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        // Whatever kept the actor from answering for the whole timeout is likely still there a moment later.
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString();
        // A client that accepts no JSON still gets the status and Retry-After; the request counts as answered.
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service busy",
                Detail = $"The service is busy: it did not answer within {timeout.TotalSeconds:0.###} s. Try again shortly.",
            },
        });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: an actor did not answer within {Timeout}; answered 503")]
    private partial void LogUnanswered(PathString path, TimeSpan timeout);
}
