package org.liquide.generate.cppn;

import org.junit.jupiter.api.Test;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.TestImages;
import org.liquide.generate.engine.EngineOptions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CppnGeneratorTest {
    private static VideoFrame generate(CppnGenerator generator, VideoFrame input, GenerationParams params)
            throws Exception {
        VideoFrame output = new VideoFrame();
        generator.generate(input, params, output);
        return output;
    }

    @Test
    void answersItsLatentVector() throws Exception {
        try (CppnGenerator generator = new CppnGenerator(96, 64, 7, EngineOptions.cpu())) {
            VideoFrame none = new VideoFrame();
            GenerationParams params = new GenerationParams().seed(7);
            VideoFrame first = generate(generator, none, params);
            VideoFrame again = generate(generator, none, params);
            assertArrayEquals(TestImages.bytes(first), TestImages.bytes(again), "same latent, same image");
            assertEquals(96, first.width());
            assertEquals(64, first.height());
            assertTrue(TestImages.contrast(first) > 20, "a pattern, not a flat colour");

            params.latent()[2] = 0.8f;
            params.latent()[5] = -0.6f;
            VideoFrame moved = generate(generator, none, params);
            assertTrue(TestImages.meanAbsDifference(first, moved) > 8,
                    "a different latent gives a measurably different image: "
                            + TestImages.meanAbsDifference(first, moved));

            params.latent()[2] = 0.02f;
            params.latent()[5] = 0f;
            VideoFrame nudged = generate(generator, none, params);
            double small = TestImages.meanAbsDifference(first, nudged);
            assertTrue(small > 0 && small < TestImages.meanAbsDifference(first, moved),
                    "a small move changes the image a little: " + small);
        }
    }

    @Test
    void theSeedPicksTheNetwork() throws Exception {
        try (CppnGenerator generator = new CppnGenerator(64, 64, 1, EngineOptions.cpu())) {
            VideoFrame none = new VideoFrame();
            VideoFrame one = generate(generator, none, new GenerationParams().seed(1));
            VideoFrame two = generate(generator, none, new GenerationParams().seed(2));
            VideoFrame oneAgain = generate(generator, none, new GenerationParams().seed(1));
            assertTrue(TestImages.meanAbsDifference(one, two) > 8);
            assertArrayEquals(TestImages.bytes(one), TestImages.bytes(oneAgain));
        }
        try (CppnGenerator other = new CppnGenerator(64, 64, 1, EngineOptions.cpu())) {
            VideoFrame fresh = generate(other, new VideoFrame(), new GenerationParams().seed(1));
            try (CppnGenerator reference = new CppnGenerator(64, 64, 1, EngineOptions.cpu())) {
                assertArrayEquals(TestImages.bytes(generate(reference, new VideoFrame(), new GenerationParams().seed(1))),
                        TestImages.bytes(fresh), "a seed builds the same network every time");
            }
        }
    }

    /**
     * A show changes scene thousands of times and its visitors draw new seeds: none of that opens an ONNX Runtime
     * session once the first is open (each opened session left native memory behind after closing).
     */
    @Test
    void newSeedsAndNewGeneratorsRunInTheSessionAlreadyOpen() throws Exception {
        org.liquide.generate.engine.SessionPool pool = org.liquide.generate.engine.SessionPool.shared();
        try (CppnGenerator warm = new CppnGenerator(32, 32, 1, EngineOptions.cpu())) {
            generate(warm, new VideoFrame(), new GenerationParams().seed(1));
        }
        long opened = pool.opened();
        VideoFrame previous = null;
        for (int scene = 0; scene < 20; scene++) {
            try (CppnGenerator generator = new CppnGenerator(32 + scene, 24, scene, List.of("mot " + scene), EngineOptions.cpu())) {
                for (long seed = 0; seed < 5; seed++) {
                    VideoFrame image = generate(generator, new VideoFrame(), new GenerationParams().seed(seed * 31 + scene));
                    if (previous != null && previous.width() == image.width()) {
                        assertTrue(TestImages.meanAbsDifference(previous, image) > 1, "a new seed, a new picture");
                    }
                    previous = image;
                }
            }
        }
        assertEquals(opened, pool.opened(), "20 generators and 100 seeds opened no session");
    }

    /** Without a model that reads text, the prompt's words seed the network: another word, another picture. */
    @Test
    void thePromptsWordsMoveThePictureTheSameWordsTheSamePicture() throws Exception {
        List<String> prompts = List.of("un portrait d'un médecin", "un portrait d'une infirmière");
        try (CppnGenerator generator = new CppnGenerator(64, 64, 5, prompts, EngineOptions.cpu())) {
            VideoFrame none = new VideoFrame();
            VideoFrame first = generate(generator, none, new GenerationParams().seed(5).promptBlend(0));
            VideoFrame second = generate(generator, none, new GenerationParams().seed(5).promptBlend(1));
            VideoFrame firstAgain = generate(generator, none, new GenerationParams().seed(5).promptBlend(0.2f));
            assertTrue(TestImages.meanAbsDifference(first, second) > 8, "one word changed, the picture changed");
            assertArrayEquals(TestImages.bytes(first), TestImages.bytes(firstAgain), "the nearest prompt decides");
        }
        try (CppnGenerator spaced = new CppnGenerator(64, 64, 5, List.of("Un portrait, d'un   MÉDECIN"), EngineOptions.cpu());
             CppnGenerator plain = new CppnGenerator(64, 64, 5, List.of("un portrait d'un médecin"), EngineOptions.cpu())) {
            assertArrayEquals(TestImages.bytes(generate(plain, new VideoFrame(), new GenerationParams().seed(5))),
                    TestImages.bytes(generate(spaced, new VideoFrame(), new GenerationParams().seed(5))),
                    "case, punctuation and spacing do not count: only the words");
        }
    }

    @Test
    void cameraMixBlendsTheCameraIn() throws Exception {
        VideoFrame camera = TestImages.sceneFrame(64, 48, 0);
        try (CppnGenerator generator = new CppnGenerator(64, 48, 3, EngineOptions.cpu())) {
            VideoFrame full = generate(generator, camera, new GenerationParams().seed(3).cameraMix(1f));
            assertTrue(TestImages.meanAbsDifference(camera, full) < 1.5, "mix 1 shows the camera");
            VideoFrame none = generate(generator, camera, new GenerationParams().seed(3).cameraMix(0f));
            VideoFrame half = generate(generator, camera, new GenerationParams().seed(3).cameraMix(0.5f));
            double toCamera = TestImages.meanAbsDifference(camera, half);
            assertTrue(toCamera < TestImages.meanAbsDifference(camera, none) && toCamera > 1.5,
                    "mix 0.5 lies between the network and the camera");
        }
    }

    /** Frame after frame the generator writes into the same memory; its speed is measured by `liquide bench` (cppn-256). */
    @Test
    void aStreamOfFramesReusesTheOutputMemoryAndFollowsTheLatent() throws Exception {
        try (CppnGenerator generator = new CppnGenerator(256, 256, 1, EngineOptions.cpu())) {
            VideoFrame camera = TestImages.sceneFrame(320, 240, 0);
            VideoFrame output = new VideoFrame();
            GenerationParams params = new GenerationParams().seed(1);
            generator.generate(camera, params, output);
            long memory = org.lwjgl.system.MemoryUtil.memAddress(output.pixels());
            VideoFrame first = new VideoFrame();
            first.copyFrom(output);
            for (int i = 1; i <= 60; i++) {
                params.latent()[0] = i / 60f;
                generator.generate(camera, params, output);
                assertEquals(memory, org.lwjgl.system.MemoryUtil.memAddress(output.pixels()), "frame " + i + " in the same memory");
            }
            assertTrue(TestImages.meanAbsDifference(first, output) > 1, "the image moved with the latent");
            first.free();
            output.free();
        }
    }
}
