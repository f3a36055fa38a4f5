/**
 * Token filters for one analyzer over Russian and English text, loaded by Elasticsearch
 * through its stable plugin API: ё folding, and Russian and English Snowball stemming
 * that each touch only words of their own script.
 */
@NullMarked
package io.chancery.analysis;

import org.jspecify.annotations.NullMarked;
