/**
 * The contract every plugin passes ({@link org.digitbench.testkit.PluginContract}), a fake plugin and small synthetic
 * test data.
 *
 * <p>May import: {@code api} and JUnit.
 */
package org.digitbench.testkit;
