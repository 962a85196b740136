/**
 * What a run measures and how it runs: {@link org.digitbench.config.RunConfig} (profile, plugins, hyper-parameters,
 * seeds, data, output), {@link org.digitbench.config.Execution}, the profiles, the run folder's {@code config.json},
 * and {@link org.digitbench.config.CheckedConfig} (the plugins found and their hyper-parameters resolved before any
 * data is read).
 *
 * <p>May import: {@code api}, {@code data} and the results modules; never {@code trial} or {@code run}.
 */
package org.digitbench.config;
