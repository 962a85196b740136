/**
 * The Deeplearning4j plugins: MLP, CNN and LSTM, their trainer, thread settings and the choice of ND4J's native
 * build.
 *
 * <p>May import: {@code api}, Deeplearning4j, ND4J and JavaCPP alone.
 */
package org.digitbench.plugins.dl4j;
