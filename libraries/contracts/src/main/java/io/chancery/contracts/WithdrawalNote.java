package io.chancery.contracts;

import java.time.Instant;

/**
 * Why and when an item that stays readable was withdrawn.
 *
 * @param note the explanation shown with the item
 * @param withdrawnAt when the withdrawal was accepted
 */
public record WithdrawalNote(String note, Instant withdrawnAt) {
}
