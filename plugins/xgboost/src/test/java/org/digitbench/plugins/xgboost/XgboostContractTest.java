package org.digitbench.plugins.xgboost;

import org.digitbench.testkit.PluginContract;

/** The plugin contract, run on this module's plugin (the only one on its class path). */
class XgboostContractTest extends PluginContract {
}
