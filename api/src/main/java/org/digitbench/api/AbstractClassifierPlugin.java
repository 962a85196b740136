package org.digitbench.api;

import java.util.Objects;

/** A convenient base for plugins: the id, family and description are given once, to the constructor. */
public abstract class AbstractClassifierPlugin implements ClassifierPlugin {
    private final String id;
    private final String family;
    private final String description;

    protected AbstractClassifierPlugin(String id, String family, String description) {
        this.id = Objects.requireNonNull(id, "id");
        this.family = Objects.requireNonNull(family, "family");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String family() {
        return family;
    }

    @Override
    public final String description() {
        return description;
    }
}
