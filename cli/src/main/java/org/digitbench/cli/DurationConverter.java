package org.digitbench.cli;

import picocli.CommandLine;

/** Durations such as 90s, 45m, 4h, PT4H, or "none". */
final class DurationConverter implements CommandLine.ITypeConverter<java.time.Duration> {
    /** What "none" converts to. */
    static final java.time.Duration NONE = java.time.Duration.ofSeconds(Long.MAX_VALUE);

    @Override
    public java.time.Duration convert(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("none")) {
            return NONE;
        }
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|min|h)").matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofMinutes(n);
            };
        }
        try {
            return java.time.Duration.parse(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; expected e.g. 90s, 45m, 4h or none");
        }
    }
}
