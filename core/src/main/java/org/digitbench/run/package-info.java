/**
 * The driver: {@link org.digitbench.run.Runner} (check, claim the folder, load the data, run the trials, assemble
 * results.json), runs over several datasets, the scheduler for {@code --jobs}, progress, {@code --dry-run} and the
 * estimates it rests on, and the console leaderboard.
 *
 * <p>May import: everything below it: {@code api}, {@code data}, {@code eval}, the results modules, {@code config},
 * {@code trial} and {@code run.exec}.
 */
package org.digitbench.run;
