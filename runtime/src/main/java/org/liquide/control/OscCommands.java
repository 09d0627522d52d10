package org.liquide.control;

import org.liquide.show.api.ShowControl;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Show control over OSC, mirroring the API, for QLab, TouchDesigner or a lighting desk. Plug it into the
 * OSC source: {@code osc.onCommand(new OscCommands(show))}.
 *
 * <ul>
 *   <li>{@code /liquide/scene <name>}: switch to a scene (string argument)</li>
 *   <li>{@code /liquide/blackout <0|1>}: 1 (or true) fades to black, 0 (or false) back</li>
 *   <li>{@code /liquide/record <0|1>}: 1 (or true) starts recording the output to the journal, 0 (or
 *       false) stops; starting while recording, or stopping while not, is logged and ignored</li>
 *   <li>{@code /liquide/next}, {@code /liquide/sleep}, {@code /liquide/wake}, {@code /liquide/reload},
 *       {@code /liquide/snapshot}: no argument (or a single nil or impulse, N or I, as OSCQuery clients send); a
 *       single number is read as a button (non-zero: press, acts; zero: release, ignored), which is what
 *       TouchDesigner and most controllers send</li>
 * </ul>
 * Bad arguments, unknown scenes and unknown addresses are logged once per address (then at debug) and
 * ignored. What is logged, applied or refused, is rate-limited ({@link RateLimitedLog}): a flood of
 * datagrams writes a few lines. Runs on the OSC receiving thread; every {@link ShowControl} call returns at once.
 */
public final class OscCommands implements BiConsumer<String, List<Object>> {
    static final int MAX_REMEMBERED = 256;
    private static final Logger LOG = LoggerFactory.getLogger(OscCommands.class);

    private final ShowControl show;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog applied = RateLimitedLog.of(LOG);
    private final RateLimitedLog refused = RateLimitedLog.of(LOG);

    public OscCommands(ShowControl show) {
        this.show = show;
    }

    @Override
    public void accept(String address, List<Object> arguments) {
        List<Object> args = arguments == null ? List.of() : arguments;
        try {
            switch (address) {
                case "/liquide/scene" -> scene(address, args);
                case "/liquide/blackout" -> blackout(address, args);
                case "/liquide/record" -> record(address, args);
                case "/liquide/next" -> trigger(address, args, show::next);
                case "/liquide/sleep" -> trigger(address, args, show::sleep);
                case "/liquide/wake" -> trigger(address, args, show::wake);
                case "/liquide/reload" -> trigger(address, args, show::reload);
                case "/liquide/snapshot" -> trigger(address, args, this::snapshot);
                default -> bad(address, "unknown OSC command " + address
                        + " (known: /liquide/scene, next, blackout, record, sleep, wake, reload, snapshot)");
            }
        } catch (RuntimeException e) {
            bad(address, "OSC " + address + " failed: " + e.getMessage());
        }
    }

    private void scene(String address, List<Object> args) {
        if (args.size() != 1 || !(args.getFirst() instanceof CharSequence name) || name.isEmpty()) {
            bad(address, "OSC " + address + " takes one string, the scene's name; got " + describe(args));
            return;
        }
        try {
            show.switchScene(name.toString());
            applied.info("OSC: scene {}", name);
        } catch (IllegalArgumentException e) {
            bad(address, "OSC " + address + ": " + e.getMessage());
        }
    }

    private void blackout(String address, List<Object> args) {
        Boolean on = args.size() == 1 ? zeroOrOne(args.getFirst()) : null;
        if (on == null) {
            bad(address, "OSC " + address + " takes one argument, 0 or 1; got " + describe(args));
            return;
        }
        show.blackout(on);
        applied.info("OSC: blackout {}", on ? "on" : "off");
    }

    private void record(String address, List<Object> args) {
        Boolean on = args.size() == 1 ? zeroOrOne(args.getFirst()) : null;
        if (on == null) {
            bad(address, "OSC " + address + " takes one argument, 1 (start) or 0 (stop); got " + describe(args));
            return;
        }
        try {
            java.nio.file.Path file = on ? show.startRecording() : show.stopRecording();
            applied.info("OSC: recording {} ({})", on ? "started" : "stopped", file);
        } catch (IllegalStateException e) {
            bad(address, "OSC " + address + " " + (on ? 1 : 0) + ": " + e.getMessage());
        }
    }

    private void trigger(String address, List<Object> args, Runnable action) {
        if (!args.isEmpty()) {
            Object only = args.size() == 1 ? args.getFirst() : null;
            if (only instanceof Number number && Double.isFinite(number.doubleValue())) {
                if (number.doubleValue() == 0) {
                    return; // a button's release
                }
            } else if (only instanceof Boolean pressed) {
                if (!pressed) {
                    return;
                }
            } else if (args.size() == 1 && (only == null || only instanceof com.illposed.osc.argument.OSCImpulse)) {
                // N or I: what OSCQuery clients send to a method of type "N" (a momentary button)
            } else {
                bad(address, "OSC " + address + " takes no argument (or one number, as a button); got " + describe(args));
                return;
            }
        }
        action.run();
        applied.info("OSC: {}", address.substring("/liquide/".length()));
    }

    private void snapshot() {
        show.snapshot().whenComplete((path, error) -> {
            if (error != null) {
                refused.warn("OSC: the snapshot failed: {}", error.toString());
            } else {
                applied.info("OSC: snapshot written to {}", path);
            }
        });
    }

    private static Boolean zeroOrOne(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == 0) {
                return false;
            }
            if (d == 1) {
                return true;
            }
        }
        return null;
    }

    private void bad(String address, String message) {
        String key = address.length() > 200 ? address.substring(0, 200) : address;
        if (warned.size() < MAX_REMEMBERED && warned.add(key)) {
            refused.warn("{} (ignored; further problems with {} are logged at debug level)", message, key);
        } else {
            LOG.debug("{} (ignored)", message);
        }
    }

    private static String describe(List<Object> args) {
        if (args.isEmpty()) {
            return "nothing";
        }
        StringBuilder text = new StringBuilder();
        for (Object arg : args) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            String shown = String.valueOf(arg);
            text.append(shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                    .append(" (").append(arg == null ? "nil" : arg.getClass().getSimpleName()).append(')');
        }
        return text.toString();
    }
}
