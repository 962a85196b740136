package org.digitbench.report;

import org.digitbench.api.LayerInfo;
import org.digitbench.results.DigitImage;
import org.digitbench.results.TrialResult;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What the report's section of one model shows: the trial, and its figures formatted for the page.
 *
 * @param m                    the trial (the main seed's)
 * @param anchor               the section's id
 * @param perClass             precision, recall and F1 per class
 * @param mistakes             the misclassified test images kept
 * @param mistakesByConfidence whether they are the most confident first (the model has probabilities)
 * @param hyperparameters      the values used, as text
 * @param layers               the network's layers, empty for other models
 * @param provenance           what the library records about the model
 * @param machine              where the trial ran, in a line
 */
public record ModelView(TrialResult m, String anchor, List<ClassRow> perClass, List<Image> mistakes, boolean mistakesByConfidence,
                 Map<String, String> hyperparameters, List<LayerInfo> layers, Map<String, String> provenance, String machine) {

    /** One class's row of the per-class table. */
    public record ClassRow(String label, String precision, String recall, String f1, String support) {
    }

    /**
     * A test image as the page shows it.
     *
     * @param confidence the model's probability of what it predicted, as a percentage, or {@code null}
     * @param src        a data URL of the image
     */
    public record Image(int index, int label, Integer predicted, String confidence, String src) {
        static Image of(DigitImage image) {
            return new Image(image.index(), image.label(), image.predicted(),
                    image.confidence() == null ? null : String.format(Locale.ROOT, "%.1f%%", 100 * image.confidence()), png(image));
        }
    }

    /** The section of this trial, its classes named as the run's data names them. */
    static ModelView of(TrialResult m, org.digitbench.results.RunResults.DataInfo data) {
        List<ClassRow> perClass = m.metrics().perClass().stream().map(c -> new ClassRow(data.className(c.label()),
                LeaderboardRows.f4(c.precision()), LeaderboardRows.f4(c.recall()), LeaderboardRows.f4(c.f1()),
                String.valueOf(c.support()))).toList();
        List<DigitImage> mistakes = m.evaluation().mistakes();
        Map<String, String> hp = new LinkedHashMap<>();
        m.plugin().hyperparameters().forEach((k, val) -> hp.put(k, String.valueOf(val)));
        return new ModelView(m, ReportWriter.anchor(m.pluginId()), perClass, mistakes.stream().map(Image::of).toList(),
                !mistakes.isEmpty() && mistakes.getFirst().confidence() != null, hp, m.network().layers(),
                m.plugin().libraryProvenance() == null ? Map.of() : m.plugin().libraryProvenance(),
                MachineNotes.describe(m.resources().machine()));
    }

    /** A data URL of the image as a grey PNG, dark ink on white. */
    static String png(DigitImage image) {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        int[] grey = image.grey();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int v = 255 - grey[y * image.width() + x];
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
