package org.liquide.sketch;

import processing.awt.PGraphicsJava2D;
import processing.core.PFont;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Processing's JAVA2D renderer, whose default font (the one {@code text()} uses before any {@code textFont}) is
 * read once per process. Processing reads it from its jar with {@code Font.createFont} for every new renderer:
 * each a new font file in the temporary folder, a new FreeType face and HarfBuzz tables, held by the font
 * caches' soft references long after the sketch is gone. A sketch on stage at every scene change grew native
 * memory with each change that way.
 */
final class SketchGraphics extends PGraphicsJava2D {
    /** The font Processing 4 itself uses by default, so a sketch looks here as it does in Processing. */
    private static final String PROCESSING_DEFAULT = "/font/ProcessingSansPro-Regular.ttf";
    private static final Font DEFAULT_FONT = readDefaultFont();

    @Override
    protected PFont createDefaultFont(float size) {
        defaultFontName = DEFAULT_FONT.getName();
        int density = parent.pixelDensity;
        return new PFont(DEFAULT_FONT.deriveFont(size * density), true, null, false, density);
    }

    private static Font readDefaultFont() {
        try (InputStream input = PGraphicsJava2D.class.getResourceAsStream(PROCESSING_DEFAULT)) {
            if (input != null) {
                return Font.createFont(Font.TRUETYPE_FONT, input);
            }
        } catch (IOException | FontFormatException e) {
            org.slf4j.LoggerFactory.getLogger(SketchGraphics.class)
                    .warn("Processing's default font did not load ({}); sketches write in Lucida Sans", e.getMessage());
        }
        return new Font("Lucida Sans", Font.PLAIN, 1);
    }
}
