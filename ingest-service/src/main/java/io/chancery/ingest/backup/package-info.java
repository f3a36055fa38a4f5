/**
 * Backup and restore of the source of truth: the export writes what the source topics
 * hold as import lines, and the import of those lines restores them with their revisions.
 */
@NullMarked
package io.chancery.ingest.backup;

import org.jspecify.annotations.NullMarked;
