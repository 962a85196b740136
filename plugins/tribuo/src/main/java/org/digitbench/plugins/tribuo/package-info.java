/**
 * The Tribuo plugins: logistic regression, CART, random forest, linear SVM (LibLinear), RBF SVM (LibSVM) and XGBoost,
 * and the conversion of a {@code Dataset} to Tribuo's.
 *
 * <p>May import: {@code api} and Tribuo (with LibLinear, LibSVM and XGBoost4J) alone.
 */
package org.digitbench.plugins.tribuo;
