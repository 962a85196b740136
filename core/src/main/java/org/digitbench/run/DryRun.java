package org.digitbench.run;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.config.CheckedConfig;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.results.text.Format;

import java.util.Locale;

/** {@code digitbench run --dry-run}: the trials a run would run and what each is expected to cost. */
public final class DryRun {
    private DryRun() {
    }

    public static String format(CheckedConfig checked, ReferenceEstimates estimates, Execution execution) {
        RunConfig config = checked.config();
        StringBuilder sb = new StringBuilder();
        int width = Math.max(6, checked.plugins().stream().mapToInt(p -> p.id().length()).max().orElse(6));
        sb.append(String.format(Locale.ROOT, "Dry run: %d plugin%s × %d seed%s = %d trials, profile %s (%s), %s%n",
                checked.plugins().size(), checked.plugins().size() == 1 ? "" : "s", config.seeds().size(),
                config.seeds().size() == 1 ? "" : "s", checked.plugins().size() * config.seeds().size(), config.profile().id(),
                config.sizes(),
                config.timing() ? "timed by JMH" : "wall-clock times only (--no-timing)"));
        sb.append(String.format(Locale.ROOT, "%-" + width + "s  %6s  %14s  %14s  %s%n", "trial", "seed", "expected", "cumulative", "reference"));
        double total = 0;
        int unknown = 0;
        for (ClassifierPlugin p : checked.plugins()) {
            var hp = checked.params().get(p).asMap();
            var entry = estimates.entry(p.id(), hp, config); // the same lookup as the run's progress display
            for (long seed : config.seeds()) {
                if (entry.isPresent()) {
                    double s = entry.get().seconds(config);
                    total += s;
                    sb.append(String.format(Locale.ROOT, "%-" + width + "s  %6d  %14s  %14s  %s%n", p.id(), seed,
                            Format.duration(s), Format.duration(total), entry.get().run()));
                } else {
                    unknown++;
                    sb.append(String.format(Locale.ROOT, "%-" + width + "s  %6d  %14s  %14s  %s%n", p.id(), seed, "unknown", "",
                            "no reference trial with these hyper-parameters and sizes"));
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "Expected total: %s%s, on the reference machine (%s); machines of one kind differ "
                + "by up to about 1.5x.%n", Format.duration(total), unknown == 0 ? "" : " plus " + unknown + " trial"
                + (unknown == 1 ? "" : "s") + " of unknown cost", estimates.machine()));
        checked.leftOut().forEach((id, why) -> sb.append("Left out of the default set (name it with -m to run it): ")
                .append(id).append(": ").append(why).append('\n'));
        if (execution.timeout() != null) {
            sb.append("Each trial is stopped after ").append(Format.duration(execution.timeout().toSeconds())).append(" (--timeout).\n");
        }
        return sb.toString();
    }
}
