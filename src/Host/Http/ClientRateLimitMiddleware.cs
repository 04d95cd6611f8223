using System.Globalization;

namespace SlotBooking.Host.Http;

/// <summary>
/// Takes a token for the client address from the bucket of the endpoint's policy (<see cref="ClientRateLimitMetadata"/>)
/// before the endpoint runs (so before a WebSocket is accepted or a password hashed); with none left, 429 and
/// Retry-After. Endpoints without a policy pass untouched.
/// </summary>
public sealed class ClientRateLimitMiddleware(RequestDelegate next, ClientRateLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ClientRateLimitMetadata>() is not { } limit) return next(context);
        if (limits.For(limit.Policy).TryAcquire(ClientAddress.Of(context), out var retryAfter)) return next(context);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        // When the next token is due, in whole seconds and at least one, so a well-behaved client does not retry in a loop.
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // No body here: UseStatusCodePages writes the problem document, as for every other error answered without one.
        return Task.CompletedTask;
    }
}
