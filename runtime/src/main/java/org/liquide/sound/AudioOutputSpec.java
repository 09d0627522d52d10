package org.liquide.sound;

/**
 * Where and how loud the show sounds, {@code showcase.yaml}'s {@code audio: output:}.
 *
 * @param device  {@code default} or a part of a playback device's name
 * @param gainDb  the master gain
 * @param limitDb the limiter's ceiling in dBFS: no sample leaves louder, whatever the mappings do
 */
public record AudioOutputSpec(String device, double gainDb, double limitDb) {
    public static final AudioOutputSpec DEFAULT = new AudioOutputSpec("default", 0, -1);
}
