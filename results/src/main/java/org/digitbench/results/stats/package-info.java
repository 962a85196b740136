/**
 * Statistics computed from results alone: across seeds ({@link org.digitbench.results.stats.SeedStats}) and across
 * datasets ({@link org.digitbench.results.stats.AcrossDatasets}).
 *
 * <p>May import: {@code api}, {@code eval}, {@code results} and {@code results.text}.
 */
package org.digitbench.results.stats;
