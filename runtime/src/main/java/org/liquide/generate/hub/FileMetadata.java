package org.liquide.generate.hub;

import java.net.URI;

/**
 * What the Hub's {@code resolve/} answers about a file before sending it.
 *
 * @param commit   {@code X-Repo-Commit}: the commit the file was resolved at
 * @param etag     {@code X-Linked-Etag} (the sha256 of a large file) or else {@code ETag} (the git blob id), unquoted
 * @param size     {@code X-Linked-Size} or else {@code Content-Length}; -1 when neither was sent
 * @param location where the content is: the redirect's target for a large file (a CDN), else the resolve URL
 */
public record FileMetadata(String commit, String etag, long size, URI location) {
}
