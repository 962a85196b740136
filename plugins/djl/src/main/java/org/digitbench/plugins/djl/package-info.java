/**
 * The DJL plugins: the Deep Java Library with its PyTorch engine training the networks the Deeplearning4j plugins
 * train (the same layers, optimiser, batch size, epochs and validation split), so the report compares libraries.
 *
 * <p>May import: {@code api} and DJL alone.
 */
package org.digitbench.plugins.djl;
