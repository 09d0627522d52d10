/**
 * Models from the Hugging Face Hub, kept in the Hub's own cache layout so that Python tools and Liquide share
 * one copy.
 *
 * <p>{@link org.liquide.generate.hub.HubPull} is the one download of the project ({@code liquide models pull}, run
 * by a person): it lists a revision through the Hub's HTTP API ({@link org.liquide.generate.hub.HubClient}),
 * downloads each file through {@code resolve/}, resumes cut downloads, verifies every file against its sha256 (large
 * files) or git blob id (small files), and files it into {@link org.liquide.generate.hub.HubCache}. The show only
 * ever reads the cache, offline: a model named {@code hf:org/name@commit}
 * ({@link org.liquide.generate.hub.HubModelName}) is a snapshot folder there.
 */
package org.liquide.generate.hub;
