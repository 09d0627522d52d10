package org.liquide.generate.image;

/**
 * Bilinear sampling positions along one axis, from a source length to a target length (pixel centres
 * aligned), recomputed only when either length changes.
 */
final class ResizeTable {
    private int sourceLength = -1;
    private int targetLength = -1;
    int[] low = new int[0];
    int[] high = new int[0];
    float[] weight = new float[0];

    void prepare(int source, int target) {
        if (source == sourceLength && target == targetLength) {
            return;
        }
        if (low.length < target) {
            low = new int[target];
            high = new int[target];
            weight = new float[target];
        }
        float ratio = (float) source / target;
        for (int i = 0; i < target; i++) {
            float position = Math.max(0f, (i + 0.5f) * ratio - 0.5f);
            int lo = Math.min((int) position, source - 1);
            low[i] = lo;
            high[i] = Math.min(lo + 1, source - 1);
            weight[i] = Math.min(1f, position - lo);
        }
        sourceLength = source;
        targetLength = target;
    }
}
