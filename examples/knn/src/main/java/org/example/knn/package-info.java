/**
 * An example third-party plugin: k-nearest neighbours in plain Java, the walk-through of docs/plugins.md.
 *
 * <p>May import: {@code org.digitbench.api} alone.
 */
package org.example.knn;
