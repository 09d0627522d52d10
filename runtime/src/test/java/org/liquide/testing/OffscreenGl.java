package org.liquide.testing;

import org.liquide.render.gl.EglOffscreenContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An offscreen OpenGL context (Mesa llvmpipe here, a GPU where there is one) current on the test
 * thread for the whole test class: {@code @ExtendWith(OffscreenGl.class)}.
 */
public final class OffscreenGl implements BeforeAllCallback, AfterAllCallback {
    private EglOffscreenContext context;

    @Override
    public void beforeAll(ExtensionContext extensionContext) {
        context = EglOffscreenContext.create();
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        if (context != null) {
            context.close();
        }
    }
}
