package dev.seqlab.classify.eval;

/**
 * One class's scores.
 *
 * @param label     the class
 * @param precision of the sentences predicted as this class, the share that are (0 when none is predicted)
 * @param recall    of the sentences of this class, the share predicted as it (0 when there are none)
 * @param f1        the harmonic mean of precision and recall (0 when both are 0)
 * @param support   sentences of this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {}
