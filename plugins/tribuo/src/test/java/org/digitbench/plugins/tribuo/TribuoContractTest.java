package org.digitbench.plugins.tribuo;

import org.digitbench.testkit.PluginContract;

/** The plugin contract, run on this module's plugins (the only ones on its class path). */
class TribuoContractTest extends PluginContract {
}
