package org.digitbench.plugins.dl4j;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Convolutional networks of the common tutorials:
 * <ul>
 *   <li>{@code keras-cnn} (the default, 6 epochs: see benchmarks/TUNING.md): conv 3x3x32, conv 3x3x64, max-pool 2x2, dropout 0.25, dense 256, dropout 0.5
 *       (the Keras MNIST example, the network measured against PyTorch's);</li>
 *   <li>{@code keras-convnet}: conv 3x3x32, max-pool 2x2, conv 3x3x64, max-pool 2x2, dropout 0.5 (Keras's "simple MNIST convnet"
 *       example: a pooling after each convolution, no hidden dense layer; a fifth of keras-cnn's multiplications; 10 epochs
 *       reach the floor of 0.99 only to the image, so it is not the default: benchmarks/TUNING.md);</li>
 *   <li>{@code three-block}: three blocks of a "same"-padded 3x3 convolution (64, 32, 16 filters), max-pool 2x2 and
 *       dropout 0.25, then dense 128 and dropout 0.5;</li>
 *   <li>{@code lenet5}: LeCun's LeNet-5 as tutorials write it: conv 5x5x6 ("same"), average-pool, conv 5x5x16,
 *       average-pool, dense 120 and 84, tanh throughout.</li>
 * </ul>
 */
public final class Dl4jCnn extends Dl4jPlugin {
    public Dl4jCnn() {
        super("dl4j-cnn", "cnn", "convolutional network (keras-cnn: conv32-conv64-maxpool-dense256 with dropout; "
                + "keras-convnet; three-block; lenet5), Adam",
                Dl4jTrainer.Layout.IMAGE, List.of("keras-cnn", "keras-convnet", "three-block", "lenet5"), 6, 128, "all");
    }

    @Override
    void addLayers(String architecture, NeuralNetConfiguration.ListBuilder list, Hyperparameters p) {
        switch (architecture) {
            case "keras-cnn" -> {
                list.layer(conv("conv1", 3, 32, ConvolutionMode.Truncate, Activation.RELU));
                list.layer(conv("conv2", 3, 64, ConvolutionMode.Truncate, Activation.RELU));
                list.layer(pool("pool", PoolingType.MAX));
                list.layer(dropout("dropout1", 0.25));
                list.layer(dense("dense", 256, Activation.RELU));
                list.layer(dropout("dropout2", 0.5));
            }
            case "keras-convnet" -> {
                list.layer(conv("conv1", 3, 32, ConvolutionMode.Truncate, Activation.RELU));
                list.layer(pool("pool1", PoolingType.MAX));
                list.layer(conv("conv2", 3, 64, ConvolutionMode.Truncate, Activation.RELU));
                list.layer(pool("pool2", PoolingType.MAX));
                list.layer(dropout("dropout", 0.5));
            }
            case "three-block" -> {
                int block = 1;
                for (int filters : new int[] {64, 32, 16}) {
                    list.layer(conv("conv" + block, 3, filters, ConvolutionMode.Same, Activation.RELU));
                    list.layer(pool("pool" + block, PoolingType.MAX));
                    list.layer(dropout("dropout" + block, 0.25));
                    block++;
                }
                list.layer(dense("dense", 128, Activation.RELU));
                list.layer(dropout("dropout" + block, 0.5));
            }
            case "lenet5" -> {
                list.layer(conv("c1", 5, 6, ConvolutionMode.Same, Activation.TANH));
                list.layer(pool("s2", PoolingType.AVG));
                list.layer(conv("c3", 5, 16, ConvolutionMode.Truncate, Activation.TANH));
                list.layer(pool("s4", PoolingType.AVG));
                list.layer(dense("f5", 120, Activation.TANH));
                list.layer(dense("f6", 84, Activation.TANH));
            }
            default -> throw new IllegalArgumentException("unknown architecture '" + architecture + "'");
        }
    }

    private static ConvolutionLayer conv(String name, int kernel, int filters, ConvolutionMode mode, Activation activation) {
        return new ConvolutionLayer.Builder(kernel, kernel).name(name).nOut(filters).stride(1, 1)
                .convolutionMode(mode).activation(activation).build();
    }

    private static SubsamplingLayer pool(String name, PoolingType type) {
        return new SubsamplingLayer.Builder(type).name(name).kernelSize(2, 2).stride(2, 2).build();
    }

    private static DenseLayer dense(String name, int units, Activation activation) {
        return new DenseLayer.Builder().name(name).nOut(units).activation(activation).build();
    }
}
