package org.liquide.show;

import org.liquide.show.status.SoundStatus;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.input.AudioInput;
import org.liquide.sound.input.AudioInputs;
import org.liquide.sound.output.AudioOutput;

import java.util.Optional;

/** The sound part of the status: reads the inputs' and the output's volatile fields, never waiting on their threads. */
final class SoundReport {
    private SoundReport() {
    }

    /** @param output null when the showcase has no output */
    static SoundStatus of(AudioInputs inputs, AudioOutput output) {
        return new SoundStatus(inputs.inputs().stream().map(SoundReport::input).toList(), Optional.ofNullable(output).map(SoundReport::output));
    }

    private static SoundStatus.Input input(AudioInput input) {
        String device = switch (input.spec().source()) {
            case AudioInputSpec.Device d -> d.name();
            case AudioInputSpec.Stream stream -> "stream " + stream.uri().getScheme() + "://" + stream.uri().getHost()
                    + (stream.uri().getPort() < 0 ? "" : ":" + stream.uri().getPort()); // never its credentials
            case AudioInputSpec.File f -> "file " + f.path().getFileName();
        };
        String state = switch (input.state()) {
            case LISTENING -> "online";
            case OPENING -> "stale";
            case LOST -> "lost";
            case CLOSED -> "offline";
        };
        return new SoundStatus.Input(input.name(), device, state, input.levelDb(), input.peakDb(), input.outages(), input.problem());
    }

    private static SoundStatus.Output output(AudioOutput output) {
        String state = switch (output.state()) {
            case PLAYING -> "online";
            case OPENING -> "stale";
            case LOST -> "lost";
            case CLOSED -> "offline";
        };
        String mutedBy = output.isBlackedOut() ? "blackout" : output.isAsleep() ? "sleep" : "";
        return new SoundStatus.Output(output.spec().device(), state, output.spec().gainDb(), output.spec().limitDb(),
                output.underruns(), output.outages(), mutedBy, output.problem());
    }
}
