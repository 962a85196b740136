/**
 * Exactly what runs inside a trial's JVM: its setup from the run folder, the data ({@link
 * org.digitbench.trial.SuiteData}), training and evaluation ({@link org.digitbench.trial.ModelTrial}), the trial spec
 * the driver hands it, timing, memory sampling, progress and the wait for a quiet machine.
 *
 * <p>May import: {@code api}, {@code data}, {@code eval}, the results modules and {@code config}; never {@code run}.
 */
package org.digitbench.trial;
