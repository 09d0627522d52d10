package org.liquide.generate.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Sessions kept open across scene changes. A generator takes a session for its model here and gives it back by
 * closing it; the next generator of the same model with the same {@link EngineOptions} (the next scene, or the
 * next seed) gets that session instead of a new one. Opening a session costs seconds for a large model, and
 * ONNX Runtime keeps part of every session's native memory after it closes, so a show that changed scene
 * thousands of times grew without bound when each change opened its models again.
 *
 * <p>A session is lent to one user at a time (a {@link ModelSession} is not for two threads): two generators of
 * the same model at once (three panels of one scene, or a crossfade between two scenes) get two sessions, and
 * both are kept for the next time. At most {@code idleLimit} idle sessions stay open, the least recently given
 * back closing first; when a model fails to open while idle sessions hold memory (a GPU's, often), they are
 * closed and the model is tried once more. A generator whose inputs can be made small gives its session back
 * after {@link ModelSession#runReleasingMemory}, so an idle session holds its weights, not its working memory
 * (the CPPN at 640x360: about 20 MB idle instead of 250 MB).
 */
public final class SessionPool {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    /** Enough for the widest scene (three generator panels) crossfading into another as wide, and a spare. */
    static final int DEFAULT_IDLE_LIMIT = 8;
    private static final SessionPool SHARED = new SessionPool(DEFAULT_IDLE_LIMIT);

    private final int idleLimit;
    /** Idle sessions, the least recently given back first. */
    private final Deque<ModelSession> idle = new ArrayDeque<>();
    private long opened;

    public SessionPool(int idleLimit) {
        if (idleLimit < 0) {
            throw new IllegalArgumentException("idle limit " + idleLimit);
        }
        this.idleLimit = idleLimit;
    }

    /** The pool of the process: one ONNX Runtime environment, one set of open sessions. */
    public static SessionPool shared() {
        return SHARED;
    }

    /** A session for an .onnx file: an idle one for the same file and options, or a new one. */
    public ModelSession load(Path file, EngineOptions options) throws ModelLoadException {
        return lend(ModelSource.of(file), options);
    }

    /** A session for a model held in memory: an idle one for the same bytes and options, or a new one. */
    public ModelSession load(String name, byte[] onnx, EngineOptions options) throws ModelLoadException {
        return lend(ModelSource.of(name, onnx), options);
    }

    /** Sessions opened by this pool since it was made. */
    public synchronized long opened() {
        return opened;
    }

    /** Sessions open and waiting for a user. */
    public synchronized int idle() {
        return idle.size();
    }

    /** Closes every idle session (sessions lent out are closed when given back, not before). */
    public void closeIdle() {
        List<ModelSession> closing;
        synchronized (this) {
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(ModelSession::release);
    }

    private ModelSession lend(ModelSource source, EngineOptions options) throws ModelLoadException {
        ModelSession session = takeIdle(source, options);
        if (session == null) {
            session = open(source, options);
        }
        session.lendFrom(this);
        return session;
    }

    private ModelSession open(ModelSource source, EngineOptions options) throws ModelLoadException {
        ModelSession session;
        try {
            session = ModelSession.open(source, options);
        } catch (ModelLoadException e) {
            if (idle() == 0) {
                throw e;
            }
            LOG.info("{} did not open beside {} idle sessions; closing them and trying again", source.name(), idle());
            closeIdle();
            session = ModelSession.open(source, options);
        }
        synchronized (this) {
            opened++;
        }
        return session;
    }

    private synchronized ModelSession takeIdle(ModelSource source, EngineOptions options) {
        Iterator<ModelSession> newestFirst = idle.descendingIterator();
        while (newestFirst.hasNext()) {
            ModelSession candidate = newestFirst.next();
            if (candidate.source().identity().equals(source.identity()) && candidate.options().equals(options)) {
                newestFirst.remove();
                return candidate;
            }
        }
        return null;
    }

    void giveBack(ModelSession session) {
        ModelSession evicted = null;
        synchronized (this) {
            idle.addLast(session);
            if (idle.size() > idleLimit) {
                evicted = idle.removeFirst();
            }
        }
        if (evicted != null) {
            evicted.release();
        }
    }
}
