package org.liquide.show;

import org.liquide.show.schedule.ScheduleListener;
import org.liquide.showcase.ScheduleConfig;

/**
 * What the opening hours do to a running showcase: it wakes at opening, sleeps at closing (or plays the scene meant
 * for outside the hours), and ends its render loop for the daily restart.
 */
final class ShowSchedule implements ScheduleListener {
    private final ScenePlayer player;
    private final ScheduleConfig schedule;
    private final Runnable restart;

    /** @param restart ends the show for the daily restart */
    ShowSchedule(ScenePlayer player, ScheduleConfig schedule, Runnable restart) {
        this.player = player;
        this.schedule = schedule;
        this.restart = restart;
    }

    @Override
    public void opened() {
        player.wake();
    }

    @Override
    public void closed() {
        schedule.outsideScene().ifPresentOrElse(player::showOutsideHours, player::sleep);
    }

    @Override
    public String whileClosed() {
        return schedule.outsideScene().map(scene -> "scene " + scene + " plays until then")
                .orElse("the show sleeps, black, until then; to see it now, run with --ignore-schedule"
                        + " or press Wake in the control panel");
    }

    @Override
    public void dailyRestart() {
        restart.run();
    }
}
