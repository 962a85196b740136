/**
 * The {@code digitbench} command: one class per command with shared option mixins.
 *
 * <p>May import: everything; the built-in plugins only at run time, through {@code ServiceLoader}.
 */
package org.digitbench.cli;
