/**
 * Metrics of a classifier on a test set (accuracy with its Wilson interval, per-class and averaged precision, recall
 * and F1, the confusion matrix, log-loss), calibration ({@link org.digitbench.eval.Calibration}), accuracy
 * on corrupted images ({@link org.digitbench.eval.Robustness}) and the statistics over them: McNemar's and paired t-tests, Holm's
 * correction, Friedman and Nemenyi ({@link org.digitbench.eval.RankTests}).
 *
 * <p>May import: the JDK and Commons Math; nothing of digitbench.
 */
package org.digitbench.eval;
