package org.liquide.showcase;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.hardware.wire.Names;
import org.liquide.sound.AudioConfig;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.AudioOutputSpec;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code audio}: the inputs the show listens to (a device, or a file looped for rehearsal), and its output. */
final class AudioReader {
    private final Problems problems;
    private final Path base;

    AudioReader(Problems problems, Path base) {
        this.problems = problems;
        this.base = base;
    }

    AudioConfig audio(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'audio'", "a mapping with inputs", problems);
        if (maybe.isEmpty()) {
            return AudioConfig.NONE;
        }
        YamlMapping audio = maybe.get();
        List<AudioInputSpec> inputs = audio.get("inputs").map(this::inputs).orElse(List.of());
        Optional<AudioOutputSpec> output = audio.get("output").flatMap(this::output);
        audio.rejectUnknown(List.of("inputs", "output"));
        return new AudioConfig(inputs, output);
    }

    private Optional<AudioOutputSpec> output(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'output'", "a mapping with device, gain and limit", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        String device = map.get("device").flatMap(n -> Scalars.text(n, "device", "default or a part of a device's name", problems))
                .orElse(AudioOutputSpec.DEFAULT.device());
        double gain = map.get("gain").map(n -> Scalars.number(n, "gain", -96, 24, "-96 to 24 dB", problems)
                .orElse(0)).orElse(AudioOutputSpec.DEFAULT.gainDb());
        double limit = map.get("limit").map(n -> Scalars.number(n, "limit", -60, 0, "-60 to 0 dBFS", problems)
                .orElse(-1)).orElse(AudioOutputSpec.DEFAULT.limitDb());
        map.rejectUnknown(List.of("device", "gain", "limit"));
        return Optional.of(new AudioOutputSpec(device, gain, limit));
    }

    private List<AudioInputSpec> inputs(Node node) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, "'inputs' must be a list of inputs ({name, device}, {name, url} or {name, file}), not " + Scalars.describe(node));
            return List.of();
        }
        List<AudioInputSpec> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : sequence.getValue()) {
            input(item).ifPresent(input -> {
                if (names.add(input.name())) {
                    inputs.add(input);
                } else {
                    problems.at(item, "two audio inputs are named '" + input.name() + "'");
                }
            });
        }
        return inputs;
    }

    /** The streams FFmpeg receives that a venue sends sound with; a local file is {@code file:}, not a URL. */
    private static final List<String> STREAM_SCHEMES = List.of("rtp", "rtsp", "rtsps", "srt", "udp", "tcp", "http", "https", "rtmp");
    private static final int URL_LIMIT = 2048;

    private Optional<URI> streamUrl(Node node, String text) {
        URI uri;
        try {
            uri = text.length() > URL_LIMIT ? null : new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !STREAM_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
            problems.at(node, "'url' must be a stream's URL (" + String.join(", ", STREAM_SCHEMES)
                    + ", with a host, at most " + URL_LIMIT + " characters), got " + Scalars.describe(node));
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private Optional<AudioInputSpec> input(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "an audio input", "a mapping with name and device, url or file", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        Optional<String> name = map.require("name", "the input's name in its signals (audio/<name>/level)")
                .flatMap(n -> Scalars.text(n, "name", "a name", problems).filter(text -> {
                    if (!Names.isValid(text)) {
                        problems.at(n, "'name' " + text + " cannot be used: " + Names.rule());
                        return false;
                    }
                    return true;
                }));
        Optional<String> device = map.get("device").flatMap(n -> Scalars.text(n, "device", "default or a part of a device's name", problems));
        Optional<Path> file = map.get("file").flatMap(n -> Scalars.text(n, "file", "a sound file", problems).flatMap(text -> {
            Path path = base.resolve(text).normalize();
            if (!Files.isRegularFile(path)) {
                problems.at(n, "file not found: " + text + " (looked at " + path + ")");
                return Optional.empty();
            }
            return Optional.of(path);
        }));
        Optional<URI> url = map.get("url").flatMap(n -> Scalars.text(n, "url", "a stream's URL", problems).flatMap(text -> streamUrl(n, text)));
        map.rejectUnknown(List.of("name", "device", "file", "url"));
        long sources = List.of("device", "file", "url").stream().filter(key -> map.get(key).isPresent()).count();
        if (sources > 1) {
            problems.at(node, "an audio input has one of device, file or url, not " + sources);
            return Optional.empty();
        }
        if ((map.get("file").isPresent() && file.isEmpty()) || (map.get("url").isPresent() && url.isEmpty())) {
            return Optional.empty();
        }
        AudioInputSpec.Source source = file.<AudioInputSpec.Source>map(AudioInputSpec.File::new)
                .or(() -> url.map(AudioInputSpec.Stream::new))
                .orElseGet(() -> new AudioInputSpec.Device(device.orElse(AudioInputSpec.Device.DEFAULT)));
        return name.map(n -> new AudioInputSpec(n, source));
    }
}
