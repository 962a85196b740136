/**
 * {@code digitbench serve}: the draw-a-digit page's web server and its JSON API, bound to loopback by default.
 *
 * <p>May import: {@code api}, {@code data}, {@code eval}, the results modules and Javalin; never the run driver.
 */
package org.digitbench.serve;
