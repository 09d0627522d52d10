package org.liquide.control;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tests of the panel's pages in a real headless Chromium, one browser for the whole test class. Each
 * test opens a page on its {@link TestServer}, and its page must end without JavaScript or CSP errors.
 */
abstract class PanelInChromium {
    static Chromium browser;

    @BeforeAll
    static void launchBrowser() throws Exception {
        browser = Chromium.launch();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The panel of this server, in a browser signed out and with no page error yet. */
    static PanelDriver openPanel(TestServer server) {
        PanelDriver panel = new PanelDriver(browser, server.url());
        panel.signOutOfBrowser();
        browser.clearPageErrors();
        return panel;
    }

    /** Fails on any error the page had, then signs the browser out and stops the server. */
    static void closePanel(PanelDriver panel, TestServer server) {
        try {
            assertEquals(List.of(), browser.pageErrors(), "JavaScript or CSP errors on the page");
        } finally {
            panel.signOutOfBrowser();
            server.close();
        }
    }
}
