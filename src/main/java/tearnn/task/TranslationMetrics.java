package tearnn.task;

/**
 * A translator's held-out measures: the share of outputs exactly right, the share of target characters
 * right in their place (an output too short misses the rest), the mean loss with teacher forcing
 * (nats per target token), and the exact-match share by source length (index: the length; NaN where no
 * held-out source has it).
 */
public record TranslationMetrics(double exactMatch, double perCharacter, double loss, double[] exactByLength) {
}
