#!/usr/bin/env bash
# Where the machine's CPU goes while a stack runs (issue 14: "find where the time goes"): samples every process with
# perf for a number of seconds and prints the share of each process, of each part of the code (ours, Npgsql, EF Core,
# MassTransit, OpenTelemetry, the runtime, the kernel…) and the busiest functions. dotnet-trace samples thread time
# (waiting threads weigh as much as working ones); perf samples the CPU. Start the stack with the runtime's perf maps
# so that JIT-compiled methods have names:
#   DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 eng/run.sh   # in one terminal (W^X hides the maps from perf)
#   eng/bench.sh chain --rate 8 --duration 60     # in another, then, while it runs:
#   eng/profile.sh 30 [output directory]
# One process alone (its parts, our methods on its stacks), from the same samples:
#   python3 eng/profile/report.py <output directory>/processes.txt <output directory>/samples.txt handling
# Needs perf (Debian's linux-perf, installed here when missing) and root or kernel.perf_event_paranoid ≤ 0.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
out="${2:-$(mktemp -d /tmp/profile.XXXXXX)}"
mkdir -p "$out"

if ! command -v perf >/dev/null; then
  apt-get install -y -qq linux-perf >/dev/null
fi

# Which process is which: the services run as PetitionPlatform.<Name>; perf names only threads.
ps -eo pid=,args= > "$out/processes.txt"
perf record -F 199 -a -g -o "$out/perf.data" -- sleep "$seconds" 2> "$out/record.log"
perf script -i "$out/perf.data" -F comm,pid,ip,sym,dso 2> /dev/null > "$out/samples.txt"
python3 eng/profile/report.py "$out/processes.txt" "$out/samples.txt" | tee "$out/report.txt"
echo "(samples and report in $out)"
