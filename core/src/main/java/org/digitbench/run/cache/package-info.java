/**
 * The trial cache: a folder of finished trials, each filed under the hash of everything its result depends on
 * ({@link org.digitbench.run.cache.TrialKey}), so that a run trains only what is new.
 *
 * <p>May import: {@code api}, {@code data}, {@code eval}, the results modules, {@code config} and {@code trial};
 * never {@code run} or {@code run.exec}.
 */
package org.digitbench.run.cache;
