package org.liquide.show.status;

import java.time.Instant;
import java.util.List;

/**
 * Everything the control panel shows, as one immutable snapshot (serialised as JSON by the API).
 *
 * @param showcase    the showcase's name
 * @param machine     this runtime's name on the broker (several render machines may share a room)
 * @param time        when the snapshot was taken
 * @param scene       the scene on screen
 * @param sceneDescription what the scene is about, in its artist's words ({@code description} in scene.yaml; empty if none)
 * @param nextScene   the playlist's next scene (empty when there is none)
 * @param nextInSeconds seconds until the playlist moves on (-1 when it does not)
 * @param blackout    outputs faded to black on purpose
 * @param asleep      outside opening hours or put to sleep
 * @param asleepUntil while asleep outside opening hours, when the show opens ({@code 11:00 (Europe/Paris)});
 *                    empty otherwise
 * @param rehearsal   simulated sensors can be played from the panel
 * @param inputs      per signal source, messages taken and refused (by reason)
 * @param problem     the last edit or scene change that was refused (a shader, sketch or scene file with
 *                    an error, and where), empty once the next one worked
 * @param sound       the audio inputs and output ({@link SoundStatus#NONE} without)
 */
public record ShowStatus(String showcase, String machine, Instant time, String scene, String sceneDescription,
                         String nextScene,
                         double nextInSeconds, boolean blackout, boolean asleep, String asleepUntil, boolean rehearsal, String problem,
                         FrameStatus frames, List<OutputStatus> outputs, List<GeneratorStatus> generators,
                         List<SignalStatus> signals, List<DeviceStatus> cameras, List<DeviceStatus> nodes,
                         List<DeviceStatus> runtimes, List<InputStatus> inputs, SoundStatus sound) {
    public ShowStatus {
        inputs = List.copyOf(inputs);
        java.util.Objects.requireNonNull(sound, "sound");
    }

    /** Without sound. */
    public ShowStatus(String showcase, String machine, Instant time, String scene, String sceneDescription,
                      String nextScene,
                      double nextInSeconds, boolean blackout, boolean asleep, String asleepUntil, boolean rehearsal, String problem,
                      FrameStatus frames, List<OutputStatus> outputs, List<GeneratorStatus> generators,
                      List<SignalStatus> signals, List<DeviceStatus> cameras, List<DeviceStatus> nodes,
                      List<DeviceStatus> runtimes, List<InputStatus> inputs) {
        this(showcase, machine, time, scene, sceneDescription, nextScene, nextInSeconds, blackout, asleep, asleepUntil, rehearsal,
                problem, frames, outputs, generators, signals, cameras, nodes, runtimes, inputs, SoundStatus.NONE);
    }

    /** The same snapshot with {@code sound}. */
    public ShowStatus withSound(SoundStatus sound) {
        return new ShowStatus(showcase, machine, time, scene, sceneDescription, nextScene, nextInSeconds, blackout, asleep,
                asleepUntil, rehearsal, problem, frames, outputs, generators, signals, cameras, nodes, runtimes, inputs, sound);
    }
}
