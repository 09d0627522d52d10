package org.liquide.showcase;


import java.time.LocalTime;
import java.util.Optional;

/**
 * Opening hours and what happens outside them.
 *
 * @param outsideScene a scene to show outside the hours instead of sleeping (empty: sleep)
 */
public record ScheduleConfig(OpeningHours hours, Optional<LocalTime> dailyRestart, Optional<String> outsideScene) {
}
