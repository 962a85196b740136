/**
 * The Smile plugins: logistic regression, decision tree, random forest, RBF SVM and MLP, and how Smile finds
 * OpenBLAS.
 *
 * <p>May import: {@code api} and Smile (with JavaCPP's OpenBLAS) alone.
 */
package org.digitbench.plugins.smile;
