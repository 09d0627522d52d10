package org.liquide.app;

import org.liquide.control.ControlServer;
import org.liquide.control.ControlSettings;
import org.liquide.control.OscCommands;
import org.liquide.log.LogTail;
import org.liquide.net.PortUnavailableException;
import org.liquide.show.RunOptions;
import org.liquide.show.ShowRuntime;
import org.liquide.showcase.ControlConfig;
import org.liquide.showcase.ShowcaseConfig;

import java.io.IOException;

/**
 * The composition root: builds a running show from a validated showcase configuration and attaches what acts on
 * it (OSC commands, the control panel with its log tail), then starts it. The command line, the endurance run
 * and the benchmarks start shows here; no package below this one knows the panel and the show together.
 */
public final class ShowLauncher {
    private static final int LOG_LINES = 500;

    private ShowLauncher() {
    }

    /**
     * Starts a showcase. A port that cannot be had (OSC, the panel, OSCQuery) stops the start with the setting
     * that moves it, and what had started is closed.
     */
    public static ShowRuntime start(ShowcaseConfig config, RunOptions options) throws IOException {
        LogTail tail = LogTail.install(LOG_LINES);
        ShowRuntime show = ShowRuntime.open(config, options);
        try {
            show.onOscCommand(new OscCommands(show.control()));
            if (options.panel() && config.control().enabled()) {
                ControlServer panel;
                try {
                    panel = new ControlServer(controlSettings(config.control()), show.control(), show.previews(), tail).start();
                } catch (PortUnavailableException e) {
                    throw e.movedBy("control.port in " + config.file());
                }
                show.attachPanel(panel.url(), panel);
            }
        } catch (RuntimeException e) {
            show.close();
            throw e;
        }
        show.start();
        return show;
    }

    /** The panel's settings as showcase.yaml gives them. */
    public static ControlSettings controlSettings(ControlConfig control) {
        return new ControlSettings(control.host(), control.port(), control.tokenFile(), control.openStatus(),
                control.allowedHosts());
    }
}
