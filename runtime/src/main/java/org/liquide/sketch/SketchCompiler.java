package org.liquide.sketch;

import org.liquide.config.ConfigError;
import org.liquide.config.TextFile;
import org.liquide.config.UnreadableTextException;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a scene's sketch source in memory with the JDK's compiler, against the runtime's own class
 * path, so an edited sketch can be swapped in while the show runs. Each new source text gets a fresh class
 * loader: the old version stays valid until the new one replaces it. A text already compiled (the same sketch
 * on stage again) gives back its class, so a sketch's static fields live as long as its text is unchanged.
 *
 * <p>The package comes from the class name asked for (the scene folder's, {@code SketchNames.packageOf}), whatever
 * the file declares: a scene copied to a new folder keeps its old {@code package} line and still runs. The
 * declaration is replaced on its own line, so javac's lines and columns stay the file's.
 */
public final class SketchCompiler {
    /**
     * One file manager for every compile, kept open: it opens the classpath's jars once. A manager per
     * compile would open them all again each time (a scene change, an edit), and javac does not give every
     * one of them back, so a season of scene changes would run out of file descriptors and memory.
     */
    private static StandardJavaFileManager sharedFiles;
    /** The package declaration: at the start of a line, before any type (comments before it are left alone). */
    /** Enough for every sketch of a show and a few edits of each. */
    private static final CompiledSketches COMPILED = new CompiledSketches(64);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;", Pattern.MULTILINE);

    private SketchCompiler() {
    }

    private static synchronized StandardJavaFileManager files(JavaCompiler compiler) {
        if (sharedFiles == null) {
            sharedFiles = compiler.getStandardFileManager(null, Locale.ROOT, null);
        }
        return sharedFiles;
    }

    /** Compiles {@code source} and returns its class {@code className} (fully qualified), a {@link Sketch}. */
    public static Class<? extends Sketch> compile(Path source, String className) throws SketchCompileException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new SketchCompileException(source.toString(), "no Java compiler in this runtime (a JDK, not a JRE, is needed)");
        }
        String code;
        try {
            code = inPackage(TextFile.read(source), className.substring(0, Math.max(0, className.lastIndexOf('.'))));
        } catch (UnreadableTextException e) {
            throw new SketchCompileException(List.of(e.error()));
        }
        Optional<Class<? extends Sketch>> compiled = COMPILED.find(className, code);
        if (compiled.isPresent()) {
            return compiled.get();
        }
        Class<? extends Sketch> type = compileNew(compiler, source, className, code);
        COMPILED.keep(className, code, type);
        return type;
    }

    private static Class<? extends Sketch> compileNew(JavaCompiler compiler, Path source, String className, String code)
            throws SketchCompileException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = files(compiler);
        JavaFileObject unit = new SimpleJavaFileObject(source.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public void close() {
                // the shared manager stays open for the next compile
            }

            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("memory:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        classes.put(name, bytes);
                        return bytes;
                    }
                };
            }
        };
        synchronized (SketchCompiler.class) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                    "-Xlint:none", "-implicit:none");
            boolean ok = compiler.getTask(null, memory, diagnostics, options, null, List.of(unit)).call();
            if (!ok) {
                throw new SketchCompileException(diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> new ConfigError(source.toString(), (int) Math.max(1, d.getLineNumber()),
                                (int) Math.max(1, d.getColumnNumber()), oneLine(d.getMessage(Locale.ROOT))))
                        .toList());
            }
        }
        ClassLoader loader = new ClassLoader(Sketch.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] data = bytes.toByteArray();
                return defineClass(name, data, 0, data.length);
            }
        };
        try {
            Class<?> type = loader.loadClass(className);
            if (!Sketch.class.isAssignableFrom(type)) {
                throw new SketchCompileException(source.toString(), className + " must extend org.liquide.sketch.Sketch");
            }
            return type.asSubclass(Sketch.class);
        } catch (ClassNotFoundException e) {
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            throw new SketchCompileException(source.toString(), "no class " + simpleName + " in this file (a sketch's"
                    + " class is named as its file: sketches/" + simpleName + ".java holds class " + simpleName + ")");
        }
    }

    /** The source with its package declaration (or, without one, its first line) set to {@code pkg}. */
    static String inPackage(String code, String pkg) {
        Matcher declared = PACKAGE.matcher(code);
        if (declared.find()) {
            return code.substring(0, declared.start(1)) + pkg + code.substring(declared.end(1));
        }
        return "package " + pkg + "; " + code;
    }

    /** javac's multi-line messages (cannot find symbol / symbol: / location:) on one line. */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", ", ").replaceAll("\\s{2,}", " ");
    }
}
