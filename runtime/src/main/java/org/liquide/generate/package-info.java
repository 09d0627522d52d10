/**
 * Image generation with local models, run through DJL's ONNX Runtime engine and steered live.
 *
 * <p>An {@link org.liquide.generate.ImageGenerator} makes one RGB image from a camera frame and
 * {@link org.liquide.generate.GenerationParams}. {@link org.liquide.generate.factory.GeneratorFactory} opens one from a
 * {@link org.liquide.generate.ModelSpec}: {@code builtin} (a CPPN the project writes itself, no weights), an
 * image-to-image {@code .onnx} file, or a diffusers ONNX export folder (SD-Turbo or LCM img2img).
 * A {@link org.liquide.generate.worker.GeneratorWorker} runs a generator on its own thread between latest-wins
 * handoffs, so the render loop never waits for a model, and falls back to the CPPN whenever a model fails.
 *
 * <p>Sub-packages: {@code onnx} (the ONNX writer and reader), {@code engine} (DJL sessions and reusable
 * tensors), {@code image} (frames to tensors and back), {@code cppn}, {@code img2img}, {@code diffusion}
 * (tokenizers, schedulers, pipeline), {@code worker}.
 */
package org.liquide.generate;
