package io.chancery.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The catalog's only source of chance. {@link Random}'s algorithm is specified by the
 * JDK, so a seed yields the same catalog on every Java version.
 */
final class Dice {

	private final Random random;

	Dice(long seed) {
		this.random = new Random(seed);
	}

	<T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	/** A number from {@code min} to {@code max}, both included. */
	int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	/**
	 * An index chosen with the given weights.
	 */
	int weighted(double... weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double roll = this.random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** {@code count} different elements of {@code choices}, in the order drawn. */
	<T> List<T> sample(List<T> choices, int count) {
		List<T> remaining = new ArrayList<>(choices);
		List<T> sample = new ArrayList<>(count);
		for (int i = 0; i < count && !remaining.isEmpty(); i++) {
			sample.add(remaining.remove(this.random.nextInt(remaining.size())));
		}
		return sample;
	}

}
