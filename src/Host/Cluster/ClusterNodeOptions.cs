namespace SlotBooking.Host.Cluster;

/// <summary>
/// The <c>SlotBooking:Cluster</c> section: where this node listens for other nodes and which nodes it joins. With
/// nothing configured the node is a cluster of one on 127.0.0.1 at a free port, joining itself at start.
/// Checked on start by <see cref="ClusterNodeValidation"/>.
/// </summary>
public sealed class ClusterNodeOptions
{
    public const string Section = "SlotBooking:Cluster";

    /// <summary>Every node's actor system has this name; seed addresses must name it.</summary>
    public const string ActorSystemName = "slot-booking";

    /// <summary>The protocol of Akka.Remote's TCP transport, the only one configured.</summary>
    public const string Protocol = "akka.tcp";

    /// <summary>
    /// The address this node binds and other nodes reach it at, written exactly as the seed addresses write it: Akka
    /// compares addresses as text, so <c>localhost</c> and <c>127.0.0.1</c> are two different nodes to it.
    /// </summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>The remoting port; 0 (the default) takes a free one, which only a node that joins itself may do.</summary>
    public int Port { get; set; }

    /// <summary>Akka addresses of the nodes to join, e.g. <c>akka.tcp://slot-booking@127.0.0.1:4053</c>; may include this node's own.</summary>
    // Empty by default: the binder appends configured items to whatever the array already holds.
    public string[] SeedNodes { get; set; } = [];

    /// <summary>
    /// <c>true</c> says the node is part of a configured cluster, which is what seed nodes say too (so they are then
    /// required); <c>false</c> with seed nodes is a contradiction. Unset, the seed nodes alone decide.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// How many shards each sharded entity type (boards, slots) is spread over: about ten per node at the largest size the
    /// cluster is expected to reach. The same on every node, and never changed in a running cluster (an entity's shard
    /// is a hash of its id modulo this), so it is fixed configuration, not derived from the membership.
    /// </summary>
    public int Shards { get; set; } = DefaultShards;

    public const int DefaultShards = 50;
    public const int MaxShards = 10_000;

    /// <summary>No seed nodes: the node joins itself at start, a cluster of one.</summary>
    public bool JoinsItself => SeedNodes.Length == 0;

    /// <summary>This node's address as a seed list would write it (meaningful only with a fixed port).</summary>
    public string SelfAddress => $"{Protocol}://{ActorSystemName}@{Hostname}:{Port}";

    public const string HostnameKey = $"{Section}:{nameof(Hostname)}";
    public const string PortKey = $"{Section}:{nameof(Port)}";
    public const string SeedNodesKey = $"{Section}:{nameof(SeedNodes)}";
    public const string EnabledKey = $"{Section}:{nameof(Enabled)}";
    public const string ShardsKey = $"{Section}:{nameof(Shards)}";

    /// <summary>Read as text here: the storage options belong to the persistence wiring.</summary>
    public const string StorageProviderKey = "SlotBooking:Storage:Provider";
}
