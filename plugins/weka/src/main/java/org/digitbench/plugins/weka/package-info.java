/**
 * The Weka plugins: J48 (C4.5), random forest, ridge logistic regression, SMO with a linear and an RBF kernel, naive
 * Bayes and a multilayer perceptron, trained through Weka's Java API on {@code Instances} built in memory.
 *
 * <p>May import: {@code api} and Weka alone.
 */
package org.digitbench.plugins.weka;
