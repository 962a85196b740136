/**
 * Numbers, durations, measurements and failures as the console, the report and the README print them.
 *
 * <p>May import: {@code eval} and {@code results}.
 */
package org.digitbench.results.text;
