package dev.seqlab.embeddings.word2vec;

import java.util.Arrays;

/**
 * About {@value #TARGET_WORDS} tokens of corpus, as word ids: the unit of work the reader of a
 * {@link TrainingRun} hands to the training threads. Jobs are recycled.
 */
public final class TrainingJob {
    /** A job is handed out once it holds this many corpus tokens (gensim's batch_words). */
    public static final int TARGET_WORDS = 10_000;

    /** The in-vocabulary word ids of the job's sentences, one after the other. */
    int[] words = new int[TARGET_WORDS];
    /** How many ids of {@link #words} are used. */
    int length;
    /** End (exclusive) of each sentence in {@link #words}. */
    int[] sentenceEnds = new int[256];
    /** How many sentences. */
    int sentences;
    /** Corpus tokens the job covers, words out of the vocabulary included. */
    long corpusWords;
    /** The job's number in the whole run, which seeds its random choices. */
    long sequence;
    /** The pass over the corpus (from 0) in which the job ends. */
    int epoch;
    /** Corpus tokens of all the jobs before this one in the run, all epochs. */
    long startWord;
    /** Corpus tokens before this job in its pass over its part of the corpus ({@link TrainingRun.Plan#streams()}). */
    long streamWord;

    /** The word ids of the job's sentences, one after the other (valid up to {@link #length()}). */
    public int[] words() {
        return words;
    }

    /** How many word ids the job holds. */
    public int length() {
        return length;
    }

    /** How many sentences the job holds (some may be empty). */
    public int sentences() {
        return sentences;
    }

    /** The end (exclusive) in {@link #words()} of sentence {@code s}. */
    public int sentenceEnd(int s) {
        return sentenceEnds[s];
    }

    /** The job's number in the whole run, which seeds its random choices. */
    public long sequence() {
        return sequence;
    }

    /** The pass over the corpus (from 0) in which the job ends. */
    public int epoch() {
        return epoch;
    }

    /** Corpus tokens of all the jobs before this one in the run, all epochs: where its learning rate is taken. */
    public long startWord() {
        return startWord;
    }

    void clear(long seq) {
        length = 0;
        sentences = 0;
        corpusWords = 0;
        sequence = seq;
    }

    void reserve(int extraWords) {
        if (length + extraWords > words.length) {
            words = Arrays.copyOf(words, Math.max(words.length * 2, length + extraWords));
        }
        if (sentences == sentenceEnds.length) {
            sentenceEnds = Arrays.copyOf(sentenceEnds, sentences * 2);
        }
    }
}
