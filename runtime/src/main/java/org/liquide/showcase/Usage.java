package org.liquide.showcase;

/**
 * The use a showcase declares for its models' licences ({@code usage: {commercial: true}}): a paid exhibition, a
 * commission or a sponsor's event is commercial. {@code validate} refuses a model whose licence forbids it.
 *
 * @param line   where {@code usage:} is in the showcase file (1-based), for messages
 * @param column likewise
 */
public record Usage(boolean commercial, int line, int column) {
}
