using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Accounts;
using SlotBooking.Host.Http;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Auth;

/// <summary>
/// The built-in accounts: <c>POST /auth/register</c>, <c>POST /auth/login</c> (a token from <see cref="TokenIssuer"/>)
/// and <c>GET /auth/me</c>, in the seed's later shapes. Passwords are hashed here, never in an actor, and never logged.
/// Register and login are limited per client address (<see cref="AuthOptions.RequestsPerMinute"/>), and failures per
/// address, per account and address, and per account, counted cluster-wide (<see cref="SignInThrottle"/>). Emails listed as admins
/// (<see cref="AdminList"/>) cannot be registered here.
/// </summary>
public static class AccountRoutes
{
    /// <summary>The rate limit policy of register and login: a token bucket of requests per client address.</summary>
    public const string Policy = "auth-per-client";

    /// <summary>A credentials body is a few hundred bytes; a larger one is refused before it is read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static IServiceCollection AddSlotAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<ClientRateLimitPolicies>().Configure<IOptions<AuthOptions>>((policies, auth) =>
        {
            var o = auth.Value;
            // A token bucket, not a window: a burst of sign-ins is at most RequestBurst slow hashes at once, then one
            // every 60/RequestsPerMinute seconds, so a login storm never holds a core for long (bookings keep theirs).
            // Per node, unlike the failure limits: it protects each node's own cores, and a guess still costs the
            // cluster-wide failure budget whichever node it reaches.
            policies.Add(Policy, Math.Min(o.RequestBurst, o.RequestsPerMinute), o.RequestsPerMinute / 60.0);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAccountRoutes(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth");
        auth.MapPost("/register", Register).RequireClientRateLimit(Policy)
            .WithName("Register").WithSummary("Create an account: {\"email\",\"password\"}");
        auth.MapPost("/login", Login).RequireClientRateLimit(Policy)
            .WithName("Login").WithSummary("A bearer token for an account: {\"email\",\"password\"}");
        auth.MapGet("/me", Me).RequireAuthorization(AuthPolicies.SignedIn).RequireClientRateLimit(HttpRateLimiting.Policy)
            .WithName("Me").WithSummary("Who the bearer token says the caller is");
        return app;
    }

    private static async Task<Results<JsonHttpResult<RegisterResponse>, ProblemHttpResult>> Register(
        HttpContext http, AccountStore accounts, PasswordHashing passwords, SignInThrottle throttle, AdminList admins, CancellationToken ct)
    {
        var (credentials, unreadable) = await ReadCredentialsAsync(http, ct);
        if (unreadable is not null) return unreadable;
        if (AccountRules.EmailProblem(credentials!.Email) is { } emailProblem) return Invalid(emailProblem);
        if (AccountRules.PasswordProblem(credentials.Password) is { } passwordProblem) return Invalid(passwordProblem);
        var email = credentials.Email!;

        var address = ClientAddress.Of(http);
        var key = AccountKey.Of(email);
        if (await throttle.IsRefusedAsync(address, key, ct)) return TooManyFailures(http, throttle);
        // An admin's account is made by the operator (the host's "accounts add" command), in any spelling of its email.
        if (admins.NamesAccount(email))
        {
            await throttle.RecordAddressFailureAsync(address, ct);
            return TypedResults.Problem("This email is reserved: its account is made by the operator, not registered here",
                statusCode: StatusCodes.Status403Forbidden, title: "Email reserved");
        }

        // Hashed before the actor is asked, so a taken email costs the same as a new one.
        if (await passwords.HashAsync(credentials.Password!, ct) is not { } hash) return Busy(http);
        switch (await accounts.RegisterAsync(email, hash, ct))
        {
            case AccountCreated:
                return TypedResults.Json(RegisterResponse.Created(email), ProtocolJsonContext.Default.RegisterResponse,
                    statusCode: StatusCodes.Status201Created);
            default:
                // Per address only: it limits probing which emails exist, and slows nobody's sign-in to that account.
                await throttle.RecordAddressFailureAsync(address, ct);
                return TypedResults.Problem("An account with this email already exists", statusCode: StatusCodes.Status409Conflict,
                    title: "Email already registered");
        }
    }

    private static async Task<Results<JsonHttpResult<LoginResponse>, ProblemHttpResult>> Login(
        HttpContext http, AccountStore accounts, PasswordHashing passwords, SignInThrottle throttle, TokenIssuer tokens, CancellationToken ct)
    {
        var (credentials, unreadable) = await ReadCredentialsAsync(http, ct);
        if (unreadable is not null) return unreadable;
        if (string.IsNullOrEmpty(credentials!.Email)) return Invalid("email is required");
        if (string.IsNullOrEmpty(credentials.Password)) return Invalid("password is required");
        if (credentials.Password.Length > AccountRules.MaxPasswordLength)
            return Invalid($"password must be at most {AccountRules.MaxPasswordLength} characters");

        var address = ClientAddress.Of(http);
        var key = AccountKey.Of(credentials.Email);
        if (await throttle.IsRefusedAsync(address, key, ct)) return TooManyFailures(http, throttle);

        // An email that could not have been registered is simply not found: the same answer, after the same work.
        var account = AccountRules.EmailProblem(credentials.Email) is null ? await accounts.FindAsync(credentials.Email, ct) : null;
        switch (await passwords.VerifyAsync(account?.PasswordHash, credentials.Password, ct))
        {
            case null:
                return Busy(http);
            case false:
                await throttle.RecordFailureAsync(address, key, ct);
                return TypedResults.Problem("Invalid credentials", statusCode: StatusCodes.Status401Unauthorized, title: "Invalid credentials");
        }

        // The token and the answer name the account as first registered, whatever spelling signed in.
        var token = tokens.Issue(account!.Email);
        return TypedResults.Json(LoginResponse.Succeeded(token, new AccountUser(account.Email, account.CreatedAt)),
            ProtocolJsonContext.Default.LoginResponse);
    }

    private static Results<JsonHttpResult<MeResponse>, ProblemHttpResult> Me(ClaimsPrincipal user, RequesterClaims claims) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated) is { } identity
        && claims.From(identity) is { } requester
        && RequesterClaims.TokenSubject(identity) is { } subject
        && RequesterClaims.TokenIssuer(identity) is { } issuer
            ? TypedResults.Json(new MeResponse(subject, requester.IsAdmin, issuer), ProtocolJsonContext.Default.MeResponse)
            : TypedResults.Problem("The token names no subject (sub or email)", statusCode: StatusCodes.Status403Forbidden, title: "No subject");

    /// <summary>The body as credentials, or the problem with it: not JSON, not an object of strings, or too large.</summary>
    private static async Task<(AccountCredentials? Credentials, ProblemHttpResult? Problem)> ReadCredentialsAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            // StrictJson's problems quote no value (the body holds a password), only the field at fault.
            var read = await StrictJson.ReadAsync(http.Request.Body, ProtocolJsonContext.Default.AccountCredentials, ct, MaxBodyBytes);
            return read.Value is { } credentials
                ? (credentials, null)
                : (null, Invalid($"{read.Problem}: expected {{\"email\": ..., \"password\": ...}} with string values"));
        }
        catch (BadHttpRequestException e)
        {
            return (null, TypedResults.Problem(
                e.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"The body is larger than {MaxBodyBytes} bytes" : "The body could not be read",
                statusCode: e.StatusCode, title: "Unreadable body"));
        }
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    private static ProblemHttpResult TooManyFailures(HttpContext http, SignInThrottle throttle)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(throttle.Window.TotalSeconds)).ToString();
        return TypedResults.Problem("Too many failed attempts; try again later", statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed attempts");
    }

    private static ProblemHttpResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem("Too many sign-ins at once; try again shortly", statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Busy");
    }
}
