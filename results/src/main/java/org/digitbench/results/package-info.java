/**
 * The schema of {@code results.json}, the single source of truth between running and reporting: {@link
 * org.digitbench.results.RunResults} and its parts, {@link org.digitbench.results.TrialResult}, {@link
 * org.digitbench.results.Timing} and {@link org.digitbench.results.Measurement}, the summaries per model, the
 * statuses, and {@link org.digitbench.results.ResultsMigration} from older layouts. A schema change happens here and
 * nowhere else.
 *
 * <p>May import: {@code api}, {@code data}, {@code eval} and {@code results.provenance}; never the run driver ({@code
 * config}, {@code trial}, {@code run}), the report or serve.
 */
package org.digitbench.results;
