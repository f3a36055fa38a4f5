/**
 * The read side: what every read route shares — the query model and its parameters, their
 * translation into Elasticsearch queries, paging by number or by cursor — and, in its
 * subpackages, what each kind of read serves: {@code search}, {@code listings} (items,
 * listings, the archive), {@code feeds} and {@code export}.
 */
@NullMarked
package io.chancery.search.reading;

import org.jspecify.annotations.NullMarked;
