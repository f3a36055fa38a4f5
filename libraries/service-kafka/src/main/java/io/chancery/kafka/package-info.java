/**
 * The Kafka mechanisms the services share, written once: the settings of a reader that
 * takes topics whole without a consumer group ({@link io.chancery.kafka.WholeTopics}), a
 * thread that follows topics from their first record and says when it has caught up
 * ({@link io.chancery.kafka.TopicFollower}), a transactional producer that one replica at
 * a time holds, taken by fencing the previous holder and catching up
 * ({@link io.chancery.kafka.FencedWriter}) once its reader has read as far
 * ({@link io.chancery.kafka.ReadPositions}), a writer of dead letters with the same
 * headers in every service ({@link io.chancery.kafka.DeadLetterWriter}), and the reader
 * of them behind both services' admin routes
 * ({@link io.chancery.kafka.DeadLetterReader}).
 * <p>
 * Consuming with a group stays with Spring Cloud Stream, which search-service's indexing
 * uses. Spring Kafka's listener containers are not used for following: they are built
 * around a group (joining, committing, rebalancing), while a follower reads every
 * partition from the first record at each start (ADR 3) and must know the moment it has
 * read as far as the topics went at start. Spring Kafka's dead-letter recoverer is not
 * used either: search-service learns which records of a batch cannot be indexed from
 * Elasticsearch's per-item answers, after the batch, and counter-service from its own
 * reading, so both call the writer themselves.
 */
@NullMarked
package io.chancery.kafka;

import org.jspecify.annotations.NullMarked;
