package org.digitbench.cli;

import org.digitbench.data.DataFormatException;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.ResultsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recognises the digit in each image with every model a run saved (digitbench run --save-models).",
                "Images (PNG, JPEG, BMP, GIF; any size; colour or grey; dark on light or light on dark) are made MNIST",
                "images first: grey, light on dark, cropped, scaled into 20x20, centred by centre of mass in 28x28.",
                "With --csv, labels every image of a CSV file (Kaggle's layout) with one model and writes Kaggle's",
                "submission format, ImageId,Label."})
final class PredictCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Mixin
    SavedModelOptions models = new SavedModelOptions();

    @CommandLine.Parameters(paramLabel = "IMAGE", arity = "0..*", description = "image files")
    List<Path> images = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "FILE",
            description = "a CSV file of images in Kaggle's layout (pixel0..pixelN, or label first), gzip or plain, to label")
    Path csv;

    @Option(names = "--submission", paramLabel = "FILE",
            description = "with --csv, where to write ImageId,Label (1-based ids); default: print it")
    Path submission;

    @Option(names = "--model", paramLabel = "ID",
            description = "with --csv, the saved model to use; default: the run's most accurate")
    String model;

    @Option(names = "--json", description = "print JSON (one object per image) instead of a table")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        if (csv == null && (submission != null || model != null)) {
            throw new org.digitbench.api.DigitbenchException((submission != null ? "--submission" : "--model") + " goes with --csv FILE");
        }
        if (csv != null && !images.isEmpty()) {
            throw new org.digitbench.api.DigitbenchException("give image files or --csv FILE, not both");
        }
        if (csv == null && images.isEmpty()) {
            throw new org.digitbench.api.DigitbenchException("nothing to predict: give image files, or --csv FILE");
        }
        if (csv != null) {
            return KaggleSubmission.write(models.open(parent.err), csv, model, submission, parent.out, parent.err);
        }
        Predictor predictor = models.open(parent.err);
        boolean allRead = true;
        List<Predictor.Prediction> all = new ArrayList<>();
        for (Path image : images) {
            DigitPreprocessor.Result pre;
            try {
                pre = DigitPreprocessor.fromFile(image, predictor.manifest().height(), predictor.manifest().width());
            } catch (DataFormatException e) {
                parent.err.println("digitbench: error: " + e.getMessage());
                allRead = false;
                continue;
            }
            Predictor.Prediction p = predictor.predict(image.toString(), pre);
            all.add(p);
            if (!json) {
                print(p);
            }
        }
        if (json) {
            parent.out.println(ResultsStore.toJson(all));
        }
        return allRead ? 0 : 1;
    }

    private void print(Predictor.Prediction p) {
        PrintStream out = parent.out;
        out.printf("%s (%dx%d%s): majority vote %s%n", p.image(), p.sourceWidth(), p.sourceHeight(),
                p.inverted() ? ", dark on light: inverted" : "",
                p.vote() == null ? "none" : p.voteClass() + " (" + p.votes() + " of " + p.models().size() + " models)");
        for (Predictor.ModelPrediction m : p.models()) {
            if (m.error() != null) {
                out.printf("  %-28s %s%n", m.pluginId(), m.error());
            } else {
                out.printf(java.util.Locale.ROOT, "  %-28s %s%s%n", m.pluginId(), m.className(),
                        m.probabilities() == null ? "" : String.format(java.util.Locale.ROOT, "  (probability %.3f)", m.probabilities()[m.label()]));
            }
        }
    }
}
