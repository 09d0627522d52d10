package org.liquide.generate.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SessionPoolTest {
    /** y = tanh(x · w), with w's values given: another w, another model. */
    private static byte[] model(float w) {
        OnnxGraph graph = new OnnxGraph("pooled");
        graph.input("x", ElementType.FLOAT32, "batch", 2);
        String weights = graph.constant("w", new long[]{2, 1}, new float[]{w, w});
        graph.nodeNamed("y", "Tanh", List.of(graph.node("MatMul", List.of("x", weights))));
        graph.output("y", ElementType.FLOAT32, "batch", 1);
        return graph.toModelBytes();
    }

    private static float run(ModelSession session, float x0, float x1) {
        TensorBuffer x = session.bufferFor(session.input("x")).reshape(1, 2);
        x.setFloats(new float[]{x0, x1}, 2);
        TensorBuffer y = session.bufferFor(session.output("y"));
        session.run(List.of(x), List.of(y));
        return y.getFloat(0);
    }

    @Test
    void aSessionGivenBackServesTheNextUserOfTheSameModel() throws Exception {
        SessionPool pool = new SessionPool(4);
        ModelSession first = pool.load("pooled", model(0.5f), EngineOptions.cpu());
        TensorBuffer buffer = first.bufferFor(first.input("x")).reshape(1000, 2);
        assertEquals(Math.tanh(0.5 * 3), run(first, 1, 2), 1e-6);
        first.close();
        assertEquals(0, buffer.capacityBytes(), "what the first user made is freed when it gives the session back");
        assertEquals(1, pool.idle());

        ModelSession second = pool.load("pooled", model(0.5f), EngineOptions.cpu());
        assertSame(first, second, "the same model with the same options: the session kept open");
        assertEquals(1, pool.opened());
        assertEquals(0, pool.idle());
        assertEquals(Math.tanh(0.5 * 7), run(second, 3, 4), 1e-6, "and it runs for its new user");
        second.close();
        pool.closeIdle();
    }

    @Test
    void usersAtTheSameTimeGetSessionsOfTheirOwnAndAllAreKept() throws Exception {
        SessionPool pool = new SessionPool(4);
        ModelSession a = pool.load("pooled", model(1), EngineOptions.cpu());
        ModelSession b = pool.load("pooled", model(1), EngineOptions.cpu());
        assertNotSame(a, b, "a session is lent to one user at a time");
        a.close();
        b.close();
        assertEquals(2, pool.idle());
        for (int change = 0; change < 50; change++) {
            ModelSession c = pool.load("pooled", model(1), EngineOptions.cpu());
            ModelSession d = pool.load("pooled", model(1), EngineOptions.cpu());
            assertEquals(Math.tanh(2), run(c, 1, 1), 1e-6);
            assertEquals(Math.tanh(2), run(d, 1, 1), 1e-6);
            c.close();
            d.close();
        }
        assertEquals(2, pool.opened(), "fifty changes between two users of one model opened no session");
        pool.closeIdle();
    }

    @Test
    void anotherModelOrOtherOptionsOpenAnotherSession() throws Exception {
        SessionPool pool = new SessionPool(4);
        pool.load("pooled", model(1), EngineOptions.cpu()).close();
        ModelSession other = pool.load("pooled", model(2), EngineOptions.cpu());
        assertEquals(Math.tanh(4), run(other, 1, 1), 1e-6, "another model's weights, not the idle one's");
        other.close();
        ModelSession fewerThreads = pool.load("pooled", model(1), EngineOptions.cpu().withThreads(1, 1));
        fewerThreads.close();
        assertEquals(3, pool.opened());
        pool.closeIdle();
    }

    @Test
    void idleSessionsBeyondTheLimitCloseTheLeastRecentlyUsedFirst() throws Exception {
        SessionPool pool = new SessionPool(1);
        ModelSession one = pool.load("pooled", model(1), EngineOptions.cpu());
        ModelSession two = pool.load("pooled", model(2), EngineOptions.cpu());
        one.close();
        two.close();
        assertEquals(1, pool.idle());
        assertThrows(IllegalStateException.class, () -> run(one, 1, 1), "the older idle session is closed");
        assertSame(two, pool.load("pooled", model(2), EngineOptions.cpu()), "the newer one is kept");
        ModelSession again = pool.load("pooled", model(1), EngineOptions.cpu());
        assertNotSame(one, again);
        assertEquals(3, pool.opened());
        again.close();
        pool.closeIdle();
    }

    @Test
    void closingTwiceGivesTheSessionBackOnce() throws Exception {
        SessionPool pool = new SessionPool(4);
        ModelSession session = pool.load("pooled", model(1), EngineOptions.cpu());
        session.close();
        session.close();
        assertEquals(1, pool.idle());
        ModelSession a = pool.load("pooled", model(1), EngineOptions.cpu());
        ModelSession b = pool.load("pooled", model(1), EngineOptions.cpu());
        assertNotSame(a, b, "one session is never lent to two users");
        a.close();
        b.close();
        pool.closeIdle();
    }

    @Test
    void aModelFileThatChangedOpensAgain(@TempDir Path dir) throws Exception {
        SessionPool pool = new SessionPool(4);
        Path file = dir.resolve("model.onnx");
        Files.write(file, model(1));
        ModelSession before = pool.load(file, EngineOptions.cpu());
        before.close();
        assertSame(before, pool.load(file, EngineOptions.cpu()), "the same file, unchanged");
        before.close();

        Files.write(file, model(3));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        ModelSession after = pool.load(file, EngineOptions.cpu());
        assertNotSame(before, after);
        assertEquals(Math.tanh(6), run(after, 1, 1), 1e-6, "the file's new weights");
        after.close();
        pool.closeIdle();
    }

    @Test
    void aSessionThatGaveBackItsWorkingMemoryRunsLargeInputsAgain() throws Exception {
        SessionPool pool = new SessionPool(4);
        ModelSession session = pool.load("pooled", model(0.25f), EngineOptions.cpu());
        TensorBuffer x = session.bufferFor(session.input("x")).reshape(50_000, 2);
        x.fill(1f);
        TensorBuffer y = session.bufferFor(session.output("y"));
        session.run(List.of(x), List.of(y));
        x.reshape(1, 2).fill(0f);
        session.runReleasingMemory(List.of(x), List.of(y));
        session.close();

        ModelSession again = pool.load("pooled", model(0.25f), EngineOptions.cpu());
        assertSame(session, again);
        TensorBuffer large = again.bufferFor(again.input("x")).reshape(50_000, 2);
        large.fill(2f);
        TensorBuffer out = again.bufferFor(again.output("y"));
        again.run(List.of(large), List.of(out));
        assertArrayEquals(new long[]{50_000, 1}, out.shape());
        assertEquals(Math.tanh(1), out.getFloat(49_999), 1e-6);
        again.close();
        pool.closeIdle();
    }
}
