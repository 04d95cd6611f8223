using System.Reflection;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SlotBooking.Tests.Hostile;

/// <summary>One route of the host as the fuzzer calls it: its method, its path pattern and the query parameters its handler binds.</summary>
public sealed record FuzzRoute(string Method, string Pattern, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> QueryParameters)
{
    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>
    /// Every route the host maps, read from its endpoints (so a new route is fuzzed without a change here). Query
    /// parameters are the handler's parameters of simple types that the route's path does not bind.
    /// </summary>
    public static IReadOnlyList<FuzzRoute> All(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var routeParameters = e.RoutePattern.Parameters.Select(p => p.Name).ToArray();
                var handler = e.Metadata.OfType<MethodInfo>().FirstOrDefault();
                var query = handler?.GetParameters()
                    .Where(p => IsSimple(p.ParameterType) && !routeParameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                    .Select(p => p.Name!)
                    .ToArray() ?? [];
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => new FuzzRoute(m, "/" + e.RoutePattern.RawText!.Trim('/'), routeParameters, query));
            })
            .DistinctBy(r => (r.Method, r.Pattern))
            .ToArray();

    private static bool IsSimple(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t.IsPrimitive || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(Guid));

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Who a fuzzed request claims to be.</summary>
public enum Caller { Anonymous, Garbage, Expired, ForeignKey, Alice, Bob, Admin }

/// <summary>One fuzzed request, shown in a counterexample as a person would type it.</summary>
public sealed record FuzzRequest(FuzzRoute Route, string Path, string? Body, string? ContentType, Caller Caller)
{
    public override string ToString() =>
        $"{Route.Method} {(Path.Length <= 300 ? Path : Path[..300] + "…")} as {Caller}{(Body is null ? "" : $" [{ContentType}] {(Body.Length <= 300 ? Body : Body[..300] + "…")}")}";
}

/// <summary>Generators of hostile requests for any route: path values, query values, bodies and callers.</summary>
public static class RouteRequests
{
    private static readonly Gen<string> AnyText = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    private static Gen<string> PathValues(IReadOnlyList<string> calendars) => Gen.Frequency(
        (4, Gen.Elements(calendars.ToArray())),
        (2, Gen.Elements("unknown", "LAB", "läb", "lab ", "..", ".", "%00", "lab%2Fslots", "😀", "", new string('c', 300), "0", "-1")),
        (1, AnyText));

