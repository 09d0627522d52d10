package org.liquide.cli;

import picocli.CommandLine;

/** A width x height in pixels, written {@code 1280x720}. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 16 || height < 16 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("size " + width + "x" + height + " is out of range (16 to 16384 per side)");
        }
    }

    public static ImageSize parse(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT such as 1280x720, got '" + text + "'");
        }
        try {
            return new ImageSize(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT such as 1280x720, got '" + text + "'");
        }
    }

    /** Lets picocli read {@code --size 1280x720}. */
    public static final class Converter implements CommandLine.ITypeConverter<ImageSize> {
        @Override
        public ImageSize convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
