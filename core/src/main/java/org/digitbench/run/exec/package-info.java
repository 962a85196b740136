/**
 * Executors: what runs a trial, in its own JVM ({@link org.digitbench.run.exec.LocalJvmExecutor}, the JVM command) or
 * in the driver's (tests), and the interface a batch executor such as Slurm's implements.
 *
 * <p>May import: {@code api}, {@code data}, {@code eval}, the results modules, {@code config} and {@code trial};
 * never {@code run}.
 */
package org.digitbench.run.exec;
