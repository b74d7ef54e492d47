#!/usr/bin/env python3
"""Folds `perf script -F comm,pid,ip,sym,dso` samples (with call chains) into where the CPU went: per process, per part
of the code, and the busiest functions. Used by eng/profile.sh; a part is read from the method's namespace for
JIT-compiled code (the runtime's perf map names it) and from the library for native code. A third argument, a process's
name as the report shows it (handling, postgres, …), reports that process alone."""
import collections
import re
import sys

PARTS = [  # (prefix of a .NET method's name, part), first match wins
    ("PetitionPlatform.", "ours"),
    ("Npgsql.EntityFrameworkCore", "EF Core"),
    ("Npgsql", "Npgsql"),
    ("Microsoft.EntityFrameworkCore", "EF Core"),
    ("MassTransit", "MassTransit"),
    ("RabbitMQ.", "RabbitMQ client"),
    ("OpenTelemetry", "OpenTelemetry"),
    ("Google.Protobuf", "OpenTelemetry"),
    ("Microsoft.Extensions.Logging", "logging"),
    ("Microsoft.AspNetCore", "ASP.NET Core"),
    ("Yarp.", "YARP"),
    ("System.Text.Json", "System.Text.Json"),
    ("System.Linq.Expressions", "expression trees"),
    ("System.Diagnostics", "System.Diagnostics (activities, metrics)"),
    ("System.Net", "System.Net (sockets, HTTP)"),
    ("Microsoft.Extensions.DependencyInjection", "dependency injection"),
    ("System.", "other BCL"),
    ("Microsoft.", "other Microsoft"),
]


def process_names(path):
    names = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            pid, _, args = line.strip().partition(" ")
            found = re.search(r"PetitionPlatform\.(\w+)", args)
            if found:
                names[pid] = found.group(1).lower()
            elif "Aspire.Dashboard" in args:
                names[pid] = "dashboard"
            elif "beam.smp" in args:
                names[pid] = "rabbitmq"
            elif re.search(r"(^|/)dcp\S*\s", args + " "):
                names[pid] = "dcp"
    return names


def part_of(sym, dso):
    if "kernel" in dso:
        return "kernel"
    if sym and sym != "[unknown]" and not dso.endswith(".so") and ".so." not in dso:
        name = re.sub(r"^\[[^\]]*\]\s*", "", re.sub(r"^(instance |static )?\S+ ", "", sym))
        for prefix, part in PARTS:
            if name.startswith(prefix) or sym.startswith(prefix):
                return part
        return "other .NET"
    base = dso.rsplit("/", 1)[-1]
    if base.endswith(".dll"):  # ahead-of-time (ReadyToRun) code of an assembly: named by the assembly
        for prefix, part in PARTS:
            if base.startswith(prefix):
                return part
        return "other .NET"
    if base.startswith("libclrjit"):
        return "JIT compiler"
    if base.startswith("libcoreclr"):
        return "runtime (GC, type system, stubs)"
    if base.startswith("libSystem"):
        return "runtime's native libraries"
    if base.startswith("libc.") or base.startswith("libc-") or base.startswith("ld-linux"):
        return "libc"
    if "memfd:doublemapper" in dso or dso.startswith("/tmp/perf-"):
        return "unnamed JIT code (set DOTNET_PerfMapEnabled=1)"
    return base or "unknown"


def samples(path):
    header, frames = None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                if header:
                    yield header, frames
                header, frames = None, []
            elif not line.startswith((" ", "\t")):
                found = re.match(r"^\s*(.*?)\s+(\d+)\s*$", line)  # a thread's name may hold spaces (".NET TP Worker")
                header = [found.group(1), found.group(2)] if found else line.split()
            else:
                m = re.match(r"\s*[0-9a-f]+ (.*) \((.*)\)\s*$", line)
                if m:
                    frames.append((m.group(1), m.group(2)))
    if header:
        yield header, frames


def table(title, counter, total, limit):
    print(f"\n{title}")
    for key, n in counter.most_common(limit):
        print(f"  {100.0 * n / total:5.1f} %  {key}")


def main(processes_path, samples_path, only=None):
    names = process_names(processes_path)
    by_process = collections.Counter()
    self_part, incl_part, self_fn, incl_ours = (collections.Counter() for _ in range(4))
    per_process_part = collections.defaultdict(collections.Counter)
    total = dotnet = 0
    for header, frames in samples(samples_path):
        comm, pid = (header[0], header[1]) if len(header) > 1 else ("?", header[0])
        name = names.get(pid) or comm
        if only and name != only:
            continue
        total += 1
        by_process[name] += 1
        if not any(".NET" in d or "dotnet" in d or "libcoreclr" in d for _, d in frames):
            continue
        dotnet += 1
        leaf_sym, leaf_dso = frames[0] if frames else ("?", "?")
        leaf_part = part_of(leaf_sym, leaf_dso)
        self_part[leaf_part] += 1
        per_process_part[name][leaf_part] += 1
        self_fn[f"{leaf_sym}  [{leaf_part}]"] += 1
        parts = {part_of(s, d) for s, d in frames}
        for p in parts:
            incl_part[p] += 1
        for s in {s for s, d in frames if part_of(s, d) == "ours"}:
            incl_ours[s] += 1
    if total == 0:
        print("no samples")
        return
    print(f"{total} samples, of which {dotnet} in .NET processes")
    table("CPU by process (share of all samples)", by_process, total, 20)
    table(".NET: where the CPU was when sampled (share of .NET samples)", self_part, dotnet, 25)
    table(".NET: samples with this part anywhere on the stack (inclusive)", incl_part, dotnet, 25)
    table(".NET: busiest functions (self)", self_fn, dotnet, 30)
    table(".NET: our methods on the stack (inclusive)", incl_ours, dotnet, 30)
    for name, parts in sorted(per_process_part.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(parts.values())
        print(f"\n{name}: " + ", ".join(f"{p} {100.0 * c / n:.0f} %" for p, c in parts.most_common(6)))


if __name__ == "__main__":
    # An optional third argument keeps one process's samples only (e.g. handling): its parts and our methods alone.
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
