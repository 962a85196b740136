package org.digitbench.plugins.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.initializer.Initializer;
import java.util.function.Predicate;

/**
 * The networks, layer for layer those of the Deeplearning4j plugins' defaults. Each ends in a dense layer of one unit a
 * class without softmax: DJL's softmax cross-entropy loss takes the logits, and prediction applies the softmax.
 */
final class DjlNetworks {
    private DjlNetworks() {
    }

    /** How images are fed to a network. */
    enum Layout {
        /** A flat row of pixels. */
        DENSE,
        /** One channel of height x width (NCHW). */
        IMAGE,
        /** Batch-first time steps: one per pixel row, the row's pixels as features. */
        ROWS_AS_TIME_STEPS;

        Shape shape(int n, int height, int width) {
            return switch (this) {
                case DENSE -> new Shape(n, (long) height * width);
                case IMAGE -> new Shape(n, 1, height, width);
                case ROWS_AS_TIME_STEPS -> new Shape(n, height, width);
            };
        }
    }

    /** dl4j-mlp's 784-128-10: dense 128 (ReLU), dropout, output. */
    static Block mlp(int hidden, float dropout, int classes) {
        SequentialBlock b = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock());
        if (dropout > 0) {
            b.add(Dropout.builder().optRate(dropout).build());
        }
        return b.add(Linear.builder().setUnits(classes).build());
    }

    /** dl4j-cnn's keras-cnn: conv 3x3x32, conv 3x3x64, max-pool 2x2, dropout 0.25, dense 256, dropout 0.5, output. */
    static Block kerasCnn(int classes) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).build())
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Dropout.builder().optRate(0.25f).build())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** dl4j-rnn's lstm: an LSTM over the pixel rows, its output at the last time step, output. */
    static Block lstm(int units, int classes) {
        return new SequentialBlock()
                .add(LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, -1, :")), "last-time-step"))
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * The LSTM's input-to-hidden biases: PyTorch orders an LSTM's gates input, forget, cell, output, and adds two bias
     * vectors (input-to-hidden and hidden-to-hidden), so this one's forget quarter at 1 and the other at 0 start the
     * forget gate's bias at 1, as Deeplearning4j's {@code forgetGateBiasInit} does (DJL would start it at 0).
     */
    static final Predicate<Parameter> LSTM_INPUT_BIAS = p -> p.getType() == Parameter.Type.BIAS && p.getName().contains("i2h");

    /** Zeros, with the forget gate's quarter of an LSTM's gate biases at {@code forgetBias}. */
    static Initializer forgetGateBias(float forgetBias) {
        return (NDManager manager, Shape shape, DataType type) -> {
            long gates = shape.get(0);
            if (shape.dimension() != 1 || gates % 4 != 0) {
                throw new IllegalArgumentException("an LSTM's gate biases have 4 x units values, got shape " + shape);
            }
            float[] values = new float[Math.toIntExact(gates)];
            java.util.Arrays.fill(values, Math.toIntExact(gates / 4), Math.toIntExact(gates / 2), forgetBias);
            NDArray array = manager.create(values, shape);
            return type == DataType.FLOAT32 ? array : array.toType(type, false);
        };
    }
}
