package org.digitbench.api;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one hyper-parameter of a plugin: its name, type, default, allowed range
 * (or allowed values) and a one-line description for {@code digitbench list}.
 *
 * @param name        kebab-case or camelCase name used on the command line
 * @param type        value type
 * @param defaultValue default, already of the Java type matching {@code type}
 * @param min         smallest allowed value for numbers (inclusive), or {@code null}
 * @param minExclusive whether {@code min} itself is excluded
 * @param max         largest allowed value for numbers (inclusive), or {@code null}
 * @param choices     allowed values for {@link Type#CHOICE}; empty otherwise
 * @param description what it does
 */
public record ParamSpec(String name, Type type, Object defaultValue, Double min, boolean minExclusive,
                        Double max, List<String> choices, String description) {

    /** The value types a hyper-parameter can have. */
    public enum Type { INT, DOUBLE, BOOLEAN, CHOICE, STRING }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue of " + name);
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
    }

    /** An integer in [min, max]. */
    public static ParamSpec ofInt(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, Type.INT, defaultValue, (double) min, false, (double) max, List.of(), description);
    }

    /** A real number in [min, max]. */
    public static ParamSpec ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, Type.DOUBLE, defaultValue, min, false, max, List.of(), description);
    }

    /** A real number strictly greater than zero. */
    public static ParamSpec ofPositive(String name, double defaultValue, String description) {
        return new ParamSpec(name, Type.DOUBLE, defaultValue, 0.0, true, null, List.of(), description);
    }

    /** One of a fixed set of strings. */
    public static ParamSpec ofChoice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, Type.CHOICE, defaultValue, null, false, null, choices, description);
    }

    /** A boolean. */
    public static ParamSpec ofBoolean(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, Type.BOOLEAN, defaultValue, null, false, null, List.of(), description);
    }

    /** A free-form string whose checks the plugin does in {@link ClassifierPlugin#validate}. */
    public static ParamSpec ofString(String name, String defaultValue, String description) {
        return new ParamSpec(name, Type.STRING, defaultValue, null, false, null, List.of(), description);
    }

    /** The allowed values, in words, e.g. {@code "an integer in [1, 1000]"}. */
    public String expected() {
        return switch (type) {
            case INT -> "an integer" + range();
            case DOUBLE -> "a number" + range();
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case STRING -> "a string";
        };
    }

    private String range() {
        if (min == null && max == null) {
            return "";
        }
        if (max == null) {
            return minExclusive ? " > " + fmt(min) : " >= " + fmt(min);
        }
        if (min == null) {
            return " <= " + fmt(max);
        }
        return " in " + (minExclusive ? "(" : "[") + fmt(min) + ", " + fmt(max) + "]";
    }

    private String fmt(double v) {
        if (type == Type.INT || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * Parses and checks a value given as text.
     *
     * @throws IllegalArgumentException with a message naming this parameter and what it expects
     */
    public Object parse(String text) {
        String t = text.strip();
        Object value;
        try {
            value = switch (type) {
                case INT -> Integer.parseInt(t);
                case DOUBLE -> Double.parseDouble(t);
                case BOOLEAN -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new NumberFormatException(t);
                    }
                    yield Boolean.parseBoolean(t);
                }
                case CHOICE, STRING -> t;
            };
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        check(value, text);
        return value;
    }

    /** Checks a value of the right Java type against the range or choices. */
    public void check(Object value) {
        check(value, String.valueOf(value));
    }

    private void check(Object value, String text) {
        switch (type) {
            case INT, DOUBLE -> {
                double v = ((Number) value).doubleValue();
                boolean ok = !Double.isNaN(v) && !Double.isInfinite(v)
                        && (min == null || (minExclusive ? v > min : v >= min))
                        && (max == null || v <= max);
                if (!ok) {
                    throw invalid(text);
                }
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw invalid(text);
                }
            }
            default -> { }
        }
    }

    private IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("hyper-parameter '" + name + "' must be " + expected() + ", got '" + text + "'");
    }
}
