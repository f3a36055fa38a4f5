/**
 * Plain HTTP/1.1 calls and JSON, the way any client of the platform or of Elasticsearch
 * makes them.
 */
@NullMarked
package io.chancery.benchmarks.http;

import org.jspecify.annotations.NullMarked;
