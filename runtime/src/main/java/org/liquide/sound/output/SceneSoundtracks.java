package org.liquide.sound.output;

import org.liquide.config.Problems;
import org.liquide.signal.SignalBus;
import org.liquide.sound.SceneSound;
import org.liquide.sound.SceneSoundReader;
import org.liquide.sound.decode.AudioDecoder;
import org.liquide.sound.decode.DecodedSound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each scene its soundtrack: when the show changes scene (on the scene player's thread), reads the
 * scene's {@code sound:} section, decodes its files into memory (kept for the scene on and the one before,
 * so that a return is quick), and hands the prepared {@link Soundtrack} to the output with the scene's
 * transition. A sound that cannot be read or decoded is logged and left out; the rest plays.
 */
public final class SceneSoundtracks {
    private static final Logger LOG = LoggerFactory.getLogger(SceneSoundtracks.class);

    private final Path scenesFolder;
    private final AudioOutput output;
    private final SignalBus bus;
    private Map<Path, DecodedSound> previous = Map.of();
    private Map<Path, DecodedSound> current = Map.of();

    public SceneSoundtracks(Path scenesFolder, AudioOutput output, SignalBus bus) {
        this.scenesFolder = scenesFolder;
        this.output = output;
        this.bus = bus;
    }

    /** The show now shows {@code scene}, crossfading over {@code transitionSeconds}. */
    public synchronized void sceneChanged(String scene, double transitionSeconds) {
        Problems problems = new Problems(scenesFolder.resolve(scene).resolve("scene.yaml").toString());
        SceneSound sound = SceneSoundReader.load(scenesFolder.resolve(scene), problems);
        if (problems.any()) {
            LOG.warn("scene '{}': its sound is left out: {}", scene, problems.inFileOrder());
            sound = SceneSound.NONE;
        }
        Map<Path, DecodedSound> decoded = new HashMap<>();
        for (Path file : sound.files()) {
            DecodedSound known = current.containsKey(file) ? current.get(file) : previous.get(file);
            try {
                decoded.put(file, known != null ? known : AudioDecoder.decode(file, AudioOutput.RATE, 2));
            } catch (IOException e) {
                LOG.warn("scene '{}': {} is left out: {}", scene, file.getFileName(), e.getMessage());
            }
        }
        SceneSound playable = new SceneSound(
                sound.beds().stream().filter(b -> decoded.containsKey(b.file())).toList(),
                sound.samples().stream().filter(s -> decoded.containsKey(s.file())).toList(),
                sound.synths(),
                sound.cues().stream().filter(c -> decoded.containsKey(c.file())).toList());
        previous = current;
        current = decoded;
        output.play(Soundtrack.prepare(scene, playable, decoded, bus), transitionSeconds);
    }
}
