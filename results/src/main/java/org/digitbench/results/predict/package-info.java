/**
 * A run's saved models, loaded and predicting users' pictures side by side with a majority vote: what {@code
 * digitbench predict} and {@code serve} use.
 *
 * <p>May import: {@code api}, {@code data}, {@code results}, {@code results.store} and {@code results.text}.
 */
package org.digitbench.results.predict;
