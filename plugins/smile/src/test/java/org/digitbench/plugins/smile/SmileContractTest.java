package org.digitbench.plugins.smile;

import org.digitbench.testkit.PluginContract;

/** The plugin contract, run on this module's plugins (the only ones on its class path). */
class SmileContractTest extends PluginContract {
}
