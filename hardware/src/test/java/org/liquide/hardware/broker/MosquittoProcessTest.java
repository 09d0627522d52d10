package org.liquide.hardware.broker;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The broker child process goes when its JVM is stopped by a signal: an endurance run stopped by Ctrl-C leaves none. */
class MosquittoProcessTest {
    /** Run in a JVM of its own: starts a broker, says so, and waits to be stopped. */
    public static void main(String[] args) throws Exception {
        MosquittoProcess broker = MosquittoProcess.start();
        System.out.println("listening " + broker.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void aJvmStoppedBySigtermTakesItsBrokerWithIt() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MosquittoProcessTest.class.getName())
                .redirectErrorStream(true).start();
        List<ProcessHandle> brokers = new java.util.ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the child JVM said nothing");
            assertTrue(line.startsWith("listening "), line);
            jvm.descendants().filter(p -> p.info().command().orElse("").endsWith("mosquitto")).forEach(brokers::add);
            assertEquals(1, brokers.size(), "one broker under the JVM");

            jvm.destroy(); // SIGTERM
            assertTrue(jvm.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS), "the JVM stopped");
            Await.until(Await.GENEROUS, "the broker gone with its JVM", () -> !brokers.getFirst().isAlive());
        } finally {
            jvm.destroyForcibly();
            brokers.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
