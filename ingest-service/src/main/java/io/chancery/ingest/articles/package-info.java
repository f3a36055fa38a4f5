/**
 * Articles — speeches, interviews, articles, statements, press releases, comments — as
 * editors create, replace and withdraw them.
 */
@NullMarked
package io.chancery.ingest.articles;

import org.jspecify.annotations.NullMarked;
