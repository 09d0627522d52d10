package org.liquide.scene;

import java.nio.file.Path;

/** Where a scene's sketch classes live: {@code sketches/<Class>.java}, in package {@code sketch.<scene folder>}. */
public final class SketchNames {
    private SketchNames() {
    }

    /** The Java package of a scene's sketches: {@code sketch.} and the folder name made a Java identifier. */
    public static String packageOf(Path sceneFolder) {
        String folder = sceneFolder.toAbsolutePath().normalize().getFileName().toString();
        String identifier = java.text.Normalizer.normalize(folder, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
        if (identifier.isEmpty() || Character.isDigit(identifier.charAt(0))) {
            identifier = "_" + identifier;
        }
        return "sketch." + identifier;
    }

    public static Path sourceOf(Path sceneFolder, String className) {
        return sceneFolder.resolve("sketches").resolve(className + ".java");
    }
}
