namespace SlotBooking.Protocol;

/// <summary>
/// One node's view of its Akka cluster, in <c>/health</c> and <c>/stats</c>: its own address and member status
/// (<c>up</c>, <c>joining</c>, <c>leaving</c>... or <c>not_a_member</c>), every member it sees, and those it cannot reach.
/// </summary>
public sealed record ClusterStatus(
    string SelfAddress,
    string MemberStatus,
    IReadOnlyList<ClusterMemberStatus> Members,
    IReadOnlyList<string> Unreachable);

public sealed record ClusterMemberStatus(string Address, string Status);
