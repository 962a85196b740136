package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.results.predict.Predictor;
import org.digitbench.serve.DigitServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a web page where you draw a digit (mouse, finger or pen) or upload a picture, and see the",
                "28x28 image the models see and every saved model's answer with its probabilities.",
                "JSON API: GET /api/models; POST /api/predict with an image as the body or as the 'image' file of a form.",
                "Stop it with Ctrl+C."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Mixin
    SavedModelOptions models = new SavedModelOptions();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
            description = "the port to listen on, 0 for any free one; default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on; default: ${DEFAULT-VALUE} (this machine only). 0.0.0.0 lets other "
                    + "machines in: the page has no login")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "a host name browsers may use to reach the server, besides the address it listens on (and, for "
                    + "0.0.0.0, this machine's names and addresses); repeatable. Requests naming other hosts are refused")
    List<String> allowHosts = new ArrayList<>();

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new DigitbenchException("--port " + port + ": expected 0 to 65535");
        }
        boolean loopback = isLoopback(host);
        Predictor predictor = models.open(parent.err);
        long loaded = predictor.models().stream().filter(m -> m.model() != null).count();
        if (!loopback) {
            parent.err.println("digitbench: warning: listening on " + host + ": anyone who can reach this machine can use "
                    + "the page and the API; there is no login");
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        try (DigitServer server = DigitServer.start(predictor, host, port, allowHosts, parent.out)) {
            Thread hook = new Thread(() -> {
                server.close();
                parent.out.println("Stopped serving.");
                stopped.countDown();
            }, "digitbench-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            parent.out.printf("Serving run %s: %d of %d models loaded.%nOpen %s in a browser; stop with Ctrl+C.%n",
                    models.runId, loaded, predictor.models().size(), server.url());
            try {
                stopped.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        } catch (InterruptedException e) {
            parent.out.println("Stopped.");
        }
        return 0;
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw new DigitbenchException("--host " + host + ": unknown address");
        }
    }
}
