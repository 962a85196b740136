package org.digitbench.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An immutable, validated set of hyper-parameter values for one plugin: every declared parameter
 * has a value (its default unless overridden), and no undeclared name is present.
 */
public final class Hyperparameters {
    private final Map<String, Object> values;

    private Hyperparameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Resolves overrides (name to text) against the declared parameters.
     *
     * @throws IllegalArgumentException for an unknown name or a value that does not parse or is out of range
     */
    public static Hyperparameters resolve(List<ParamSpec> specs, Map<String, String> overrides) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : overrides.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown hyper-parameter '" + name + "'; known: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            String text = overrides.get(spec.name());
            values.put(spec.name(), text == null ? spec.defaultValue() : spec.parse(text));
        }
        return new Hyperparameters(values);
    }

    /** The defaults of the declared parameters. */
    public static Hyperparameters defaults(List<ParamSpec> specs) {
        return resolve(specs, Map.of());
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    /** The value of a declared parameter. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyper-parameter '" + name + "'");
        }
        return v;
    }

    /** All values, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperparameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
