package org.liquide.render.shader;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GlslDialectTest {
    @Test
    void translatesGlsl1ToCoreKeepingEveryLineInPlace() {
        String source = """
                #version 120
                #extension GL_OES_standard_derivatives : enable
                #extension GL_ARB_shader_bit_encoding : enable
                varying vec2 uv;
                void main() {
                    vec4 a = texture2D(inputImage, uv) + texture2DLod(inputImage, uv, 2.0);
                    gl_FragColor = a * vv_FragNormCoord.x;
                    gl_FragData[0] = a;
                    float texture2Dx = 1.0; // identifiers that merely start alike are kept
                }""";
        GlslDialect.Translated translated = GlslDialect.translate(source, GlslDialect.Stage.FRAGMENT);
        assertEquals(120, translated.version());
        assertEquals(List.of("#extension GL_ARB_shader_bit_encoding : enable",
                        "#extension GL_ARB_shading_language_420pack : enable"), translated.extensions(),
                "ES extensions that desktop GLSL has built in are dropped, others move after #version");
        assertTrue(translated.writesFragColor());
        List<String> lines = translated.body().lines().toList();
        assertEquals(source.lines().count(), lines.size(), "same number of lines");
        assertEquals("", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("in vec2 uv;", lines.get(3));
        assertEquals("    vec4 a = texture(inputImage, uv) + textureLod(inputImage, uv, 2.0);", lines.get(5));
        assertEquals("    isf_FragColor = a * isf_FragNormCoord.x;", lines.get(6));
        assertEquals("    isf_FragColor = a;", lines.get(7));
        assertEquals("    float texture2Dx = 1.0; // identifiers that merely start alike are kept", lines.get(8));
    }

    @Test
    void implicitConversionsOfIsfHostsComeFromExtensionsOnlyWhereTheVersionLacksThem() {
        assertEquals(List.of("#extension GL_ARB_shading_language_420pack : enable"),
                GlslDialect.implicitConversions("float f() { return 0; }", 0));
        assertEquals(List.of("#extension GL_ARB_shading_language_420pack : enable", "#extension GL_ARB_gpu_shader5 : enable"),
                GlslDialect.implicitConversions("uint code = 0;", 330), "int to uint only for files that use uint");
        assertEquals(List.of("#extension GL_ARB_shading_language_420pack : enable"),
                GlslDialect.implicitConversions("float sample = 1.0; int uints = 2;", 330),
                "gpu_shader5 reserves 'sample': not asked for without uint");
        assertEquals(List.of(), GlslDialect.implicitConversions("uvec2 v = uvec2(0);", 430), "4.30 has both built in");
    }

    @Test
    void vertexShadersGetOutputsAndInputs() {
        GlslDialect.Translated translated = GlslDialect.translate("attribute vec4 position;\nvarying vec2 uv;\nvoid main() { vv_vertShaderInit(); }",
                GlslDialect.Stage.VERTEX);
        assertEquals("in vec4 position;\nout vec2 uv;\nvoid main() { isf_vertShaderInit(); }", translated.body());
        assertFalse(translated.writesFragColor());
    }

    @Test
    void modernShadersAreLeftAlone() {
        String source = "out vec4 fragColor;\nvoid main() { fragColor = texture(inputImage, isf_FragNormCoord); }";
        GlslDialect.Translated translated = GlslDialect.translate(source, GlslDialect.Stage.FRAGMENT);
        assertEquals(source, translated.body());
        assertFalse(translated.writesFragColor());
    }
}
