using NodaTime;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// Turns configured <see cref="CalendarSpec"/>s into <see cref="CalendarDefinition"/>s, or into every error found,
/// each naming its configuration key. Free of hosting types, so the host, an admin command at run time and the
/// tests all check calendars the same way.
/// </summary>
public static class CalendarValidator
{
    public const string SectionKey = "SlotBooking:Calendars";
    public const int MaxIdLength = 64;

    /// <summary>A name is a label in a list: at most this many characters (Unicode scalar values).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Checks a whole configuration: every calendar on its own, then ids against each other and the default.</summary>
    public static CalendarValidation Validate(
        IReadOnlyList<CalendarSpec> specs, IDateTimeZoneProvider? zones = null, string sectionKey = SectionKey)
    {
        zones ??= DateTimeZoneProviders.Tzdb;
        var errors = new List<CalendarConfigError>();
        var calendars = new List<CalendarDefinition>();
        var keyOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Count; i++)
        {
            var key = $"{sectionKey}:{i}";
            var calendar = CheckFields(specs[i], key, zones, errors);
            if (specs[i].Id is { } id && IsValidId(id))
            {
                if (id == CalendarDefinition.DefaultId)
                    errors.Add(new(FieldKey(key, "Id"), ReservedId()));
                else if (keyOfId.TryGetValue(id, out var firstKey))
                    errors.Add(new(FieldKey(key, "Id"), $"duplicate calendar id '{id}' (already used by {firstKey})"));
                else
                    keyOfId[id] = key;
            }
            if (calendar is not null)
                calendars.Add(calendar);
        }
        return errors.Count == 0 ? CalendarValidation.Valid(calendars) : CalendarValidation.Invalid(errors);
    }

    /// <summary>
    /// Checks one calendar to be added beside the ones whose ids are <paramref name="takenIds"/> (a change at run time).
    /// An empty <paramref name="key"/> names each error by its field alone (<c>FirstHour</c>), as a request's fields.
    /// </summary>
    public static CalendarValidation ValidateOne(
        CalendarSpec spec, string key, IReadOnlySet<string> takenIds, IDateTimeZoneProvider? zones = null)
    {
        var errors = new List<CalendarConfigError>();
        var calendar = CheckFields(spec, key, zones ?? DateTimeZoneProviders.Tzdb, errors);
        if (calendar is not null && calendar.IsDefault)
            errors.Add(new(FieldKey(key, "Id"), ReservedId()));
        else if (calendar is not null && takenIds.Contains(calendar.Id))
            errors.Add(new(FieldKey(key, "Id"), $"duplicate calendar id '{calendar.Id}' (already in use)"));
        return errors.Count == 0 ? CalendarValidation.Valid([calendar!]) : CalendarValidation.Invalid(errors);
    }

    /// <summary>1-64 characters of a-z, 0-9 and '-': safe in a URL path, a query string and a persistence id as they are.</summary>
    public static bool IsValidId(string id) =>
        id.Length is >= 1 and <= MaxIdLength && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    // Every field is checked even after a bad one, so that one failed start lists every problem at once.
    private static CalendarDefinition? CheckFields(
        CalendarSpec spec, string key, IDateTimeZoneProvider zones, List<CalendarConfigError> errors)
    {
        var before = errors.Count;

        if (string.IsNullOrEmpty(spec.Id))
            errors.Add(new(FieldKey(key, "Id"), $"a calendar id is required (1-{MaxIdLength} characters of a-z0-9-)"));
        else if (!IsValidId(spec.Id))
            errors.Add(new(FieldKey(key, "Id"), $"invalid calendar id '{spec.Id}': use 1-{MaxIdLength} characters of a-z0-9-"));

        if (spec.Name is { } given && given.EnumerateRunes().Count() > MaxNameLength)
            errors.Add(new(FieldKey(key, "Name"), $"a name is at most {MaxNameLength} characters"));

        DateTimeZone? zone = null;
        if (string.IsNullOrWhiteSpace(spec.TimeZone))
            errors.Add(new(FieldKey(key, "TimeZone"), "a time zone is required, an IANA id such as 'Europe/Berlin'"));
        else if ((zone = zones.GetZoneOrNull(spec.TimeZone)) is null)
            errors.Add(new(FieldKey(key, "TimeZone"), $"unknown time zone '{spec.TimeZone}'"));

        var firstOk = CheckHour(spec.FirstHour, FieldKey(key, "FirstHour"), "first", errors);
        var lastOk = CheckHour(spec.LastHour, FieldKey(key, "LastHour"), "last", errors);
        if (firstOk && lastOk && spec.FirstHour > spec.LastHour)
            errors.Add(new(FieldKey(key, "FirstHour"), $"first hour {spec.FirstHour} is after last hour {spec.LastHour}"));

        var horizon = spec.HorizonDays ?? CalendarDefinition.DefaultHorizonDays;
        if (horizon < 0)
            errors.Add(new(FieldKey(key, "HorizonDays"), $"{horizon} is negative; the horizon is 0 or more days"));
        // Bounded: a change of hours reads every day up to the largest horizon to find bookings still to come.
        else if (horizon > CalendarDefinition.MaxHorizonDays)
            errors.Add(new(FieldKey(key, "HorizonDays"), $"{horizon} is too far; the horizon is at most {CalendarDefinition.MaxHorizonDays} days"));
        var notice = spec.MinNoticeMinutes ?? CalendarDefinition.DefaultMinNoticeMinutes;
        if (notice < 0)
            errors.Add(new(FieldKey(key, "MinNoticeMinutes"), $"{notice} is negative; the minimum notice is 0 or more minutes"));
        var access = CheckAccess(spec.Access, FieldKey(key, "Access"), CalendarAccess.SignedIn, errors);

        if (errors.Count > before)
            return null;
        var name = string.IsNullOrWhiteSpace(spec.Name) ? spec.Id! : spec.Name;
        return new CalendarDefinition(spec.Id!, name, zone!, spec.FirstHour!.Value, spec.LastHour!.Value, horizon, notice) { Access = access };
    }

    /// <summary>
    /// <c>Open</c> or <c>SignedIn</c> (also <c>open</c>, <c>signed_in</c>, in any case); <paramref name="fallback"/> when
    /// not given. Also checks <c>SlotBooking:DefaultCalendarAccess</c>.
    /// </summary>
    public static CalendarAccess CheckAccess(string? text, string key, CalendarAccess fallback, List<CalendarConfigError> errors)
    {
        if (text is null) return fallback;
        if (CalendarAccessNames.TryParse(text, out var access)) return access;
        errors.Add(new(key, $"'{text}' is not a calendar access: use Open (anyone books) or SignedIn (booking needs a signed-in user)"));
        return fallback;
    }

    /// <summary><c>{key}:{field}</c>, or the field alone when there is no key.</summary>
    public static string FieldKey(string key, string field) => key.Length == 0 ? field : $"{key}:{field}";

    private static bool CheckHour(int? hour, string key, string which, List<CalendarConfigError> errors)
    {
        if (hour is null)
            errors.Add(new(key, $"a {which} hour (0-23) is required"));
        else if (hour is < 0 or > 23)
            errors.Add(new(key, $"{hour} is not an hour of the day (0-23)"));
        return hour is >= 0 and <= 23;
    }

    private static string ReservedId() =>
        $"'{CalendarDefinition.DefaultId}' is the default calendar's id; choose another";
}
