package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.liquide.render.shader.InputSpec.Vec2;
import org.liquide.render.shader.InputSpec.Vec4;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class IsfHeaderParserTest {
    private static final Path DIR = Path.of("/shows/paris");

    private static IsfHeader parse(String text) throws ShaderException {
        IsfHeaderParser.Split split = IsfHeaderParser.split(text).orElseThrow();
        return IsfHeaderParser.parse("test.fs", text, split, DIR).header();
    }

    private static ShaderException failure(String text) {
        IsfHeaderParser.Split split = IsfHeaderParser.split(text).orElseThrow();
        return assertThrows(ShaderException.class, () -> IsfHeaderParser.parse("test.fs", text, split, DIR));
    }

    @Test
    void readsTheDescriptiveAttributes() throws Exception {
        IsfHeader header = parse("""
                /*{
                    "DESCRIPTION": "Ink in water",
                    "CREDIT": "Liquide",
                    "ISFVSN": "2.0",
                    "VSN": "1.3",
                    "CATEGORIES": ["Feedback", "Liquid"]
                }*/
                void main() { gl_FragColor = vec4(1.0); }
                """);
        assertEquals("Ink in water", header.description());
        assertEquals("Liquide", header.credit());
        assertEquals("2.0", header.isfVersion());
        assertEquals("1.3", header.version());
        assertEquals(List.of("Feedback", "Liquid"), header.categories());
        assertEquals(List.of(PassSpec.single()), header.passes(), "no PASSES: one pass into the output");
        assertFalse(header.isFilter());
    }

    @Test
    void readsEveryInputType() throws Exception {
        IsfHeader header = parse("""
                /*{
                    "INPUTS": [
                        { "NAME": "inputImage", "TYPE": "image" },
                        { "NAME": "flash", "TYPE": "event", "LABEL": "Flash!" },
                        { "NAME": "invert", "TYPE": "bool", "DEFAULT": true },
                        { "NAME": "mode", "TYPE": "long", "VALUES": [0, 1, 2], "LABELS": ["calm", "wavy", "wild"], "DEFAULT": 1 },
                        { "NAME": "steps", "TYPE": "long", "MIN": 1, "MAX": 8 },
                        { "NAME": "speed", "TYPE": "float", "MIN": 0.0, "MAX": 4.0, "DEFAULT": 1.5 },
                        { "NAME": "mix", "TYPE": "float" },
                        { "NAME": "center", "TYPE": "point2D", "DEFAULT": [0.5, 0.25], "MIN": [0, 0], "MAX": [1, 1] },
                        { "NAME": "tint", "TYPE": "color", "DEFAULT": [1.0, 0.5, 0.0, 1.0] },
                        { "NAME": "paper", "TYPE": "image" },
                        { "NAME": "sound", "TYPE": "audioFFT", "MAX": 64 }
                    ]
                }*/
                """);
        List<InputSpec> inputs = header.inputs();
        assertEquals(11, inputs.size());
        assertTrue(header.isFilter(), "an image input named inputImage makes a filter");
        assertEquals(new InputSpec.ImageInput("inputImage", "inputImage", 3), inputs.get(0));
        assertEquals(new InputSpec.EventInput("flash", "Flash!", 4), inputs.get(1));
        assertEquals(new InputSpec.BoolInput("invert", "invert", 5, true), inputs.get(2));
        assertEquals(new InputSpec.LongInput("mode", "mode", 6, 1, 0, 2, List.of(0, 1, 2), List.of("calm", "wavy", "wild")), inputs.get(3));
        assertEquals(new InputSpec.LongInput("steps", "steps", 7, 1, 1, 8, List.of(), List.of()), inputs.get(4));
        assertEquals(new InputSpec.FloatInput("speed", "speed", 8, 1.5f, 0f, 4f), inputs.get(5));
        assertEquals(new InputSpec.FloatInput("mix", "mix", 9, 0.5f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), inputs.get(6),
                "no MIN/MAX: not clamped; no DEFAULT: the middle of 0..1, as in the reference implementation");
        assertEquals(new InputSpec.Point2DInput("center", "center", 10, new Vec2(0.5f, 0.25f), new Vec2(0, 0), new Vec2(1, 1)), inputs.get(7));
        assertEquals(new InputSpec.ColorInput("tint", "tint", 11, new Vec4(1f, 0.5f, 0f, 1f), new Vec4(0, 0, 0, 0), new Vec4(1, 1, 1, 1)), inputs.get(8));
        assertEquals(new InputSpec.ImageInput("paper", "paper", 12), inputs.get(9));
        assertEquals(new InputSpec.AudioInput("sound", "sound", 13, true, 64), inputs.get(10));
    }

    @Test
    void audioInputsWithoutMaxTakeTheNativeSamplesAndBinsWithoutAWarning() throws Exception {
        String text = """
                /*{ "INPUTS": [ { "NAME": "wave", "TYPE": "audio" }, { "NAME": "fft", "TYPE": "audioFFT" } ] }*/
                """;
        IsfHeaderParser.Parsed parsed = IsfHeaderParser.parse("test.fs", text, IsfHeaderParser.split(text).orElseThrow(), DIR);
        assertTrue(parsed.warnings().isEmpty(), parsed.warnings().toString());
        assertEquals(new InputSpec.AudioInput("wave", "wave", 1, false, 1024), parsed.header().inputs().get(0));
        assertEquals(new InputSpec.AudioInput("fft", "fft", 1, true, 512), parsed.header().inputs().get(1));
    }

    @Test
    void attributesInAnotherCaseAreReadAsTheirUpperCaseSpellingWithAWarningAndHostExtensionsSilently() throws Exception {
        String text = """
                /*{
                    "INPUTS": [ { "NAME": "a", "TYPE": "float", "GROUP": "Motion", "Default": 0.2, "max": 4 } ],
                    "PASSES": [ { "target": "trail", "persistent": true, "Float": "YES" }, { "PERSISTENT": false, "persistent": 1 } ]
                }*/
                """;
        IsfHeaderParser.Parsed parsed = IsfHeaderParser.parse("test.fs", text, IsfHeaderParser.split(text).orElseThrow(), DIR);
        PassSpec trail = parsed.header().passes().getFirst();
        assertEquals("trail", trail.target().orElseThrow());
        assertTrue(trail.persistent(), "the public collection writes \"persistent\" and means it");
        assertTrue(trail.floatBuffer());
        assertFalse(parsed.header().passes().get(1).persistent(), "the upper-case spelling wins when both are given");
        InputSpec.FloatInput a = (InputSpec.FloatInput) parsed.header().inputs().getFirst();
        assertEquals(0.2f, a.defaultValue());
        assertEquals(Float.NEGATIVE_INFINITY, a.min(), "MIN missing: no lower bound");
        assertEquals(4f, a.max());
        assertEquals(List.of(
                "test.fs:2:79: warning: \"Default\" is read as \"DEFAULT\": ISF attributes are upper case",
                "test.fs:2:91: warning: \"max\" is read as \"MAX\": ISF attributes are upper case",
                "test.fs:3:29: warning: \"target\" is read as \"TARGET\": ISF attributes are upper case",
                "test.fs:3:52: warning: \"persistent\" is read as \"PERSISTENT\": ISF attributes are upper case",
                "test.fs:3:67: warning: \"Float\" is read as \"FLOAT\": ISF attributes are upper case",
                "test.fs:3:113: warning: \"persistent\" is ignored: \"PERSISTENT\" is given too"),
                parsed.warnings().stream().map(Diagnostic::format).toList());
    }

    @Test
    void rangesWrittenMaxFirstAreReadSmallestFirstWithAWarningAndTheReferenceHostsDefault() throws Exception {
        String text = """
                /*{
                    "INPUTS": [
                        { "NAME": "size", "TYPE": "float", "MIN": 1.0, "MAX": 0.05, "DEFAULT": 0.001 },
                        { "NAME": "count", "TYPE": "long", "MIN": 8, "MAX": 2, "DEFAULT": 20 },
                        { "NAME": "at", "TYPE": "point2D", "MIN": [1, 0], "MAX": [0, 1], "DEFAULT": [0.5, 0.5] }
                    ]
                }*/
                """;
        IsfHeaderParser.Parsed parsed = IsfHeaderParser.parse("test.fs", text, IsfHeaderParser.split(text).orElseThrow(), DIR);
        InputSpec.FloatInput size = (InputSpec.FloatInput) parsed.header().inputs().get(0);
        assertEquals(0.05f, size.min());
        assertEquals(1f, size.max());
        assertEquals(1f, size.defaultValue(), "below MIN as written: MIN, as the reference host");
        InputSpec.LongInput count = (InputSpec.LongInput) parsed.header().inputs().get(1);
        assertEquals(2, count.min());
        assertEquals(8, count.max());
        assertEquals(8, count.defaultValue());
        InputSpec.Point2DInput at = (InputSpec.Point2DInput) parsed.header().inputs().get(2);
        assertEquals(new InputSpec.Vec2(0f, 0f), at.min());
        assertEquals(new InputSpec.Vec2(1f, 1f), at.max());
        assertEquals(List.of(
                "test.fs:3:51: warning: input 'size': MIN 1.0 is greater than MAX 0.05: read as the range 0.05 to 1.0",
                "test.fs:4:51: warning: input 'count': MIN 8 is greater than MAX 2: read as the range 2 to 8",
                "test.fs:5:51: warning: input 'at': MIN 1.0 is greater than MAX 0.0: read as the range 0.0 to 1.0"),
                parsed.warnings().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aKeyGivenTwiceInAnObjectTakesTheLastValueWithAWarning() throws Exception {
        String text = """
                /*{
                    "DESCRIPTION": "first",
                    "INPUTS": [ { "NAME": "a", "TYPE": "float", "DEFAULT": 0.1, "DEFAULT": 0.3 } ],
                    "DESCRIPTION": "second"
                }*/
                """;
        IsfHeaderParser.Parsed parsed = IsfHeaderParser.parse("test.fs", text, IsfHeaderParser.split(text).orElseThrow(), DIR);
        assertEquals("second", parsed.header().description());
        assertEquals(0.3f, ((InputSpec.FloatInput) parsed.header().inputs().getFirst()).defaultValue());
        assertEquals(List.of(
                "test.fs:3:65: warning: \"DEFAULT\" is given twice in this object: the last one counts",
                "test.fs:4:5: warning: \"DESCRIPTION\" is given twice in this object: the last one counts"),
                parsed.warnings().stream().map(Diagnostic::format).toList());
    }

    @Test
    void readsPassesWithTargetsPersistenceFloatAndSizeExpressions() throws Exception {
        IsfHeader header = parse("""
                /*{
                    "INPUTS": [ { "NAME": "blurAmount", "TYPE": "float", "DEFAULT": 2 } ],
                    "PASSES": [
                        { "TARGET": "small", "WIDTH": "floor($WIDTH / $blurAmount)", "HEIGHT": "$HEIGHT/4" },
                        { "TARGET": "trail", "PERSISTENT": true, "FLOAT": true },
                        { "TARGET": "legacy", "PERSISTENT": "YES", "FLOAT": 1, "WIDTH": 64, "HEIGHT": 1 },
                        { }
                    ]
                }*/
                """);
        assertEquals(List.of(
                new PassSpec(Optional.of("small"), false, false, Optional.of("floor($WIDTH / $blurAmount)"), Optional.of("$HEIGHT/4"), 4),
                new PassSpec(Optional.of("trail"), true, true, Optional.empty(), Optional.empty(), 5),
                new PassSpec(Optional.of("legacy"), true, true, Optional.of("64"), Optional.of("1"), 6),
                new PassSpec(Optional.empty(), false, false, Optional.empty(), Optional.empty(), 7)), header.passes());
    }

    @Test
    void readsImportedImagesByKeyOrByNameRelativeToTheFile() throws Exception {
        IsfHeader byKey = parse("""
                /*{ "IMPORTED": { "paper": { "PATH": "textures/paper.png" }, "dust": { "PATH": "../dust.jpg" } } }*/
                """);
        assertEquals(List.of(new ImportSpec("paper", Path.of("/shows/paris/textures/paper.png"), 1),
                new ImportSpec("dust", Path.of("/shows/dust.jpg"), 1)), byKey.imports());
        IsfHeader byName = parse("""
                /*{
                  "IMPORTED": [ { "NAME": "noise", "PATH": "noise.png" } ]
                }*/
                """);
        assertEquals(List.of(new ImportSpec("noise", Path.of("/shows/paris/noise.png"), 2)), byName.imports());
    }

    @Test
    void aJsonSyntaxErrorNamesTheLineAndColumnInTheFile() {
        ShaderException e = failure("""
                // A comment before the header is allowed.
                /*{
                    "DESCRIPTION": "missing comma below",
                    "INPUTS": [
                        { "NAME": "a", "TYPE": "float" }
                        { "NAME": "b", "TYPE": "float" }
                    ]
                }*/
                """);
        Diagnostic error = e.first();
        assertEquals("test.fs", error.file());
        assertEquals(6, error.line());
        assertEquals(9, error.column());
        assertTrue(error.message().startsWith("invalid JSON in the ISF header"), error.message());
        assertTrue(e.getMessage().startsWith("test.fs:6:9: error: invalid JSON"), e.getMessage());
    }

    @Test
    void wrongAttributesNameTheLineAndColumnOfTheirValue() {
        ShaderException e = failure("""
                /*{
                    "INPUTS": [
                        { "NAME": "speed", "TYPE": "float" },
                        { "NAME": "colour",
                          "TYPE": "vec3" },
                        { "NAME": "speed", "TYPE": "bool" },
                        { "NAME": "bad name", "TYPE": "float" },
                        { "NAME": "n", "TYPE": "float", "MIN": "low" },
                        { "NAME": "TIME", "TYPE": "float" }
                    ],
                    "PASSES": [ { "TARGET": "a", "WIDTH": "$WIDTH / $nope" } ]
                }*/
                """);
        List<String> messages = e.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(6, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith("test.fs:5:19: error: input 'colour' has unknown TYPE \"vec3\""), messages.get(0));
        assertTrue(messages.get(1).startsWith("test.fs:6:19: error: the name 'speed' is used twice"), messages.get(1));
        assertTrue(messages.get(2).startsWith("test.fs:7:19: error: 'bad name' is not a valid name"), messages.get(2));
        assertTrue(messages.get(3).startsWith("test.fs:8:48: error: MIN must be a number"), messages.get(3));
        assertTrue(messages.get(4).startsWith("test.fs:9:19: error: 'TIME' is a built-in name"), messages.get(4));
        assertTrue(messages.get(5).startsWith("test.fs:11:43: error: WIDTH: '$nope' is neither"), messages.get(5));
    }

    @Test
    void longValuesAndLabelsMustMatch() {
        ShaderException e = failure("""
                /*{ "INPUTS": [ { "NAME": "mode", "TYPE": "long", "VALUES": [0, 1], "LABELS": ["one"] } ] }*/
                """);
        assertTrue(e.first().message().contains("LABELS has 1 entries but VALUES has 2"), e.getMessage());
    }

    @Test
    void theHeaderMustBeAnObjectAndCubeMapsAreRefused() {
        assertTrue(failure("/*[1, 2]*/\n").first().message().contains("JSON object"));
        ShaderException cube = failure("""
                /*{ "INPUTS": [ { "NAME": "sky", "TYPE": "cube" } ] }*/
                """);
        assertTrue(cube.first().message().contains("cube-map inputs are not supported"), cube.getMessage());
    }

    @Test
    void findsTheHeaderCommentOnlyAtTheTop() {
        assertTrue(IsfHeaderParser.looksLikeIsf("\n  /*{ }*/ void main(){}"));
        assertTrue(IsfHeaderParser.looksLikeIsf("// note\n/*{ \"INPUTS\": [] }*/"));
        assertFalse(IsfHeaderParser.looksLikeIsf("void main() {} /*{ }*/"));
        assertFalse(IsfHeaderParser.looksLikeIsf("/* a licence */ void main() {}"));
        IsfHeaderParser.Split split = IsfHeaderParser.split("/*{\n}\n*/\nvoid main(){}").orElseThrow();
        assertEquals(3, split.closeLine());
    }
}
