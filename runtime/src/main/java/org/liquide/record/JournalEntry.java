package org.liquide.record;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the journal's index ({@code journal.jsonl}): a snapshot, a scene shown (with its prompts,
 * seed and model), a new version of a configuration file, interactions counted over an hour, a
 * recording.
 *
 * @param file   path of the file it refers to, relative to the journal folder (empty if none)
 * @param fields what the entry says (scene, prompts, seed, model, count, diff...)
 */
public record JournalEntry(Instant time, String type, String file, Map<String, Object> fields) {
    public JournalEntry {
        fields = Map.copyOf(fields);
    }
}
