package org.digitbench.serve;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.ResultsStore;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.util.JavalinBindException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code digitbench serve}: a local web server with one page, where a user draws a digit (or uploads a picture)
 * and sees the image the models see (28×28 for MNIST, else the run's image size) and every saved model's answer with
 * its class probabilities (and class names, where the dataset has them).
 *
 * <p>The JSON API behind the page:
 * <ul>
 *   <li>{@code GET /api/models}: the run and its models, loaded or with the reason they could not be.</li>
 *   <li>{@code POST /api/predict}: an image, either as the request body or as the {@code image} file of a
 *   multipart form. Answers the {@link Predictor.Prediction} with the image's pixels as integers.</li>
 * </ul>
 * Bad input is answered with a 4xx status and {@code {"error": "...", "status": n}}: an empty upload (400),
 * a picture the decoder cannot read (400), over 10 MB or 4096×4096 (413), not an image (415), an image with no
 * digit in it (422). An unexpected failure is a 500 with the same JSON; the server keeps serving.
 */
public final class DigitServer implements AutoCloseable {
    /**
     * What the page may do: its own inline script and styles, images from data and blob URLs (the preview), requests
     * to this server only; no frames, no forms elsewhere.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Room for a multipart request's boundaries and headers around an image of the largest allowed size. */
    static final long MULTIPART_SLACK = 64 * 1024;
    private static final String PAGE = "index.html";

    private final Javalin app;
    private final String url;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** What a model was saved as, and whether it loaded: {@code GET /api/models}. */
    public record ModelInfo(String pluginId, String library, double accuracy, long seed, Map<String, Object> hyperparameters,
                            boolean loaded, String error) {
    }

    /** {@code GET /api/models}. */
    public record RunInfo(String runId, String normalization, int height, int width, long maxBytes, int maxSide,
                          List<ModelInfo> models) {
    }

    /** {@code POST /api/predict}: a {@link Predictor.Prediction} with integer pixels and the time it took. */
    public record PredictionJson(@JsonUnwrapped Predictor.Source source, int height, int width, int[] pixels,
                                 List<Predictor.ModelPrediction> models, @JsonUnwrapped Predictor.Majority majority,
                                 double millis) {
        static PredictionJson of(Predictor.Prediction p, double millis) {
            int[] px = new int[p.pixels().length];
            for (int i = 0; i < px.length; i++) {
                px[i] = Math.round(p.pixels()[i]);
            }
            return new PredictionJson(p.source(), p.height(), p.width(), px, p.models(), p.majority(), millis);
        }
    }

    /** The JSON error every 4xx and 5xx answer carries. */
    public record ErrorJson(String error, int status) {
    }

    private DigitServer(Javalin app, String host) {
        this.app = app;
        String h = host.contains(":") ? "[" + host + "]" : host;
        this.url = "http://" + h + ":" + app.port() + "/";
    }

    /**
     * Starts serving {@code predictor}'s models.
     *
     * @param host the address to listen on (loopback unless the user asks otherwise)
     * @param port the port, or 0 for any free one
     * @param log  where to write a line per prediction, or null
     * @throws DigitbenchException when the port is taken or the address cannot be used
     */
    public static DigitServer start(Predictor predictor, String host, int port, PrintStream log) {
        return start(predictor, host, port, List.of(), log);
    }

    /**
     * @param extraHosts host names, besides the machine's own, under which browsers may reach the server (for a
     *                   wildcard address); requests naming any other {@code Host} are refused (DNS rebinding)
     */
    public static DigitServer start(Predictor predictor, String host, int port, List<String> extraHosts, PrintStream log) {
        HostCheck.requireLocalAddress(host);
        RunInfo info = runInfo(predictor);
        String page = page();
        HostCheck hosts = new HostCheck(host, extraHosts);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jetty.host = host;
            config.jetty.port = port;
            // Jetty's own answers (a bad Host, an ambiguous or NUL path) carry the same headers as the server's
            config.jetty.modifyServer(server -> server.setErrorHandler(new HeaderedErrors()));
            // a raw image body may be as large as an image file may be; a multipart form a little larger
            config.http.maxRequestSize = DigitPreprocessor.MAX_BYTES + MULTIPART_SLACK;
            config.jetty.multipartConfig.maxFileSize(DigitPreprocessor.MAX_BYTES + MULTIPART_SLACK, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(DigitPreprocessor.MAX_BYTES + MULTIPART_SLACK, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) (DigitPreprocessor.MAX_BYTES + MULTIPART_SLACK), SizeUnit.BYTES);

            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                String why = hosts.refusal(ctx.header("Host"), ctx.header("Origin"), ctx.method().name());
                if (why != null) {
                    throw new HttpResponseException(why.startsWith("Origin") ? 403 : 421, why);
                }
            });
            config.routes.get("/", ctx -> ctx.header("Content-Security-Policy", PAGE_POLICY)
                    .contentType("text/html; charset=utf-8").result(page));
            config.routes.head("/", ctx -> ctx.header("Content-Security-Policy", PAGE_POLICY)
                    .contentType("text/html; charset=utf-8"));
            config.routes.get("/api/models", ctx -> json(ctx, 200, info));
            config.routes.post("/api/predict", ctx -> predict(ctx, predictor, log));

            config.routes.exception(HttpResponseException.class, (e, ctx) -> json(ctx, e.getStatus(),
                    new ErrorJson(e.getMessage(), e.getStatus())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (log != null) {
                    log.println(HostCheck.printable("digitbench serve: " + ctx.method() + " " + ctx.path() + " failed: " + e));
                }
                json(ctx, 500, new ErrorJson("internal error: " + e, 500));
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    json(ctx, 404, new ErrorJson("no such API: " + ctx.method() + " " + ctx.path()
                            + "; there are GET /api/models and POST /api/predict", 404));
                }
            });
            config.routes.error(405, ctx -> {
                ctx.header("Allow", "/api/predict".equals(ctx.path()) ? "POST" : "GET, HEAD");
                json(ctx, 405, new ErrorJson(ctx.method() + " " + ctx.path() + " is not allowed; predictions are POST /api/predict", 405));
            });
        });
        try {
            app.start();
        } catch (JavalinBindException e) {
            throw new DigitbenchException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + (port == 0 ? "" : " Choose another port with --port."), e);
        } catch (RuntimeException e) {
            throw new DigitbenchException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new DigitServer(app, host);
    }

    private static void predict(Context ctx, Predictor predictor, PrintStream log) {
        long t0 = System.nanoTime();
        Upload upload = upload(ctx);
        if (upload.bytes().length == 0) {
            throw new HttpResponseException(400, upload.name() + ": empty upload; send an image (PNG, JPEG, BMP or GIF)"
                    + " as the request body or as the 'image' file of a multipart form");
        }
        DigitPreprocessor.Result image;
        try {
            image = DigitPreprocessor.fromBytes(upload.bytes(), upload.name(), predictor.manifest().height(), predictor.manifest().width());
        } catch (DigitPreprocessor.Rejected e) {
            int status = switch (e.reason()) {
                case TOO_LARGE -> 413;
                case NOT_AN_IMAGE -> 415;
                case NO_DIGIT -> 422;
                case EMPTY, UNREADABLE -> 400;
            };
            throw new HttpResponseException(status, e.getMessage());
        }
        Predictor.Prediction p = predictor.predict(upload.name(), image);
        double millis = (System.nanoTime() - t0) / 1e6;
        if (log != null) {
            log.println(HostCheck.printable(String.format(Locale.ROOT, "%s: majority vote %s (%d of %d models), %.0f ms",
                    upload.name(), p.vote() == null ? "none" : p.voteClass(), p.votes(), p.models().size(), millis)));
        }
        json(ctx, 200, PredictionJson.of(p, millis));
    }

    private record Upload(String name, byte[] bytes) {
    }

    /** The image of a request: the multipart form's {@code image} file, or the body. */
    private static Upload upload(Context ctx) {
        long declared = ctx.contentLength();
        long limit = DigitPreprocessor.MAX_BYTES + (ctx.isMultipartFormData() ? MULTIPART_SLACK : 0);
        if (declared > limit) {
            throw tooLarge("the request", declared);
        }
        if (!ctx.isMultipartFormData()) {
            byte[] body;
            try {
                body = ctx.bodyAsBytes();
            } catch (HttpResponseException e) { // a body without a length, over http.maxRequestSize
                throw e.getStatus() == 413 ? tooLarge("the upload", -1) : e;
            }
            if (body.length > DigitPreprocessor.MAX_BYTES) {
                throw tooLarge("the upload", body.length);
            }
            return new Upload("the upload", body);
        }
        String type = String.valueOf(ctx.contentType());
        if (!type.toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw new HttpResponseException(400, "a multipart form without a boundary in its Content-Type; send the image as the "
                    + "'image' file of a well-formed form, or as the raw request body");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("image");
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) { // Javalin rethrows Jetty's checked ServletException unchecked
            // Jetty refuses a part over the multipart limits, or a malformed form
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null && chain.length() < 2000; t = t.getCause()) {
                // what went wrong, without the server's class names (org.eclipse.jetty.http.BadMessageException: ...)
                chain.append(' ').append(String.valueOf(t.getMessage()).replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?::\\s*)?", ""));
            }
            String message = chain.toString().toLowerCase(Locale.ROOT);
            if (message.contains("exceed") || message.contains("too large")) {
                throw tooLarge("the upload", -1);
            }
            throw new HttpResponseException(400, "not a readable multipart form:" + chain);
        }
        if (file == null) {
            throw new HttpResponseException(400, "the form has no file named 'image'");
        }
        String name = file.filename().isBlank() ? "the upload" : file.filename();
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes((int) DigitPreprocessor.MAX_BYTES + 1);
            if (bytes.length > DigitPreprocessor.MAX_BYTES) {
                throw tooLarge(name, file.size());
            }
            return new Upload(name, bytes);
        } catch (IOException e) {
            throw new HttpResponseException(400, name + ": cannot read the upload: " + e.getMessage());
        }
    }

    /** Jetty's error pages with the headers every answer of the server carries. */
    private static final class HeaderedErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) throws Exception {
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
            response.getHeaders().put("Content-Security-Policy", "default-src 'none'");
            return super.handle(request, response, callback);
        }
    }

    private static HttpResponseException tooLarge(String name, long bytes) {
        return new HttpResponseException(413, name + (bytes < 0 ? " is too large" : " has " + bytes + " bytes") + ", more than the "
                + (DigitPreprocessor.MAX_BYTES >> 20) + " MB an image may have");
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(ResultsStore.toJson(body));
    }

    static RunInfo runInfo(Predictor predictor) {
        var manifest = predictor.manifest();
        List<ModelInfo> models = predictor.models().stream()
                .map(m -> new ModelInfo(m.entry().pluginId(), m.entry().library(), m.entry().accuracy(), m.entry().seed(),
                        m.entry().hyperparameters(), m.model() != null, m.error()))
                .toList();
        return new RunInfo(manifest.runId(), manifest.normalization(), manifest.height(), manifest.width(),
                DigitPreprocessor.MAX_BYTES, DigitPreprocessor.MAX_SIDE, models);
    }

    private static String page() {
        try (InputStream in = DigitServer.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the page " + PAGE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }
}
