/**
 * Where the numbers come from: {@link org.digitbench.results.provenance.Provenance} (build, Java, host, libraries,
 * seed) beside its collector, the machine a trial ran on, and the build's own version and commit.
 *
 * <p>May import: {@code api} alone.
 */
package org.digitbench.results.provenance;
