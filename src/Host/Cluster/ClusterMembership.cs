using System.Text.Json;
using Akka.Actor;
using Akka.Cluster;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Cluster;

/// <summary>This node's view of the cluster, as <c>/health</c> and <c>/stats</c> show it; read from Akka.Cluster's own cached state, without an ask.</summary>
public sealed class ClusterMembership(ActorSystem system)
{
    /// <summary>How <see cref="ClusterStatus.MemberStatus"/> reads while the node is not (yet, or any more) among the members it sees.</summary>
    public const string NotAMember = "not_a_member";

    private Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(system);

    public ClusterStatus Read()
    {
        var cluster = Cluster;
        var state = cluster.State;
        var self = SelfStatus();
        return new ClusterStatus(
            cluster.SelfAddress.ToString(),
            self is { } status ? Name(status) : NotAMember,
            state.Members.Select(m => new ClusterMemberStatus(m.Address.ToString(), Name(m.Status))).ToArray(),
            state.Unreachable.Select(m => m.Address.ToString()).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>This node's status among the members it sees, or null when it is not among them.</summary>
    public MemberStatus? SelfStatus()
    {
        var cluster = Cluster;
        return cluster.State.Members.FirstOrDefault(m => m.UniqueAddress.Equals(cluster.SelfUniqueAddress))?.Status;
    }

    /// <summary>Whether the node may still become a member: it has not left, been downed, or shut its cluster down.</summary>
    public bool MayStillJoin => !Cluster.IsTerminated;

    /// <summary>The wire's spelling of a member status: <c>up</c>, <c>joining</c>, <c>weakly_up</c>...</summary>
    public static string Name(MemberStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
