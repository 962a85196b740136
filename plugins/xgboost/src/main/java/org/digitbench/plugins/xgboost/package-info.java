/**
 * The XGBoost4J plugin: gradient-boosted trees from XGBoost's own Java API, with the defaults of Tribuo's wrapper so
 * that the wrapper's cost shows.
 *
 * <p>May import: {@code api} and XGBoost4J alone.
 */
package org.digitbench.plugins.xgboost;
