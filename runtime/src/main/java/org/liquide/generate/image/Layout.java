package org.liquide.generate.image;

/** How an image's channels lie in a float tensor. */
public enum Layout {
    /** Channel planes one after the other: C×H×W (NCHW without the batch). */
    PLANAR,
    /** Channels of each pixel together: H×W×C. */
    INTERLEAVED
}