    private static Gen<string> QueryValues(IReadOnlyList<string> nearDates) => Gen.Frequency(
        (3, Gen.Elements(nearDates.ToArray())),
        (2, Gen.Elements("1", "7", "31", "0", "-1", "32", "99999999999", "1e3", "1.5", "x", "", " ", "true", "null")),
        (1, Gen.Elements("0001-01-01", "9999-12-31", "9999-12-25")),
        (2, Gen.Elements("0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "0000-01-01", "2026-2-3", "2026-12-04T00:00", "+002026-12-04")),
        (1, Gen.Elements("日本語", "\u0000", "%00", new string('9', 5000), new string('d', 300))),
        (1, AnyText));

    /// <summary>Fields the routes' bodies take, with values that should work and values that should be refused.</summary>
    private static Gen<(string Name, string Json)> Fields(IReadOnlyList<string> nearDates, IReadOnlyList<string> calendars)
    {
        var hostile = Gen.Elements(
            "null", "true", "\"\"", "[]", "{}", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}", "1e400", "99999999999999999999", "-2147483649",
            "1.5", "\"x\"", $"\"{new string('x', 20_000)}\"", "\"\\u0000\"", "\"😀\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-02-30\"");
        Gen<string> Good(string name) => name switch
        {
            "slot_id" => Gen.Choose(2, 20).Select(i => i.ToString()),
            "calendar" or "id" => Gen.Elements([.. calendars, "gym", "pool"]).Select(v => JsonSerializer.Serialize(v)),
            "date" => Gen.Elements(nearDates.ToArray()).Select(v => JsonSerializer.Serialize(v)),
            "email" => Gen.Elements("alice@example.org", "bob@example.org", "ALICE@example.org", "x").Select(v => JsonSerializer.Serialize(v)),
            "password" => Gen.Elements("long enough", "short", "").Select(v => JsonSerializer.Serialize(v)),
            "name" => Gen.Elements("Gym", "", new string('n', 200), new string('n', 201)).Select(v => JsonSerializer.Serialize(v)),
            "time_zone" => Gen.Elements("UTC", "Europe/Berlin", "Mars/Base").Select(v => JsonSerializer.Serialize(v)),
            "first_hour" => Gen.Choose(-1, 24).Select(i => i.ToString()),
            "last_hour" => Gen.Choose(-1, 24).Select(i => i.ToString()),
            "horizon_days" => Gen.Elements("0", "14", "100000", "-1"),
            "min_notice_minutes" => Gen.Elements("0", "60", "-5", "2147483647"),
            "access" => Gen.Elements("open", "signed_in", "public").Select(v => JsonSerializer.Serialize(v)),
            _ => Gen.Elements("\"token\"", "1"),
        };
        return from name in Gen.Elements(
                   "slot_id", "calendar", "date", "token", "email", "password", "id", "name", "time_zone", "first_hour", "last_hour",
                   "horizon_days", "min_notice_minutes", "access", "unknown_field")
               from json in Gen.Frequency((4, Good(name)), (1, hostile))
               select (name, json);
    }

    /// <summary>Objects of a few fields (some given twice), and bodies that are not one object at all.</summary>
    private static Gen<string> Bodies(IReadOnlyList<string> nearDates, IReadOnlyList<string> calendars) => Gen.Frequency(
        (8, from fields in Fields(nearDates, calendars).ListOf()
            from twice in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            let chosen = fields.DistinctBy(f => f.Name).Take(8).ToList()
            let all = twice && chosen.Count > 0 ? [.. chosen, chosen[0] with { Json = "0" }] : chosen
            select "{" + string.Join(",", all.Select(f => $"\"{f.Name}\":{f.Json}")) + "}"),
        (1, Gen.Elements("", " ", "null", "[]", "[{\"slot_id\":3}]", "\"slot\"", "3", "{", "{\"slot_id\":3", "{\"slot_id\":3}}", "{}x",
            "{\"slot_id\":3,}", "{'slot_id':3}", "\u00ff\u00fe", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100),
            new string('[', 10_000), $"{{\"name\":\"{new string('n', 80_000)}\"}}")),
        (1, AnyText));

    private static Gen<string> Query(FuzzRoute route, IReadOnlyList<string> nearDates)
    {
        Gen<string> Parameter(string name) => Gen.Frequency(
            (1, Gen.Constant("")),
            (3, QueryValues(nearDates).Select(v => $"{name}={Uri.EscapeDataString(v)}")),
            (1, QueryValues(nearDates).Two().Select(vs => $"{name}={Uri.EscapeDataString(vs.Item1)}&{name}={Uri.EscapeDataString(vs.Item2)}")));
        var names = route.QueryParameters.Append("unknown").ToArray();
        return Gen.CollectToList(names, Parameter)
            .Select(parts => string.Join("&", parts.Where(p => p.Length > 0)))
            .Select(q => q.Length == 0 ? "" : "?" + q);
    }

    /// <summary>Hostile requests to any route, and now and then a request that should succeed, so that state changes.</summary>
    /// <param name="nearDates">Days the dated calendar books.</param>
    /// <param name="edgeDates">Days at and beyond its edges, which well-formed bookings name now and then.</param>
    public static Gen<FuzzRequest> Request(
        IReadOnlyList<FuzzRoute> routes, IReadOnlyList<string> nearDates, IReadOnlyList<string> edgeDates, IReadOnlyList<string> calendars) =>
        WellFormed(routes, nearDates, edgeDates) is { } wellFormed
            ? Gen.Frequency((3, Hostile(routes, [.. nearDates, .. edgeDates], calendars)), (1, wellFormed))
            : Hostile(routes, [.. nearDates, .. edgeDates], calendars);

