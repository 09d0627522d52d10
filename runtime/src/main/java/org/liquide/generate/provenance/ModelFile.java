package org.liquide.generate.provenance;

/** One file of a model: its path in the model's folder, size and sha256. */
public record ModelFile(String name, long size, String sha256) {
}
