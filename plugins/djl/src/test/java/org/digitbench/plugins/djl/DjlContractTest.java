package org.digitbench.plugins.djl;

import org.digitbench.testkit.PluginContract;

/**
 * The plugin contract, run on this module's plugins (the only ones on its class path). The module's tests run with
 * every HTTP and HTTPS request sent to a closed port (the pom's surefire settings), so a download DJL attempted
 * would fail them.
 */
class DjlContractTest extends PluginContract {
}
