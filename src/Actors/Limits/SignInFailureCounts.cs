namespace SlotBooking.Actors.Limits;

/// <summary>
/// The failed sign-ins one limit entity counts, in sliding windows (<see cref="FailureWindow"/>) read at the time given:
/// <list type="bullet">
/// <item>an address's: its own failures against every account; once spent, the address is refused;</item>
/// <item>an account's: its failures from anywhere, and each address's failures against it. An address whose own
/// failures against the account are spent is refused; once the account's are spent, so is every address that has failed
/// against it, while an address that has not failed is let in (the real user is never locked out by strangers).</item>
/// </list>
/// An address that slid out of its window is forgotten now and then (when the map has doubled since), so an account
/// guessed at from many addresses holds about twice the addresses of its last window. Not thread-safe: one owner.
/// </summary>
public sealed class SignInFailureCounts
{
    private const int MinSweepSize = 64;

    private readonly SignInLimitSettings _settings;
    private readonly FailureWindow _own;
    // Per address, for an account's limit only.
    private readonly Dictionary<string, FailureWindow>? _byAddress;
    private int _sweepAbove = MinSweepSize;

    private SignInFailureCounts(SignInLimitSettings settings, int limit, bool byAddress)
    {
        _settings = settings;
        _own = new FailureWindow(limit, settings.Window, settings.Clock);
        _byAddress = byAddress ? [] : null;
    }

    public static SignInFailureCounts For(SignInLimitKind kind, SignInLimitSettings settings) => kind switch
    {
        SignInLimitKind.Address => new SignInFailureCounts(settings, settings.FailuresPerAddress, byAddress: false),
        _ => new SignInFailureCounts(settings, settings.FailuresPerAccount, byAddress: true),
    };

    /// <summary>Addresses whose failures against this account are held now (idle ones included until the next sweep).</summary>
    public int AddressesHeld => _byAddress?.Count ?? 0;

    public bool IsRefused(string address, long now)
    {
        if (_byAddress is null) return _own.IsSpent(now);
        var failed = _byAddress.TryGetValue(address, out var pair) ? pair.CountAt(now) : 0;
        return failed >= _settings.FailuresPerAddress || (failed > 0 && _own.IsSpent(now));
    }

    /// <summary>Counts a failure from <paramref name="address"/>; one beyond a spent window is not counted (it was refused).</summary>
    public void Record(string address, long now)
    {
        _own.TryRecord(now);
        if (_byAddress is null) return;
        if (!_byAddress.TryGetValue(address, out var pair))
        {
            SweepIfGrown(now);
            _byAddress[address] = pair = new FailureWindow(_settings.FailuresPerAddress, _settings.Window, _settings.Clock);
        }
        pair.TryRecord(now);
    }

    /// <summary>Nothing counted at <paramref name="now"/>: forgetting these counts changes no verdict.</summary>
    public bool IsIdle(long now)
    {
        if (!_own.IsIdle(now)) return false;
        if (_byAddress is null) return true;
        Sweep(now);
        return _byAddress.Count == 0;
    }

    private void SweepIfGrown(long now)
    {
        if (_byAddress!.Count < _sweepAbove) return;
        Sweep(now);
        _sweepAbove = Math.Max(MinSweepSize, 2 * _byAddress.Count);
    }

    private void Sweep(long now)
    {
        foreach (var (address, window) in _byAddress!)
            if (window.IsIdle(now)) _byAddress.Remove(address);
    }
}