    /// <summary>Bookings, cancellations and calendar changes that should work, for the routes that change state.</summary>
    private static Gen<FuzzRequest>? WellFormed(IReadOnlyList<FuzzRoute> routes, IReadOnlyList<string> nearDates, IReadOnlyList<string> edgeDates)
    {
        FuzzRoute? Find(string method, string pattern) => routes.FirstOrDefault(r => r.Method == method && r.Pattern == pattern);
        var generators = new List<Gen<FuzzRequest>>();
        var slotBody =
            from lab in Gen.Elements(true, false)
            from slot in lab ? Gen.Choose(8, 19) : Gen.Choose(3, 14)
            from date in Gen.Frequency((4, Gen.Elements(nearDates.ToArray())), (1, Gen.Elements(edgeDates.ToArray())))
            select lab ? $"{{\"slot_id\":{slot},\"calendar\":\"lab\",\"date\":\"{date}\"}}" : $"{{\"slot_id\":{slot}}}";
        foreach (var route in new[] { Find("POST", "/book-slot"), Find("POST", "/cancel-slot") }.OfType<FuzzRoute>())
            generators.Add(from body in slotBody
                           from caller in Gen.Elements(Caller.Alice, Caller.Bob, Caller.Admin)
                           select new FuzzRequest(route, route.Pattern, body, "application/json", caller));
        if (Find("POST", "/calendars") is { } create)
            generators.Add(from id in Gen.Elements("gym", "pool", "spa")
                           from hours in Gen.Elements((8, 10), (0, 23), (12, 12))
                           select new FuzzRequest(create, create.Pattern,
                               $"{{\"id\":\"{id}\",\"name\":\"{id}\",\"time_zone\":\"UTC\",\"first_hour\":{hours.Item1},\"last_hour\":{hours.Item2},\"access\":\"open\"}}",
                               "application/json", Caller.Admin));
        if (Find("DELETE", "/calendars/{id}") is { } retire)
            generators.Add(Gen.Elements("gym", "pool", "spa").Select(id => new FuzzRequest(retire, $"/calendars/{id}", null, null, Caller.Admin)));
        return generators.Count == 0 ? null : Gen.OneOf(generators.ToArray());
    }

    private static Gen<FuzzRequest> Hostile(IReadOnlyList<FuzzRoute> routes, IReadOnlyList<string> nearDates, IReadOnlyList<string> calendars) =>
        from route in Gen.Elements(routes.ToArray())
        // A retired calendar stays retired for the rest of the run: only the calendars the run creates are retired.
        from values in PathValues(route.Method == "DELETE" ? ["gym", "pool", "spa"] : calendars).ListOf(route.RouteParameters.Count)
        from query in Query(route, nearDates)
        from body in route.TakesBody ? Bodies(nearDates, calendars).Select(b => (string?)b) : Gen.Constant<string?>(null)
        from contentType in Gen.Frequency((8, Gen.Constant<string?>("application/json")), (1, Gen.Elements<string?>("text/plain", null, "application/json; charset=latin1")))
        from caller in Gen.Frequency(
            (2, Gen.Constant(Caller.Anonymous)), (1, Gen.Elements(Caller.Garbage, Caller.Expired, Caller.ForeignKey)),
            (2, Gen.Elements(Caller.Alice, Caller.Bob)), (2, Gen.Constant(Caller.Admin)))
        select new FuzzRequest(route, Fill(route, values) + query, body, body is null ? null : contentType, caller);

    /// <summary>The pattern with each <c>{parameter}</c> (constraints and catch-alls too) replaced by a value, escaped.</summary>
    private static string Fill(FuzzRoute route, IReadOnlyList<string> values)
    {
        var path = route.Pattern;
        for (var i = 0; i < route.RouteParameters.Count; i++)
        {
            var start = path.IndexOf('{');
            var end = path.IndexOf('}', start);
            var value = Uri.EscapeDataString(values[i]);
            path = path[..start] + (value.Length == 0 ? "x" : value) + path[(end + 1)..];
        }
        return path;
    }
}
