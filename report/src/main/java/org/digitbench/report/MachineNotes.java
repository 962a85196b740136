package org.digitbench.report;

import org.digitbench.results.TrialResult;
import org.digitbench.results.provenance.Machine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the report says about where trials ran: each model's machine, and a warning when times come from different CPUs. */
final class MachineNotes {
    private MachineNotes() {
    }

    /** One line for a trial's machine, or {@code null} when the trial recorded none. */
    static String describe(Machine m) {
        if (m == null) {
            return null;
        }
        return m.host() + ": " + (m.cpuModel() == null ? "CPU model unknown" : m.cpuModel()) + ", " + m.cores() + " core"
                + (m.cores() == 1 ? "" : "s") + (m.coreIds() == null ? "" : " (" + m.coreIds() + ")")
                + String.format(Locale.ROOT, ", heap at most %.1f GiB", m.maxHeapBytes() / (double) (1L << 30))
                + (m.slurmJobId() == null ? "" : ", Slurm job " + m.slurmJobId()
                + (m.slurmArrayTaskId() == null ? "" : " task " + m.slurmArrayTaskId()));
    }

    /** A warning when the trials whose times the report compares ran on different CPU models, else {@code null}. */
    static String warning(List<TrialResult> trials) {
        Map<String, List<String>> byCpu = new TreeMap<>();
        for (TrialResult t : trials) {
            if (t.resources().machine() != null && t.resources().machine().cpuModel() != null) {
                byCpu.computeIfAbsent(t.resources().machine().cpuModel(), k -> new java.util.ArrayList<>()).add(t.pluginId());
            }
        }
        if (byCpu.size() < 2) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the trials ran on " + byCpu.size() + " CPU models, so their times compare "
                + "machines as well as models:");
        byCpu.forEach((cpu, ids) -> sb.append(' ').append(cpu).append(" (").append(String.join(", ", ids)).append(");"));
        return sb.substring(0, sb.length() - 1);
    }
}
