package org.digitbench.plugins.weka;

import org.digitbench.testkit.PluginContract;

/** The plugin contract, run on this module's plugins (the only ones on its class path). */
class WekaContractTest extends PluginContract {
}
