#!/usr/bin/env python3
"""Reads `perf script` output (call stacks of one process, JIT names from its perf map) on stdin and prints where the
samples went, by component: each sample goes to the first rule whose pattern occurs anywhere in its stack, so a
rule higher in the list claims the work it causes below it (SQLite's fsync counts as the journal, not as the kernel).
Arguments: HZ SECONDS OPS (OPS=0 for a server at rest); it prints shares, and ms/s or us/op from the sample count."""
import collections, re, sys

RULES = [
    ("read journal, projections", r"Akka\.Persistence\.Sql\.Query|Akka\.Persistence\.Query|OwnerIndex|PromptAllEvents"),
    ("journal: SQLite engine", r"libe_sqlite3"),
    ("journal: fsync and WAL writes (kernel)", r"\bfsync\b|__libc_pwrite|ext4_sync_file"),
    ("journal: Akka.Persistence.Sql and linq2db", r"\[(linq2db|Akka\.Persistence\.Sql|Microsoft\.Data\.Sqlite)\]|PersistenceSetup|SqliteDatabase"),
    ("Akka.Streams", r"\[Akka\.Streams\]"),
    ("Akka.Persistence (journal actor, persistent actors)", r"\[Akka\.Persistence\]"),
    ("sessions (actor, frame pump, socket sink)", r"SlotBooking\.Actors\.Sessions|SlotBooking\.Host\.WebSockets"),
    ("slots, boards, days, broadcaster", r"SlotBooking\.Actors\.(Slots|Board|Days|Broadcast)"),
    ("other SlotBooking code", r"SlotBooking\."),
    ("rate limiters (System.Threading.RateLimiting)", r"RateLimiting"),
    ("Kestrel, WebSockets, sockets", r"WebSockets|Kestrel|System\.Net\.Sockets|Pipelines|SocketAsyncEngine"),
    ("Akka scheduler", r"Scheduler|HashedWheelTimer"),
    ("timers (TimerQueue)", r"TimerQueue|Timer::"),
    ("Akka dispatch, other actors", r"\[Akka\]"),
    ("thread pool: waiting, waking, spinning", r"LowLevelLifoSemaphore|LowLevelSpinWaiter|PortableThreadPool|sched_yield|WorkerThread"),
    ("garbage collector", r"gc_heap|GCHeap|WKS::|SVR::|GarbageCollect"),
]

def samples(stream):
    block = []
    for line in stream:
        if line.strip():
            block.append(line.rstrip("\n"))
        elif block:
            yield block
            block = []
    if block:
        yield block

def main():
    hz, seconds, ops = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    counts, total = collections.Counter(), 0
    for block in samples(sys.stdin):
        total += 1
        stack = "\n".join(block[1:])
        name = next((n for n, p in RULES if re.search(p, stack)), None)
        if name is None:
            thread = re.sub(r"\s+\d+.*", "", block[0].strip())
            name = f"other (runtime, kernel) on thread '{thread}'"
        counts[name] += 1
    if total == 0:
        print("no samples"); return
    unit = "us/op" if ops else "ms/s"
    scale = (1e6 / hz / ops) if ops else (1e3 / hz / seconds)
    print(f"{'share':>6} {unit:>7}  component")
    for name, n in counts.most_common():
        if n / total < 0.005: continue
        print(f"{100 * n / total:5.1f}% {n * scale:7.1f}  {name}")
    print(f"{100:5.1f}% {total * scale:7.1f}  all ({total} samples at {hz:.0f} Hz over {seconds:.0f} s)")

main()
