package org.digitbench.api;

/**
 * One layer of a network, for the layer summary.
 *
 * @param name        the layer's name
 * @param type        what kind of layer, e.g. {@code ConvolutionLayer} or {@code LastTimeStep(LSTM)}
 * @param outputShape the shape of one example's output, e.g. {@code 26x26x32}
 * @param parameters  trainable parameters
 */
public record LayerInfo(String name, String type, String outputShape, long parameters) {
}
