using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SlotBooking.Host.Http;

/// <summary>
/// A request ASP.NET Core could not read or bind (<see cref="BadHttpRequestException"/>, thrown because
/// <c>ThrowOnBadRequest</c> is on): its own status, as a problem document. A parameter that did not bind
/// (<c>days=x</c> for an integer) is answered as the handlers answer their own checks (<see cref="HttpProblems.BadParameter"/>),
/// naming the parameter; the exception's message, which names .NET types, is never passed on.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        // The binder's messages read 'Failed to bind parameter "int? days" from "x".' or 'Required parameter "int days" was not provided ...'.
        var parameter = ParameterPattern().Match(bad.Message);
        var problem = parameter.Success
            ? HttpProblems.BadParameterDetails(parameter.Groups["name"].Value, Describe(context, parameter))
            : new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Body too large" : "Unreadable request",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request's body is larger than this route accepts."
                    : "The request could not be read.",
            };
        context.Response.StatusCode = problem.Status ?? bad.StatusCode;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
        return true;
    }

    /// <summary>What the parameter should have been, with the value sent (from the query or the route, shortened).</summary>
    private static string Describe(HttpContext context, Match parameter)
    {
        var name = parameter.Groups["name"].Value;
        // "int?", "Nullable<int>", "Int32": the binder's spelling of a type varies; the words for it do not.
        var type = parameter.Groups["type"].Value.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', '>').ToLowerInvariant();
        var expected = type[(type.LastIndexOf('.') + 1)..] switch
        {
            "int" or "long" or "short" or "int32" or "int64" or "int16" => "a whole number",
            "dateonly" => "a date as YYYY-MM-DD",
            "bool" or "boolean" => "true or false",
            _ => "a value of another kind",
        };
        if (parameter.Groups["required"].Success) return $"is required: {expected}";
        var sent = context.Request.Query.TryGetValue(name, out var query) ? query.ToString() : context.GetRouteValue(name)?.ToString();
        return sent is null ? $"must be {expected}" : $"'{(sent.Length <= 64 ? sent : sent[..64] + "…")}' is not {expected}";
    }

    [GeneratedRegex("""^(?:(?<required>Required)|Failed to bind) parameter "(?<type>[^"]*) (?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from| was not provided)""")]
    private static partial Regex ParameterPattern();
}
