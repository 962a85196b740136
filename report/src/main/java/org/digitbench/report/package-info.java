/**
 * The HTML reports, from results alone: a run's page, the runs index, the comparison of two runs and across datasets,
 * and the README's reference tables; Pebble templates with ECharts and tablesort inlined.
 *
 * <p>May import: {@code api}, {@code data}, {@code eval} and the results modules; never the run driver.
 */
package org.digitbench.report;
