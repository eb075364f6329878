// The machine's load while the bench runs, for the results file: timings on a shared machine are
// only comparable with the load they were taken under.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

/** CPU time since boot from /proc/stat (Linux): all of it, and what the hypervisor gave other guests (steal). */
function cpuTimes(): { total: number; steal: number } | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is counted in user already)
    const used = fields.slice(0, 8);
    return { total: used.reduce((a, b) => a + b, 0), steal: used[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/**
 * Starts sampling the 1-minute load average every `everyMs`; the returned function stops and
 * describes the run's load: the load average's median and range (the bench's own processes count),
 * and on Linux the share of CPU time the hypervisor gave to other virtual machines.
 */
export function sampleLoad(everyMs = 10_000): () => string {
  const samples = [loadavg()[0]];
  const start = cpuTimes();
  const timer = setInterval(() => samples.push(loadavg()[0]), everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0]);
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    const end = cpuTimes();
    const steal = start && end && end.total > start.total ? ((end.steal - start.steal) / (end.total - start.total)) * 100 : undefined;
    return (
      `Load while it ran: 1-minute load average median ${median.toFixed(2)} (${sorted[0].toFixed(2)}–${sorted[sorted.length - 1].toFixed(2)}, sampled every ${everyMs / 1000} s; the bench's own processes count)` +
      (steal === undefined ? "." : `; CPU time taken by other virtual machines on the host (steal): ${steal.toFixed(1)} %.`)
    );
  };
}
