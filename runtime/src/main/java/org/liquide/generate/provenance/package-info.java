/**
 * Where a model's weights come from and under which terms: repository, commit, files with their sha256, size
 * and the licence its model card declares. {@code liquide models check} prints it, the journal keeps it with each
 * scene shown, and {@code validate} compares the licence with the use a showcase declares.
 */
package org.liquide.generate.provenance;
