using System.Net;
using System.Net.Sockets;

namespace SlotBooking.Host.Http;

/// <summary>
/// The key every per-address limit counts under. An IPv4 client is its address; an IPv6 client is its /64, since
/// one host is usually given a whole /64 and could otherwise step around a limit by changing its low bits.
/// IPv4-mapped IPv6 addresses count as their IPv4 address.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
