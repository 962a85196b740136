package org.digitbench.plugins.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;

/**
 * DJL's PyTorch engine, loaded offline: libtorch and the engine's JNI library come from the jars on the class path
 * ({@code pytorch-native-cpu} for linux-x86_64 and {@code pytorch-jni}), which DJL unpacks to its cache folder
 * ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}) once; {@code ai.djl.offline=true} makes DJL fail instead of downloading
 * when they are missing, and that failure is reported naming the artifacts.
 */
final class DjlEngine {
    static final String NATIVE_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";
    static final String JNI_ARTIFACT = "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0";

    /** SLF4J's simple logger reads a logger's level when the logger is made: before DJL's classes make theirs. */
    static final String MODEL_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.BaseModel";

    static {
        System.setProperty("ai.djl.offline", "true");
        // DJL warns of every Model the garbage collector finds unclosed, such as the trial's unmeasured warm-up model,
        // in the middle of the progress lines; its errors still show
        if (System.getProperty(MODEL_LOG_LEVEL) == null) {
            System.setProperty(MODEL_LOG_LEVEL, "error");
        }
    }

    private DjlEngine() {
    }

    /** The PyTorch engine, with {@code threads} intra-op threads; a clear error when its natives are not on the class path. */
    static synchronized Engine pytorch(int threads) {
        Engine engine;
        try {
            engine = Engine.getEngine("PyTorch");
        } catch (EngineException | IllegalArgumentException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("DJL's PyTorch engine could not load libtorch (" + e.getMessage() + "): digitbench needs "
                    + NATIVE_ARTIFACT + " and " + JNI_ARTIFACT + " on the class path and downloads nothing at run time", e);
        }
        JniUtils.setNumThreads(threads);
        return engine;
    }

    /** Whether DJL is told never to download (set before any engine loads). */
    static boolean offline() {
        return Boolean.getBoolean("ai.djl.offline");
    }
}
