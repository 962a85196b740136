package org.digitbench.plugins.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** DJL's PyTorch engine comes from the class path, offline: nothing is downloaded at run time. */
class DjlEngineTest {
    @Test
    void theEngineLoadsOfflineFromTheJarsOnTheClassPath() {
        var engine = DjlEngine.pytorch(1);
        assertTrue(DjlEngine.offline(), "ai.djl.offline is set before the engine loads");
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
    }

    /** DJL's warning about each unclosed Model (the trial's warm-up model) is kept out of the trial's log. */
    @Test
    void djlsUnclosedModelWarningIsQuiet() {
        DjlEngine.pytorch(1);
        assertEquals("error", System.getProperty(DjlEngine.MODEL_LOG_LEVEL));
    }

    /** The guard the module's tests run behind: a request to the network fails, so a download would have failed them. */
    @Test
    void theTestsCannotReachTheNetwork() {
        HttpClient client = HttpClient.newBuilder().proxy(java.net.ProxySelector.getDefault()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://publish.djl.ai/pytorch/2.7.1/files.txt")).build();
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.discarding()));
    }
}
