/**
 * The run folder and what is kept in it: {@link org.digitbench.results.store.ResultsStore} (atomic writes, reading
 * with migration), {@link org.digitbench.results.store.RunFolder} (ids, the lock, trial results), the saved models'
 * manifest, and {@code datasets.json} as its readers see it.
 *
 * <p>May import: {@code api}, {@code data}, {@code results} and its {@code provenance} and {@code text}.
 */
package org.digitbench.results.store;
