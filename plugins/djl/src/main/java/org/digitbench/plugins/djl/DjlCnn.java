package org.digitbench.plugins.djl;

import ai.djl.nn.Block;
import org.digitbench.api.Hyperparameters;

/** dl4j-cnn's keras-cnn in DJL: conv32-conv64-maxpool-dense256 with dropout, Adam, 6 epochs of 128 images, all cores. */
public final class DjlCnn extends DjlPlugin {
    public DjlCnn() {
        super("djl-cnn", "cnn", "convolutional network keras-cnn (conv32-conv64-maxpool-dense256, dropout), Adam (DJL, PyTorch engine)",
                DjlNetworks.Layout.IMAGE, 6, 128, Runtime.getRuntime().availableProcessors());
    }

    @Override
    Block network(Hyperparameters p, int classes) {
        return DjlNetworks.kerasCnn(classes);
    }

    @Override
    Block network(int shapeParameter, int classes) {
        return DjlNetworks.kerasCnn(classes);
    }

    @Override
    public void checkShape(int height, int width, int numClasses, Hyperparameters params) {
        if (height < 6 || width < 6) {
            throw new IllegalArgumentException("keras-cnn needs images of 6x6 pixels or more (two 3x3 convolutions and a 2x2 pooling), not "
                    + height + "x" + width);
        }
    }
}
