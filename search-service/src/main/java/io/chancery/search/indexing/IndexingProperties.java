package io.chancery.search.indexing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request to Elasticsearch carries, below its request limit
 * ({@code http.max_content_length}, 100 MB by default).
 *
 * @param maxBulkBytes the most a bulk request carries, by the documents' estimated size;
 * a batch of records is split into as many bulks as that takes
 * @param maxDocumentBytes the largest document indexed; a larger one is dead-lettered
 * with its size as the cause instead of holding its partition
 * @param indexCheckInterval how often a consuming instance checks that the live index
 * still exists and holds what the topics do (else it is rebuilt from them)
 */
@ConfigurationProperties("chancery.indexing")
record IndexingProperties(@DefaultValue("10MB") DataSize maxBulkBytes, @DefaultValue("50MB") DataSize maxDocumentBytes,
		@DefaultValue("30s") Duration indexCheckInterval) {
}
