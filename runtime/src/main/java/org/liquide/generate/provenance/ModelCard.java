package org.liquide.generate.provenance;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A model card ({@code README.md} of a Hub repository): its YAML front matter between two {@code ---} lines. */
public final class ModelCard {
    public static final String FILE = "README.md";
    private static final int MAX_BYTES = 1 << 20;

    private ModelCard() {
    }

    /** The licence the card in {@code folder} declares; {@link Licence#UNKNOWN} without a card or metadata. */
    public static Licence licence(Path folder) {
        Path card = folder.resolve(FILE);
        try {
            if (!Files.isRegularFile(card) || Files.size(card) > MAX_BYTES) {
                return Licence.UNKNOWN;
            }
            return licence(Files.readString(card, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return Licence.UNKNOWN;
        }
    }

    static Licence licence(String card) {
        String text = card.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return Licence.UNKNOWN;
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            return Licence.UNKNOWN;
        }
        Object yaml = new Load(LoadSettings.builder().setMaxAliasesForCollections(10).build()).loadFromString(text.substring(4, end));
        if (!(yaml instanceof Map<?, ?> metadata) || metadata.get("license") == null) {
            return Licence.UNKNOWN;
        }
        Object license = metadata.get("license");
        String id = (license instanceof Iterable<?> several ? String.join(", ", stringsOf(several)) : license.toString())
                .strip().toLowerCase(Locale.ROOT);
        Optional<String> name = Optional.ofNullable(metadata.get("license_name")).map(n -> n.toString().strip().toLowerCase(Locale.ROOT))
                .filter(n -> !n.isEmpty());
        return new Licence(id, name);
    }

    private static java.util.List<String> stringsOf(Iterable<?> items) {
        java.util.List<String> strings = new java.util.ArrayList<>();
        items.forEach(item -> strings.add(String.valueOf(item)));
        return strings;
    }
}
