package org.digitbench.trial;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.store.RunFolder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The run's corrupted test images, made once by the driver and read by every trial JVM of the run instead of each
 * making them again ({@code work/corrupted-images.bin}). The driver names the file's SHA-256 in each trial's
 * specification; a trial uses the file only when it has that sum and is the images of the trial's own suite, and
 * otherwise makes the images itself, as it did before, and says why. The robustness figures are the same either way.
 */
public final class CorruptedImages {
    /** The file's name in the run's {@code work/} folder. */
    public static final String FILE = "corrupted-images.bin";

    private CorruptedImages() {
    }

    /**
     * Writes the suite's images into the run's {@code work/} folder.
     *
     * @return their SHA-256, or {@code null} (said on {@code err}) when they could not be written: the trials then make them
     */
    public static String write(RunFolder folder, CorruptionSuite suite, PrintStream err) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            folder.folder(folder.work());
            SafeFiles.writeAtomically(folder.work(), FILE, out -> {
                DigestOutputStream hashed = new DigestOutputStream(out, sha);
                suite.writeImages(hashed);
                hashed.flush();
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            err.println("digitbench: note: the corrupted images are not handed to the trials (" + e.getMessage()
                    + "); each trial makes them itself");
            return null;
        }
    }

    /**
     * {@code data} with the suite's images read from the run's file, when {@code sha256} names it and it holds this suite's
     * images; else {@code data} as it is (its suite makes them when asked), and why on {@code err}.
     */
    public static SuiteData read(RunFolder folder, String sha256, SuiteData data, PrintStream err) {
        if (sha256 == null || data.corrupted() == null) {
            return data;
        }
        Path file = folder.work().resolve(FILE);
        try {
            SafeFiles.requireNoLinkBelow(folder.dir(), file, "cannot read " + file);
            byte[] bytes = Files.readAllBytes(file);
            String found = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!found.equals(sha256)) {
                throw new DigitbenchException(file + ": SHA-256 " + found.substring(0, 12) + ", the driver wrote "
                        + sha256.substring(0, Math.min(12, sha256.length())));
            }
            CorruptionSuite suite = data.corrupted().withImagesFrom(new ByteArrayInputStream(bytes), file.toString());
            return new SuiteData(data.train(), data.test(), data.normalization(), data.classNames(), suite);
        } catch (NoSuchAlgorithmException | IOException | RuntimeException e) {
            err.println("digitbench: note: the run's corrupted images are not used (" + e.getMessage()
                    + "); this trial makes them itself");
            return data;
        }
    }
}
