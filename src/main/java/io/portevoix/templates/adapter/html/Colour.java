package io.portevoix.templates.adapter.html;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An opaque sRGB colour and the WCAG 2.x contrast between two. An alpha below 1 is ignored (the colour
 * counts as opaque) except an alpha of 0, which is transparent like {@code transparent}.
 */
record Colour(int red, int green, int blue) {

    static final Colour BLACK = new Colour(0, 0, 0);
    static final Colour WHITE = new Colour(255, 255, 255);
    /** Browsers' default colour of unvisited links. */
    static final Colour LINK = new Colour(0, 0, 0xEE);

    private static final Map<String, Colour> NAMED = Map.ofEntries(
            Map.entry("black", BLACK), Map.entry("silver", new Colour(192, 192, 192)),
            Map.entry("gray", new Colour(128, 128, 128)), Map.entry("grey", new Colour(128, 128, 128)),
            Map.entry("white", WHITE), Map.entry("maroon", new Colour(128, 0, 0)),
            Map.entry("red", new Colour(255, 0, 0)), Map.entry("purple", new Colour(128, 0, 128)),
            Map.entry("fuchsia", new Colour(255, 0, 255)), Map.entry("green", new Colour(0, 128, 0)),
            Map.entry("lime", new Colour(0, 255, 0)), Map.entry("olive", new Colour(128, 128, 0)),
            Map.entry("yellow", new Colour(255, 255, 0)), Map.entry("navy", new Colour(0, 0, 128)),
            Map.entry("blue", new Colour(0, 0, 255)), Map.entry("teal", new Colour(0, 128, 128)),
            Map.entry("aqua", new Colour(0, 255, 255)), Map.entry("orange", new Colour(255, 165, 0)));

    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})");
    private static final Pattern LEGACY_HEX = Pattern.compile("#?([0-9a-f]{3}|[0-9a-f]{6})");
    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(\\s*(\\d*\\.?\\d+%?)[\\s,]+(\\d*\\.?\\d+%?)[\\s,]+(\\d*\\.?\\d+%?)(?:\\s*[,/]\\s*(\\d*\\.?\\d+%?))?\\s*\\)");

    /** The colour of a {@code bgcolor} or {@code color} attribute, which may omit the {@code #}. */
    static @Nullable Colour parseAttribute(String value) {
        Matcher hex = LEGACY_HEX.matcher(value.strip().toLowerCase(Locale.ROOT));
        return hex.matches() ? parse("#" + hex.group(1)) : parse(value);
    }

    /**
     * The colour a CSS {@code value} names ({@code #rgb}, {@code #rrggbb}, {@code rgb()}, {@code rgba()},
     * a basic name), or null when it is transparent or not understood.
     */
    static @Nullable Colour parse(String value) {
        String colour = value.strip().toLowerCase(Locale.ROOT);
        Colour named = NAMED.get(colour);
        if (named != null) {
            return named;
        }
        Matcher hex = HEX.matcher(colour);
        if (hex.matches()) {
            String digits = hex.group(1);
            if (digits.length() <= 4) {
                return digits.length() == 4 && digits.charAt(3) == '0' ? null : new Colour(
                        17 * Character.digit(digits.charAt(0), 16), 17 * Character.digit(digits.charAt(1), 16),
                        17 * Character.digit(digits.charAt(2), 16));
            }
            return digits.length() == 8 && digits.endsWith("00") ? null : new Colour(
                    Integer.parseInt(digits.substring(0, 2), 16), Integer.parseInt(digits.substring(2, 4), 16),
                    Integer.parseInt(digits.substring(4, 6), 16));
        }
        Matcher rgb = RGB.matcher(colour);
        if (rgb.matches()) {
            if (rgb.group(4) != null && channel(rgb.group(4), 1) == 0) {
                return null;
            }
            return new Colour((int) Math.round(channel(rgb.group(1), 255)), (int) Math.round(channel(rgb.group(2), 255)),
                    (int) Math.round(channel(rgb.group(3), 255)));
        }
        return null;
    }

    private static double channel(String value, double max) {
        double number = value.endsWith("%")
                ? Double.parseDouble(value.substring(0, value.length() - 1)) * max / 100
                : Double.parseDouble(value);
        return Math.clamp(number, 0, max);
    }

    /** The WCAG 2.x contrast ratio between two colours, from 1 to 21. */
    static double contrast(Colour one, Colour other) {
        double lighter = Math.max(one.luminance(), other.luminance());
        double darker = Math.min(one.luminance(), other.luminance());
        return (lighter + 0.05) / (darker + 0.05);
    }

    double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel) {
        double srgb = channel / 255.0;
        return srgb <= 0.04045 ? srgb / 12.92 : Math.pow((srgb + 0.055) / 1.055, 2.4);
    }

    String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }
}
