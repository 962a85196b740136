package org.digitbench.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded, stratified subsets and train/validation splits: every class keeps its share. */
public final class Splits {
    private Splits() {
    }

    /** A training part and a validation part. */
    public record Split(Dataset train, Dataset validation) {
    }

    /**
     * A stratified sample of {@code n} images; the whole set when {@code n} is at least its size.
     * The images keep their original order.
     */
    public static Dataset stratifiedSubset(Dataset data, int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("subset size must be positive, got " + n);
        }
        if (n >= data.size()) {
            return data;
        }
        int[] chosen = stratifiedIndices(data, n, seed);
        Arrays.sort(chosen);
        return data.subset(chosen, "stratified subset of " + n + " of " + data.size() + " (seed " + seed + ")");
    }

    /**
     * The positions of a stratified sample of {@code n} of the images ({@code n} below the set's size), in increasing
     * order: the images {@link #stratifiedSubset} would take.
     */
    public static int[] stratifiedPositions(Dataset data, int n, long seed) {
        if (n <= 0 || n >= data.size()) {
            throw new IllegalArgumentException("a sample of " + n + " of " + data.size() + " images: expected 1.." + (data.size() - 1));
        }
        int[] chosen = stratifiedIndices(data, n, seed);
        Arrays.sort(chosen);
        return chosen;
    }

    /** Splits off a stratified validation part of {@code fraction} of the images. */
    public static Split stratifiedSplit(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        int nValidation = (int) Math.round(data.size() * fraction);
        if (nValidation == 0 || nValidation == data.size()) {
            throw new IllegalArgumentException("a validation fraction of " + fraction + " of " + data.size()
                    + " images leaves one part empty");
        }
        int[] validation = stratifiedIndices(data, nValidation, seed);
        Arrays.sort(validation);
        boolean[] inValidation = new boolean[data.size()];
        for (int i : validation) {
            inValidation[i] = true;
        }
        int[] train = new int[data.size() - nValidation];
        for (int i = 0, k = 0; i < data.size(); i++) {
            if (!inValidation[i]) {
                train[k++] = i;
            }
        }
        String how = " (stratified, " + fraction + " held out, seed " + seed + ")";
        return new Split(data.subset(train, "training part" + how), data.subset(validation, "validation part" + how));
    }

    /** Indices of a stratified sample: per class its share of n, rounded by largest remainder. */
    static int[] stratifiedIndices(Dataset data, int n, long seed) {
        int[] labels = data.labels();
        int classes = data.numClasses();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        int total = labels.length;
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) n * byClass.get(c).size() / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < n) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < byClass.get(c).size() && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        Random random = new Random(seed);
        int[] chosen = new int[n];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            Collections.shuffle(members, random);
            for (int i = 0; i < quota[c]; i++) {
                chosen[k++] = members.get(i);
            }
        }
        return chosen;
    }

    /** Shuffles an array in place (Fisher-Yates), for seeded mini-batch orders. */
    public static void shuffle(int[] a, java.util.Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
