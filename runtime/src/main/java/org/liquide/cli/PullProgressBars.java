package org.liquide.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.liquide.generate.hub.PullProgress;
import org.liquide.generate.hub.RepoFile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A pull on standard error: one bar per file being fetched, and one for the whole pull. */
final class PullProgressBars implements PullProgress, AutoCloseable {
    private static final long MIB = 1L << 20;
    private final Map<String, ProgressBar> files = new ConcurrentHashMap<>();
    private volatile ProgressBar total;

    @Override
    public void begin(List<RepoFile> fetched, long totalBytes) {
        if (!fetched.isEmpty()) {
            total = bar("total (" + fetched.size() + " files)", totalBytes);
        }
    }

    @Override
    public void started(RepoFile file, long alreadyHave) {
        ProgressBar bar = files.computeIfAbsent(file.name(), name -> bar(shorten(name), file.size()));
        long before = bar.getCurrent();
        bar.stepTo(alreadyHave);
        ProgressBar all = total;
        if (all != null) {
            all.stepBy(alreadyHave - before); // a resumed file counts what it already had, once
        }
    }

    @Override
    public void advanced(RepoFile file, long bytes) {
        ProgressBar bar = files.get(file.name());
        if (bar != null) {
            bar.stepBy(bytes);
        }
        ProgressBar all = total;
        if (all != null) {
            all.stepBy(bytes);
        }
    }

    @Override
    public void finished(RepoFile file, boolean ok) {
        ProgressBar bar = files.remove(file.name());
        if (bar != null) {
            bar.setExtraMessage(ok ? "verified" : "FAILED");
            bar.close();
        }
    }

    @Override
    public void close() {
        files.values().forEach(ProgressBar::close);
        files.clear();
        ProgressBar all = total;
        if (all != null) {
            all.close();
        }
    }

    private static ProgressBar bar(String task, long bytes) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(bytes).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MiB", MIB).showSpeed().setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    private static String shorten(String name) {
        return name.length() > 30 ? "…" + name.substring(name.length() - 29) : name;
    }
}
