/**
 * The editorial record for editors and admins: every revision of an item with who made
 * it, when and why, any revision whole, what changed between two, and the audit of all
 * changes in a period.
 */
@NullMarked
package io.chancery.search.editorial;

import org.jspecify.annotations.NullMarked;
