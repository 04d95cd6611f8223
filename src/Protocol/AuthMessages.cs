namespace SlotBooking.Protocol;

/// <summary>The body of <c>POST /auth/register</c> and <c>POST /auth/login</c>: <c>{"email","password"}</c>.</summary>
public sealed record AccountCredentials(string? Email, string? Password);

/// <summary><c>POST /auth/register</c>, 201: <c>{"success":true,"message":"User account created successfully","email"}</c>, the email as given.</summary>
public sealed record RegisterResponse(bool Success, string Message, string Email)
{
    public static RegisterResponse Created(string email) => new(true, "User account created successfully", email);
}

/// <summary><c>POST /auth/login</c>, 200: <c>{"success":true,"message":"Login successful","token","user":{"email","created_at"}}</c>.</summary>
public sealed record LoginResponse(bool Success, string Message, string Token, AccountUser User)
{
    public static LoginResponse Succeeded(string token, AccountUser user) => new(true, "Login successful", token, user);
}

/// <summary>An account as the client sees it: its email as first registered, and when (ISO-8601, UTC).</summary>
public sealed record AccountUser(string Email, DateTimeOffset CreatedAt);

/// <summary>
/// <c>GET /auth/me</c>: who the bearer token says the caller is: its subject as the token names it, whether that is an
/// admin here, and (added) the token's issuer, since a subject means one person only together with its issuer.
/// </summary>
public sealed record MeResponse(string Subject, bool IsAdmin, string Issuer);
