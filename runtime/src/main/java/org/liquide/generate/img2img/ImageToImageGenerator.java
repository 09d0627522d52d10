package org.liquide.generate.img2img;

import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.SessionPool;
import org.liquide.generate.engine.ProviderChoice;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.image.FrameReader;
import org.liquide.generate.image.FrameWriter;
import org.liquide.generate.image.Layout;
import org.liquide.generate.image.ValueRange;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs an {@link ImageToImageContract image-to-image} ONNX model (style transfer, stylisation, any
 * float-image-in float-image-out network) on each camera frame.
 */
public final class ImageToImageGenerator implements ImageGenerator {
    private final String name;
    private final ModelSession session;
    private final int width;
    private final int height;
    private final int runWidth;
    private final int runHeight;
    private final TensorBuffer in;
    private final TensorBuffer out;
    private final List<TensorBuffer> inputs;
    private final List<TensorBuffer> outputs;
    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();

    public ImageToImageGenerator(Path model, int width, int height, EngineOptions engineOptions)
            throws ModelLoadException {
        this.name = model.getFileName().toString();
        this.session = SessionPool.shared().load(model, engineOptions);
        try {
            ImageToImageContract contract = ImageToImageContract.check(model.toString(), session.inputs(),
                    session.outputs());
            this.width = width;
            this.height = height;
            this.runWidth = contract.fixedWidth() > 0 ? (int) contract.fixedWidth() : width;
            this.runHeight = contract.fixedHeight() > 0 ? (int) contract.fixedHeight() : height;
            this.in = session.bufferFor(contract.input()).reshape(1, 3, runHeight, runWidth);
            this.out = session.bufferFor(contract.output());
            this.inputs = List.of(in);
            this.outputs = List.of(out);
        } catch (ModelLoadException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return session.device();
    }

    @Override
    public ProviderChoice provider() {
        return session.provider();
    }

    @Override
    public void generate(VideoFrame input, GenerationParams params, VideoFrame output) {
        reader.read(input, runWidth, runHeight, in, Layout.PLANAR, ValueRange.UNIT);
        session.run(inputs, outputs);
        if (out.shape().length != 4 || out.dim(1) != 3) {
            throw new IllegalStateException(name + " produced " + out + ", expected [1, 3, height, width]");
        }
        int outHeight = (int) out.dim(2);
        int outWidth = (int) out.dim(3);
        writer.write(out, outWidth, outHeight, Layout.PLANAR, ValueRange.UNIT, output, width, height);
    }

    /** The size the model runs at: its own when fixed, the requested one when dynamic. */
    public int runWidth() {
        return runWidth;
    }

    public int runHeight() {
        return runHeight;
    }

    @Override
    public List<ModelDescription> describe() {
        return List.of(new ModelDescription(name, session.device(), session.inputs(), session.outputs()));
    }

    @Override
    public void close() {
        session.close();
        reader.close();
        writer.close();
    }
}
