/**
 * Datasets: what {@code --dataset} names ({@link org.digitbench.data.DataSource}), the IDX and CSV readers, the MNIST
 * fetcher and locator, dataset descriptors ({@code dataset.json}), summaries, normalisations, the preprocessing
 * that makes a user's picture an MNIST-like image, and the corruptions of the robustness suite ({@link
 * org.digitbench.data.Corruption}) with a run's corrupted test subset ({@link org.digitbench.data.CorruptionSuite}).
 *
 * <p>May import: {@code api}, Jackson and Commons CSV.
 */
package org.digitbench.data;
