package org.liquide.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How long and how large each benchmark runs. {@link #full} is what the documented table comes from;
 * {@link #quick} proves every benchmark works in well under two minutes (CI) and its figures are not
 * to be judged; {@link #tiny} is for the unit tests.
 *
 * @param profile                 full, quick or tiny: printed in the report
 * @param workDir                 where test videos and the tiny diffusion model are made (kept between runs)
 * @param shaderFile              the ISF filter of the compositor benchmark (null: find scenes/_shaders/soft-glow.fs)
 * @param windows                 repeated measurement windows per figure (the medians and spreads are over these)
 * @param compositorSizes         output sizes of the compositor benchmark
 * @param cameraVideo             size of the camera video the compositor, demo and latency runs play (30 fps, looped)
 * @param cameraVideoFrames       its length in frames
 * @param generatorSize           side of the procedural generator's square images
 * @param warmUpSeconds           time each renderer runs before it is measured (JIT, shader compilation)
 * @param windowSeconds           length of one measurement window of the compositor
 * @param ingestVideo             size of the H.264 ingest video (30 fps)
 * @param ingestFrames            its length in frames
 * @param demoSize                output size of the allocation run of the demo
 * @param allocationWarmUpFrames  frames before the allocation is counted (the JIT settles in about 2000)
 * @param allocationWindowFrames  frames per allocation window
 * @param cppnSizes               sides of the CPPN benchmark images
 * @param generationWindowSeconds length of one generation measurement window
 * @param diffusionSize           side of the tiny diffusion model's images
 * @param latencySize             output size of the latency run
 * @param latencySeconds          how long the latency run lasts
 * @param scaling                 what the scaling table varies, and its windows
 */
public record BenchConfig(String profile, Path workDir, Path shaderFile, int windows,
                          List<Size> compositorSizes, Size cameraVideo, int cameraVideoFrames, int generatorSize,
                          double warmUpSeconds, double windowSeconds,
                          Size ingestVideo, int ingestFrames,
                          Size demoSize, int allocationWarmUpFrames, int allocationWindowFrames,
                          List<Integer> cppnSizes, double generationWindowSeconds, int diffusionSize,
                          Size latencySize, double latencySeconds, Scaling scaling) {

    /** An image size. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /**
     * The scaling table's configurations: the base scene (one full-frame still) at each size, and at the
     * first size each of these added to it, one at a time.
     *
     * @param sizes          output sizes of the base scene (the first is where the others are measured)
     * @param extraLayers    numbers of extra full-frame still layers
     * @param generators     numbers of procedural generator layers
     * @param displays       numbers of offscreen displays
     * @param warmUpSeconds  time each configuration runs before it is measured
     * @param windowSeconds  length of one measurement window
     */
    public record Scaling(List<Size> sizes, List<Integer> extraLayers, List<Integer> generators, List<Integer> displays,
                          double warmUpSeconds, double windowSeconds) {
    }

    public static BenchConfig full(Path workDir) {
        return new BenchConfig("full", workDir, null, 5,
                List.of(new Size(1280, 720), new Size(1920, 1080)), new Size(1280, 720), 300, 512,
                5, 6,
                new Size(1920, 1080), 150,
                new Size(1280, 720), 2000, 400,
                List.of(256, 512), 3, 512,
                new Size(1280, 720), 30,
                new Scaling(List.of(new Size(1280, 720), new Size(1920, 1080), new Size(3840, 2160)), List.of(1, 2, 4),
                        List.of(1, 2), List.of(1, 2), 2, 2));
    }

    public static BenchConfig quick(Path workDir) {
        return new BenchConfig("quick", workDir, null, 2,
                List.of(new Size(1280, 720), new Size(1920, 1080)), new Size(1280, 720), 60, 512,
                0.5, 1,
                new Size(1920, 1080), 30,
                new Size(320, 180), 100, 50,
                List.of(256, 512), 0.5, 256,
                new Size(640, 360), 4,
                new Scaling(List.of(new Size(1280, 720)), List.of(1), List.of(1), List.of(1), 0.5, 0.5));
    }

    /** Tiny sizes and short windows: for tests that check the report's structure, never its figures. */
    public static BenchConfig tiny(Path workDir) {
        return new BenchConfig("tiny", workDir, null, 2,
                List.of(new Size(160, 90), new Size(192, 108)), new Size(160, 90), 30, 64,
                0.2, 0.3,
                new Size(320, 180), 60,
                new Size(160, 90), 30, 15,
                List.of(32, 64), 0.2, 64,
                new Size(160, 90), 2,
                new Scaling(List.of(new Size(160, 90), new Size(192, 108)), List.of(1), List.of(1), List.of(1), 0.2, 0.2));
    }

    public BenchConfig withShaderFile(Path file) {
        return new BenchConfig(profile, workDir, file, windows, compositorSizes, cameraVideo, cameraVideoFrames,
                generatorSize, warmUpSeconds, windowSeconds, ingestVideo, ingestFrames, demoSize,
                allocationWarmUpFrames, allocationWindowFrames, cppnSizes, generationWindowSeconds, diffusionSize,
                latencySize, latencySeconds, scaling);
    }

    public boolean quickOrTiny() {
        return !profile.equals("full");
    }
}
