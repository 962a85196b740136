package org.digitbench.plugins.dl4j;

import org.digitbench.testkit.PluginContract;

/** The plugin contract, run on this module's plugins (the only ones on its class path). */
class Dl4jContractTest extends PluginContract {
}
