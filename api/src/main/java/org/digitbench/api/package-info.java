/**
 * The plugin SPI and the types it uses: {@link org.digitbench.api.ClassifierPlugin}, {@link
 * org.digitbench.api.TrainedModel}, the immutable {@link org.digitbench.api.Dataset}, hyper-parameters, seeded splits
 * and the {@link org.digitbench.api.PluginRegistry} that finds plugins with {@code ServiceLoader}.
 *
 * <p>May import: the JDK alone (the module has no dependency).
 */
package org.digitbench.api;
