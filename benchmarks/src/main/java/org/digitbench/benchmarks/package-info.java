/**
 * The trial JVM ({@link org.digitbench.benchmarks.TrialJvm}) and its JMH timing: the training as a single shot, batch
 * and single-image inference, the inference plan.
 *
 * <p>May import: everything of digitbench below the CLI, and JMH.
 */
package org.digitbench.benchmarks;
