package org.liquide.show.schedule;

/** What the schedule asks of the show. Called on the scheduler's thread. */
public interface ScheduleListener {
    /** Opening time: wake the show. */
    void opened();

    /** Closing time: put the show to sleep (or to its out-of-hours scene). */
    void closed();

    /** What the show does while closed, said in the schedule's log line ("the show sleeps, black; ..."). */
    default String whileClosed() {
        return "";
    }

    /** The daily restart time has come. */
    void dailyRestart();
}
