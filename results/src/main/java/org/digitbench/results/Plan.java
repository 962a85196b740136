package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the run set out to do.
 *
 * @param plugins    plugin ids, in run order
 * @param seeds      the seeds every plugin is trained with; the first is the main one (report details, McNemar)
 * @param timing     {@code jmh} (training timed by JMH as a single shot, inference benchmarked) or
 *                   {@code wall-clock} ({@code --no-timing})
 * @param validation whether the test set is a validation split of the training images ({@code --validation})
 * @param jobs       trials that ran at once ({@code --jobs}); above 1 every trial's times were taken while others ran
 * @param leftOut    the plugins on the class path that the default set left out, each with why; empty when the run
 *                   named its plugins ({@code -m}); left out of the JSON when empty, so results written before it read
 *                   and write back the same
 */
public record Plan(List<String> plugins, List<Long> seeds, String timing, boolean validation, Integer jobs,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> leftOut) {
    public static final String JMH = "jmh";
    public static final String WALL_CLOCK = "wall-clock";

    public Plan {
        plugins = List.copyOf(plugins);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("plan.seeds is empty: a run trains every plugin with one seed at least");
        }
        jobs = jobs == null ? 1 : jobs; // results written before --jobs existed
        leftOut = leftOut == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leftOut));
    }

    /** Nothing left out. */
    public Plan(List<String> plugins, List<Long> seeds, String timing, boolean validation, Integer jobs) {
        this(plugins, seeds, timing, validation, jobs, Map.of());
    }

    /** One trial at a time. */
    public Plan(List<String> plugins, List<Long> seeds, String timing, boolean validation) {
        this(plugins, seeds, timing, validation, 1);
    }

    /** Whether trials ran concurrently, so that their times were taken while others ran. */
    public boolean concurrent() {
        return jobs > 1;
    }

    public long mainSeed() {
        return seeds.getFirst();
    }

    public boolean jmh() {
        return JMH.equals(timing);
    }

    public int trialCount() {
        return plugins.size() * seeds.size();
    }
}
