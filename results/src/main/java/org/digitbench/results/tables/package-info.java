/**
 * A run's results as long, tidy tables (one row per trial and metric, per benchmark, per class, per image) that
 * pandas, R and spreadsheets read as they are, written as CSV or JSON lines: {@code digitbench export} and the
 * report's downloads. From results.json alone.
 *
 * <p>May import: {@code eval}, {@code results}, {@code results.stats} and {@code results.text}.
 */
package org.digitbench.results.tables;
