package org.liquide.scene;

import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameTask;
import org.liquide.scene.model.PromptTemplate;
import org.liquide.signal.mapping.ParameterTarget;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words of a scene's prompt templates, chosen by mappings: each slot holds a value in [0, 1] (the
 * {@code prompt.<slot>} target), which picks one of the slot's words, and each template's params get the
 * prompt blend that points exactly at the chosen combination. Slots are shared by name across the scene's
 * templates, so a layer with its own template follows the same choices. Render thread; no allocation.
 */
final class PromptWords {
    private final List<String> slots;
    private final float[] values;

    PromptWords(Set<String> slots) {
        this.slots = List.copyOf(new LinkedHashSet<>(slots));
        this.values = new float[this.slots.size()];
    }

    /** The {@code prompt.<slot>} target, if this scene has that slot. */
    Optional<ParameterTarget> target(String name) {
        if (!name.startsWith("prompt.")) {
            return Optional.empty();
        }
        int index = slots.indexOf(name.substring("prompt.".length()));
        return index < 0 ? Optional.empty()
                : Optional.of(new ParameterTarget(name, v -> values[index] = (float) Math.max(0, Math.min(1, v))));
    }

    /** The task that sets {@code params}' prompt blend from the chosen words of {@code template}. */
    FrameTask selecting(GenerationParams params, PromptTemplate template) {
        List<String> names = template.slotNames();
        int[] valueIndex = new int[names.size()];
        int[] sizes = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            valueIndex[i] = slots.indexOf(names.get(i));
            sizes[i] = template.slots().get(names.get(i)).size();
        }
        int last = (int) template.combinations() - 1;
        return clock -> {
            int index = 0;
            for (int i = 0; i < sizes.length; i++) {
                int n = sizes[i];
                int choice = valueIndex[i] < 0 ? 0 : Math.min(n - 1, (int) (values[valueIndex[i]] * n));
                index = index * n + choice;
            }
            params.promptBlend(last == 0 ? 0 : (float) index / last);
        };
    }

    /** Every slot of the templates a scene's generators use. */
    static Set<String> slotsOf(List<PromptTemplate> templates) {
        Set<String> names = new LinkedHashSet<>();
        templates.forEach(t -> names.addAll(t.slotNames()));
        return names;
    }

    static List<PromptTemplate> templates(Optional<PromptTemplate> scene, List<Optional<PromptTemplate>> layers) {
        List<PromptTemplate> all = new ArrayList<>();
        scene.ifPresent(all::add);
        layers.forEach(l -> l.ifPresent(all::add));
        return all;
    }
}
