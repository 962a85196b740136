package org.example.knn;

import org.digitbench.testkit.PluginContract;

/** The contract every digitbench plugin keeps, run on this one (the only plugin on this module's class path). */
class KnnContractTest extends PluginContract {
}
